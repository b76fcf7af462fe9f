import { likelySql, scoreSql, type MatchSide } from '../persons/person-candidates.js';

/**
 * The duplicates job for one province: every pair of open files living in its subtree (in any two
 * communes) that the likely-match rule of `POST /persons` matches (persons/person-candidates.ts)
 * is stored as a pending pair, or its score refreshed; a pair already marked `same` or `distinct`
 * is left as it was, so a distinct pair is never proposed again. Pending pairs of the province
 * that the run no longer finds (a file closed, merged or corrected since) are removed.
 *
 * Two open files cannot share a national id (unique index), so only pairs born the same day and
 * of the same sex are compared: a hash join on date of birth and sex, then the trigram similarity
 * of the folded names within each group.
 *
 * $1 the province id, $2 the LIKE pattern of its subtree. Returns the pairs found and the files compared.
 */
export const FIND_PAIRS_SQL = `
WITH people AS MATERIALIZED (
  SELECT p.id, p.date_of_birth, p.sex, p.national_id_hash,
         left(p.search_text, length(p.search_text) - length(p.case_code) - 1) AS name
    FROM persons p
    JOIN admin_units u ON u.id = p.residence_unit_id
   WHERE u.path LIKE $2 AND p.closed_on IS NULL
),
compared AS (
  SELECT a.id AS a_id, b.id AS b_id, a.date_of_birth AS a_dob, b.date_of_birth AS b_dob,
         a.sex AS a_sex, b.sex AS b_sex, a.national_id_hash AS a_hash, b.national_id_hash AS b_hash, a.name AS a_name, b.name AS b_name,
         similarity(a.name, b.name)::float8 AS sim
    FROM people a
    JOIN people b ON b.date_of_birth = a.date_of_birth AND b.sex = a.sex AND a.id < b.id
),
found AS (
  SELECT c.a_id, c.b_id,
         ${scoreSql(pairSide('a'), pairSide('b'), 'c.sim')} AS score,
         CASE WHEN COALESCE(c.a_hash = c.b_hash, false) THEN ARRAY['national_id'] ELSE ARRAY['name', 'date_of_birth'] END AS reasons
    FROM compared c
   WHERE ${likelySql(pairSide('a'), pairSide('b'), 'c.sim')}
),
stored AS (
  INSERT INTO duplicate_pairs (person_a_id, person_b_id, province_id, score, reasons, found_at)
  SELECT a_id, b_id, $1, score, reasons, now() FROM found
  ON CONFLICT (person_a_id, person_b_id) DO UPDATE
     SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, province_id = EXCLUDED.province_id, found_at = EXCLUDED.found_at
   WHERE duplicate_pairs.status = 'pending'
  RETURNING 1
)
SELECT (SELECT count(*) FROM found)::int AS found, (SELECT count(*) FROM people)::int AS people`;

/** One file of the compared pair `c`, as the shared rule reads it (the names are compared once, as `c.sim`). */
function pairSide(x: 'a' | 'b'): MatchSide {
  return { name: `c.${x}_name`, dob: `c.${x}_dob`, year: `date_part('year', c.${x}_dob)::int`, sex: `c.${x}_sex`, nidHash: `c.${x}_hash` };
}

/** Run after FIND_PAIRS_SQL in the same transaction ($1 the province): pending pairs this run did not find. */
export const DROP_STALE_PAIRS_SQL = `DELETE FROM duplicate_pairs WHERE province_id = $1 AND status = 'pending' AND found_at < now()`;

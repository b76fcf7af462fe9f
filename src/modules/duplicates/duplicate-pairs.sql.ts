import { likelySql, scoreSql, type MatchSide } from '../persons/person-candidates.js';

/**
 * The duplicates job: every pair of open files living in one province (in any two of its communes)
 * that the likely-match rule of `POST /persons` matches (persons/person-candidates.ts) is stored as
 * a pending pair, or its score refreshed; a pair already marked `same` or `distinct` is left as it
 * was, so a distinct pair is never proposed again. Run for one province or, in one pass, for every
 * province (the nightly job).
 *
 * Two open files cannot share a national id (unique index), so only files of one province born the
 * same day and of the same sex are compared: a hash join on province, date of birth and sex, then
 * the trigram similarity of the folded names within each group.
 *
 * $1 the LIKE pattern of a province's subtree, or NULL for every province. Returns the pairs found
 * and the files compared. Run DROP_STALE_PAIRS_SQL after it in the same transaction.
 */
export const FIND_PAIRS_SQL = `
WITH people AS MATERIALIZED (
  SELECT p.id, split_part(u.path, '/', 1)::uuid AS province_id, p.date_of_birth, p.sex, p.national_id_hash,
         left(p.search_text, length(p.search_text) - length(p.case_code) - 1) AS name
    FROM persons p
    JOIN admin_units u ON u.id = p.residence_unit_id
   WHERE p.closed_on IS NULL AND ($1::text IS NULL OR u.path LIKE $1::text)
),
compared AS (
  SELECT a.province_id, a.id AS a_id, b.id AS b_id, a.date_of_birth AS a_dob, b.date_of_birth AS b_dob,
         a.sex AS a_sex, b.sex AS b_sex, a.national_id_hash AS a_hash, b.national_id_hash AS b_hash, a.name AS a_name, b.name AS b_name,
         similarity(a.name, b.name)::float8 AS sim
    FROM people a
    JOIN people b ON b.province_id = a.province_id AND b.date_of_birth = a.date_of_birth AND b.sex = a.sex AND a.id < b.id
),
found AS (
  SELECT c.province_id, c.a_id, c.b_id,
         ${scoreSql(pairSide('a'), pairSide('b'), 'c.sim')} AS score,
         CASE WHEN COALESCE(c.a_hash = c.b_hash, false) THEN ARRAY['national_id'] ELSE ARRAY['name', 'date_of_birth'] END AS reasons
    FROM compared c
   WHERE ${likelySql(pairSide('a'), pairSide('b'), 'c.sim')}
),
stored AS (
  INSERT INTO duplicate_pairs (person_a_id, person_b_id, province_id, score, reasons, found_at)
  SELECT a_id, b_id, province_id, score, reasons, now() FROM found
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

/** Run after FIND_PAIRS_SQL in the same transaction ($1 the province, or NULL for all): pending pairs the run did not find. */
export const DROP_STALE_PAIRS_SQL = `DELETE FROM duplicate_pairs WHERE ($1::uuid IS NULL OR province_id = $1::uuid) AND status = 'pending' AND found_at < now()`;

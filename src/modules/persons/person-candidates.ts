import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { IsoDate } from '../../common/time/dates.js';
import type { CloseReason, PersonStatus, Sex } from './person.entity.js';
import { foldForSearch } from './person-search.js';

/**
 * When two files are likely the same person. One rule, written once in SQL, for the search before
 * registering (`POST /persons/candidates`), the refusal of a new file that repeats one
 * (`POST /persons`, the import) and the duplicates job that pairs files across a province:
 *
 * - the same national id (its lookup hash), or
 * - the same sex and date of birth, and names that fold (without diacritics, case or extra
 *   spaces) to trigram similarity >= LIKELY_NAME_SIMILARITY, unless both files carry national ids
 *   and they differ (two national ids are two people, and such files are never merged).
 *
 * Candidates shown before registering are looser: a name similarity >= CANDIDATE_NAME_SIMILARITY and
 * the same year of birth. Their score is 1 for the same national id, else
 * 0.6 x name similarity + 0.4 x (1 same date of birth, 0.5 same year).
 */
export const LIKELY_NAME_SIMILARITY = 0.75;
export const CANDIDATE_NAME_SIMILARITY = 0.5;

/** One side of a comparison, as SQL expressions: folded name, date of birth and its year, sex, national-id hash. */
export interface MatchSide {
  name: string;
  dob: string;
  year: string;
  sex: string;
  nidHash: string;
}

/** The folded name of the `persons` row `p`: its search text is the folded name, a space and the case code in lower case. */
export const foldedNameSql = (p: string) => `left(${p}.search_text, length(${p}.search_text) - length(${p}.case_code) - 1)`;

export const sideOfPerson = (p: string): MatchSide => ({
  name: foldedNameSql(p),
  dob: `${p}.date_of_birth`,
  year: `date_part('year', ${p}.date_of_birth)::int`,
  sex: `${p}.sex`,
  nidHash: `${p}.national_id_hash`,
});

/** Both sides carry a national id and they differ. */
const otherNationalIdSql = (a: MatchSide, b: MatchSide) =>
  `(${a.nidHash} IS NOT NULL AND ${b.nidHash} IS NOT NULL AND ${a.nidHash} <> ${b.nidHash})`;

/** The likely-match rule; `sim` is the SQL of the two names' similarity (computed once by the caller). */
export function likelySql(a: MatchSide, b: MatchSide, sim: string): string {
  return `COALESCE(${a.nidHash} = ${b.nidHash}
    OR (${a.sex} = ${b.sex} AND ${a.dob} = ${b.dob} AND ${sim} >= ${LIKELY_NAME_SIMILARITY} AND NOT ${otherNationalIdSql(a, b)}), false)`;
}

/** The score of a pair, 0-1 (see above). */
export function scoreSql(a: MatchSide, b: MatchSide, sim: string): string {
  return `(CASE WHEN COALESCE(${a.nidHash} = ${b.nidHash}, false) THEN 1
    ELSE round((0.6 * ${sim} + 0.4 * (CASE WHEN ${a.dob} = ${b.dob} THEN 1
      WHEN ${a.year} = ${b.year} THEN 0.5 ELSE 0 END))::numeric, 3) END)`;
}

/** Someone about to be registered, as the matching compares them. */
export interface PersonProbe {
  fullName: string;
  /** The date of birth, or only the year. */
  dateOfBirth?: IsoDate | null;
  birthYear?: number | null;
  sex?: Sex | null;
  nationalId?: string | null;
}

/** A file that may be the probe's person: no national id, phone or address, only whether it has a national id. */
export interface PersonCandidate {
  id: string;
  caseCode: string;
  fullName: string;
  dateOfBirth: IsoDate;
  sex: Sex;
  residenceUnitId: string;
  residenceUnitName: string;
  status: PersonStatus;
  registeredOn: IsoDate;
  closedOn: IsoDate | null;
  closeReason: CloseReason | null;
  hasNationalId: boolean;
  score: number;
  /** An open file that the likely-match rule matches: creating the probe's file would need confirmDistinct. */
  likely: boolean;
  /** What matched: `national_id`, `name` (similar folded name), `date_of_birth` or `birth_year`. */
  reasons: string[];
}

interface CandidateRow extends Omit<PersonCandidate, 'score' | 'reasons'> {
  probe: string;
  score: string;
  sameNationalId: boolean;
  nameSimilarity: number;
  sameDateOfBirth: boolean;
  sameBirthYear: boolean;
}

/** Namespace of the advisory locks taken on a date of birth by the writers of new files. */
const BIRTH_LOCK_NAMESPACE = 7_347_019;

/** Candidates listed per probe at most. */
export const MAX_CANDIDATES = 20;

/**
 * Finds, for each probe, the files in the caller's scope that may be the same person, best first.
 * Files merged into another are never candidates (their survivor is). With `likelyOnly`, only
 * open files the likely-match rule matches: those are what a new file may not repeat unconfirmed.
 */
@Injectable()
export class PersonCandidates {
  constructor(
    private readonly db: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * Makes the writers of new files born on these days take turns until they commit, so that two
   * requests for the same person cannot both find no likely match and both create a file. Days in
   * order, in one statement: no two writers wait for each other.
   */
  async lockBirthDays(m: EntityManager, days: (IsoDate | null | undefined)[]): Promise<void> {
    const wanted = [...new Set(days.filter((d): d is IsoDate => !!d))].sort();
    if (!wanted.length) return;
    await m.query(
      `SELECT pg_advisory_xact_lock($1::int, k) FROM (SELECT hashtext(d) AS k FROM unnest($2::text[]) AS d ORDER BY 1) s`,
      [BIRTH_LOCK_NAMESPACE, wanted],
    );
  }

  async find(actor: Actor, probes: PersonProbe[], opts: { likelyOnly?: boolean; manager?: EntityManager } = {}): Promise<PersonCandidate[][]> {
    if (!probes.length) return [];
    const probe: MatchSide = { name: 'x.name', dob: 'x.dob', year: 'x.year', sex: 'x.sex', nidHash: 'x.nid_hash' };
    const person = sideOfPerson('p');
    const scope = personInScope(actor, 'p');
    const likely = `(p.closed_on IS NULL AND ${likelySql(probe, person, 'm.sim')})`;
    // A likely match is born the same day: only those rows are read (ix_persons_birth_sex), not the whole year.
    const born = opts.likelyOnly
      ? 'p.date_of_birth = x.dob'
      : 'p.date_of_birth BETWEEN make_date(x.year, 1, 1) AND make_date(x.year, 12, 31)';
    const select = `
      SELECT x.n AS probe, c.*
        FROM unnest(:names::text[], :dobs::date[], :years::int[], :sexes::text[], :hashes::bytea[])
             WITH ORDINALITY AS x(name, dob, year, sex, nid_hash, n)
       CROSS JOIN LATERAL (
         SELECT p.id, p.case_code AS "caseCode", p.full_name AS "fullName", p.date_of_birth AS "dateOfBirth", p.sex,
                p.residence_unit_id AS "residenceUnitId", u.name AS "residenceUnitName", p.status,
                p.registered_on AS "registeredOn", p.closed_on AS "closedOn", p.close_reason AS "closeReason",
                (p.national_id_hash IS NOT NULL) AS "hasNationalId",
                ${scoreSql(probe, person, 'm.sim')} AS score,
                ${likely} AS likely,
                COALESCE(p.national_id_hash = x.nid_hash, false) AS "sameNationalId",
                m.sim AS "nameSimilarity",
                COALESCE(p.date_of_birth = x.dob, false) AS "sameDateOfBirth",
                COALESCE(${person.year} = x.year, false) AS "sameBirthYear"
           -- The files born that day (or year) or with that national id, by their indexes; then scope.
           -- OFFSET 0 keeps the planner from starting at the caller's units instead: for a commune
           -- worker it then read every file of the commune once per probe (48 s for 500 import rows).
           FROM (SELECT * FROM persons p WHERE p.national_id_hash = x.nid_hash OR ${born} OFFSET 0) p
           JOIN admin_units u ON u.id = p.residence_unit_id
          CROSS JOIN LATERAL (SELECT similarity(${person.name}, x.name)::float8 AS sim) m
          WHERE p.merged_into_id IS NULL
            AND (p.national_id_hash = x.nid_hash
                 OR ((x.sex IS NULL OR p.sex = x.sex)
                     AND m.sim >= ${opts.likelyOnly ? LIKELY_NAME_SIMILARITY : CANDIDATE_NAME_SIMILARITY}))
            AND ${scope.sql}
            ${opts.likelyOnly ? `AND ${likely}` : ''}
          ORDER BY score DESC, p.id
          LIMIT ${MAX_CANDIDATES}) c
       ORDER BY x.n, c.score DESC, c.id`;
    const [sql, values] = this.db.driver.escapeQueryWithParameters(
      select,
      {
        ...scope.params,
        names: probes.map((p) => foldForSearch(p.fullName)),
        dobs: probes.map((p) => p.dateOfBirth ?? null),
        years: probes.map((p) => (p.dateOfBirth ? Number(p.dateOfBirth.slice(0, 4)) : (p.birthYear ?? null))),
        sexes: probes.map((p) => p.sex ?? null),
        hashes: probes.map((p) => (p.nationalId ? this.cipher.lookupHash(p.nationalId) : null)),
      },
    );
    const rows: CandidateRow[] = await (opts.manager ?? this.db.manager).query(sql, values);
    const out: PersonCandidate[][] = probes.map(() => []);
    for (const r of rows) {
      const { probe: n, sameNationalId, nameSimilarity, sameDateOfBirth, sameBirthYear, score, ...rest } = r;
      const reasons = [
        ...(sameNationalId ? ['national_id'] : []),
        ...(nameSimilarity >= CANDIDATE_NAME_SIMILARITY ? ['name'] : []),
        ...(sameDateOfBirth ? ['date_of_birth'] : sameBirthYear ? ['birth_year'] : []),
      ];
      out[Number(n) - 1].push({ ...rest, score: Number(score), reasons });
    }
    return out;
  }
}

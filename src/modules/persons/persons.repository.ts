import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import type { PairFileDto } from '../duplicates/dto/duplicates.dto.js';
import type { PersonStatus, Sex } from './person.entity.js';

/** What a file's move needs of it, read with the row locked. */
export interface PersonMoveRow {
  residence_unit_id: string;
  closed_on: string | null;
  case_code: string;
}

/** A file as a merge reads it (locked). */
export interface MergedFile {
  id: string;
  case_code: string;
  registered_on: string;
  closed_on: string | null;
  national_id_hash: Buffer | null;
  national_id_cipher: Buffer | null;
}

/** A person's row as read locked: whether the file is closed, and the date of birth (YYYY-MM-DD). */
export interface LockedPersonRow {
  closed_on: string | null;
  date_of_birth: string;
}

/** An open file as an import matches its rows against it: address and phone still encrypted. */
export interface OpenFileToMatch {
  id: string;
  version: number;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  nationalIdHash: Buffer | null;
  residenceUnitId: string;
  addressCipher: Buffer | null;
  phoneCipher: Buffer | null;
  status: PersonStatus;
  substances: string[];
  managementDecisionOn: string | null;
  inDetention: boolean;
  /** Whether the caller's scope covers the file. */
  inScope: boolean;
}

/**
 * SQL predicate: the file whose id is `personIdSql` is open. For a set-based statement of another
 * module that acts on open files only (the follow-up sweep), which embeds it instead of naming
 * `persons` itself.
 */
export const fileIsOpenSql = (personIdSql: string): string =>
  `EXISTS (SELECT 1 FROM persons open_p WHERE open_p.id = ${personIdSql} AND open_p.closed_on IS NULL)`;

/** A file's facts shown side by side with another's: identity, unit, status and how much it holds. */
const FACTS_SQL = `
  SELECT p.id, p.case_code AS "caseCode", p.full_name AS "fullName", to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", p.sex,
         p.residence_unit_id AS "residenceUnitId", u.name AS "residenceUnitName", p.status,
         to_char(p.registered_on, 'YYYY-MM-DD') AS "registeredOn", to_char(p.closed_on, 'YYYY-MM-DD') AS "closedOn",
         p.close_reason AS "closeReason", p.merged_into_id AS "mergedIntoId", (p.national_id_hash IS NOT NULL) AS "hasNationalId",
         (SELECT count(*) FROM enrollments e WHERE e.person_id = p.id)::int AS enrollments,
         (SELECT count(*) FROM service_contacts s WHERE s.person_id = p.id)::int AS services,
         (SELECT count(*) FROM supervisions s WHERE s.person_id = p.id)::int AS supervisions
    FROM persons p JOIN admin_units u ON u.id = p.residence_unit_id
   WHERE p.id = ANY($1::uuid[])`;

/** One entry of a person's event log (`person_events`). */
export interface PersonEventInput {
  personId: string;
  kind: string;
  eventDate: string;
  data: unknown;
  recordedBy: string | null;
}

/**
 * Statements on `persons` and `person_events` that other modules call (a lookup by national id, a
 * move, an event). The persons module's own reads and writes live beside it (`person-inserts.ts`,
 * `person-candidates.ts`, `person-timeline.sql.ts`, `persons.service.ts`).
 */
@Injectable()
export class PersonsRepository {
  constructor(private readonly db: DataSource) {}

  /** The open file holding a national id (by its lookup hash), and whether `scope` covers it. */
  async openByNationalIdHash(hash: Buffer, scope: ScopePredicate): Promise<{ id: string; inScope: boolean } | undefined> {
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `SELECT p.id, (${scope.sql}) AS "inScope" FROM persons p WHERE p.national_id_hash = :hash AND p.closed_on IS NULL`,
      { hash, ...scope.params },
    );
    const found: { id: string; inScope: boolean }[] = await this.db.query(sql, params);
    return found[0];
  }

  /** Where a file is held and whether it is closed; undefined when there is no such file. */
  async residenceOf(m: EntityManager, personId: string): Promise<Omit<PersonMoveRow, 'case_code'> | undefined> {
    const rows: Omit<PersonMoveRow, 'case_code'>[] = await m.query(`SELECT residence_unit_id, closed_on FROM persons WHERE id = $1`, [personId]);
    return rows[0];
  }

  /** Of the given files, those `scope` shows: id, case code and name. */
  async shownFiles(m: EntityManager, ids: string[], scope: ScopePredicate): Promise<Map<string, { caseCode: string; fullName: string }>> {
    if (!ids.length) return new Map();
    const rows = await m
      .createQueryBuilder()
      .select(['p.id AS id', 'p.case_code AS "caseCode"', 'p.full_name AS "fullName"'])
      .from('persons', 'p')
      .where('p.id IN (:...shownIds)', { shownIds: ids })
      .andWhere(scope.sql, scope.params)
      .getRawMany<{ id: string; caseCode: string; fullName: string }>();
    return new Map(rows.map((r) => [r.id, { caseCode: r.caseCode, fullName: r.fullName }]));
  }

  /** A person's date of birth (YYYY-MM-DD); undefined when there is no such file. */
  async dateOfBirth(m: EntityManager, personId: string): Promise<string | undefined> {
    const rows: { d: string }[] = await m.query(`SELECT to_char(date_of_birth, 'YYYY-MM-DD') AS d FROM persons WHERE id = $1`, [personId]);
    return rows[0]?.d;
  }

  /** The fields a move checks, with the row locked for the rest of the transaction. */
  async lockForMove(m: EntityManager, personId: string): Promise<PersonMoveRow | undefined> {
    const rows: PersonMoveRow[] = await m.query(`SELECT residence_unit_id, closed_on, case_code FROM persons WHERE id = $1 FOR UPDATE`, [personId]);
    return rows[0];
  }

  /** The person's row, locked for the rest of the transaction; undefined when there is no such file. */
  async lockRow(m: EntityManager, personId: string): Promise<LockedPersonRow | undefined> {
    const rows: LockedPersonRow[] = await m.query(
      `SELECT closed_on, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth FROM persons WHERE id = $1 FOR UPDATE`,
      [personId],
    );
    return rows[0];
  }

  /**
   * Open files with one of these national id hashes (`byHash`), and open files living in one of
   * these units born on that day (`byKey`; `births`: unit id and date of birth), each with whether
   * `scope` (a predicate over `p`) covers it. Two statements, whatever the number of rows asked.
   */
  async openFilesToMatch(
    m: EntityManager,
    hashes: Buffer[],
    births: [string, string][],
    scope: ScopePredicate,
  ): Promise<{ byHash: OpenFileToMatch[]; byKey: OpenFileToMatch[] }> {
    const select = () =>
      m
        .createQueryBuilder()
        .select([
          'p.id AS id',
          'p.version AS version',
          'p.full_name AS "fullName"',
          'p.date_of_birth AS "dateOfBirth"',
          'p.sex AS sex',
          'p.national_id_hash AS "nationalIdHash"',
          'p.residence_unit_id AS "residenceUnitId"',
          'p.address_cipher AS "addressCipher"',
          'p.phone_cipher AS "phoneCipher"',
          'p.status AS status',
          'p.substances AS substances',
          'p.management_decision_on AS "managementDecisionOn"',
          'p.in_detention AS "inDetention"',
        ])
        .addSelect(`(${scope.sql})`, 'inScope')
        .from('persons', 'p')
        .where('p.closed_on IS NULL')
        .setParameters(scope.params);
    const byHash: OpenFileToMatch[] = hashes.length ? await select().andWhere('p.national_id_hash IN (:...hashes)', { hashes }).getRawMany() : [];
    const byKey: OpenFileToMatch[] = births.length
      ? await select()
          .innerJoin(
            '(SELECT x.u AS unit_id, x.d AS dob FROM unnest(CAST(:units AS uuid[]), CAST(:dobs AS date[])) AS x(u, d))',
            'k',
            'p.residence_unit_id = k.unit_id AND p.date_of_birth = k.dob',
          )
          .setParameter('units', births.map((b) => b[0]))
          .setParameter('dobs', births.map((b) => b[1]))
          .getRawMany()
      : [];
    return { byHash, byKey };
  }

  /** Moves the file to another commune (a new version of the file). */
  async setResidence(m: EntityManager, personId: string, unitId: string): Promise<void> {
    await m.query(`UPDATE persons SET residence_unit_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [personId, unitId]);
  }

  /** The facts of the files shown side by side (duplicate review). */
  async facts(m: EntityManager, ids: string[]): Promise<PairFileDto[]> {
    return ids.length ? m.query(FACTS_SQL, [ids]) : [];
  }

  /** Two or more files in `scope`, locked in id order for the rest of the transaction. */
  async lockFilesInScope(m: EntityManager, ids: string[], scope: ScopePredicate): Promise<(MergedFile & { created_at: Date })[]> {
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `SELECT p.id, p.case_code, to_char(p.registered_on, 'YYYY-MM-DD') AS registered_on, p.closed_on, p.national_id_hash,
              p.national_id_cipher, p.created_at
         FROM persons p WHERE p.id IN (:...ids) AND ${scope.sql} ORDER BY p.id FOR UPDATE OF p`,
      { ids, ...scope.params },
    );
    return m.query(sql, params);
  }

  /** Re-points the merged file's events at the survivor, tagged with the case code they came from; how many moved. */
  async moveEvents(m: EntityManager, fromId: string, toId: string, fromCaseCode: string): Promise<number> {
    const [, moved] = (await m.query(
      `UPDATE person_events SET person_id = $2, data = data || jsonb_build_object('mergedFromCaseCode', $3::text) WHERE person_id = $1`,
      [fromId, toId, fromCaseCode],
    )) as [unknown, number];
    return moved;
  }

  /** Closes a file as merged into the survivor on `day` (never before it was registered). */
  async closeAsMerged(m: EntityManager, mergedId: string, day: string, survivorId: string): Promise<void> {
    await m.query(
      `UPDATE persons SET closed_on = GREATEST($2::date, registered_on), close_reason = 'merged_into', merged_into_id = $3,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [mergedId, day, survivorId],
    );
  }

  /** The survivor takes the earlier registration date, and the merged file's national id if it had none. */
  async absorbMerged(m: EntityManager, survivorId: string, merged: MergedFile): Promise<void> {
    await m.query(
      `UPDATE persons s SET registered_on = LEAST(s.registered_on, $2::date),
              national_id_hash = COALESCE(s.national_id_hash, $3), national_id_cipher = COALESCE(s.national_id_cipher, $4),
              version = s.version + 1, updated_at = now()
        WHERE s.id = $1`,
      [survivorId, merged.registered_on, merged.national_id_hash, merged.national_id_cipher],
    );
  }

  async recordEvent(m: EntityManager, e: PersonEventInput): Promise<void> {
    await m.query(
      `INSERT INTO person_events (person_id, kind, event_date, data, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, clock_timestamp())`,
      [e.personId, e.kind, e.eventDate, JSON.stringify(e.data), e.recordedBy],
    );
  }
}

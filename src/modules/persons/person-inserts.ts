import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { PersonStatus, Sex } from './person.entity.js';
import { caseCodeOf } from './person-rules.js';
import { searchTextOf } from './person-search.js';

/**
 * New files, one statement for any number: $1-$16 are arrays of one element per file (id, case code,
 * full name, search text, date of birth, sex, national-id cipher and hash, residence, address and
 * phone ciphers, status, substances as JSON arrays, registered on, decision on, in detention) and
 * $17 the creator. The import benchmark's baseline runs it too (bench/run.ts).
 */
export const INSERT_PERSONS_SQL = `
  INSERT INTO persons (id, case_code, full_name, search_text, date_of_birth, sex, national_id_cipher, national_id_hash,
                       residence_unit_id, address_cipher, phone_cipher, status, substances, registered_on,
                       management_decision_on, in_detention, created_by)
  SELECT x.id, x.case_code, x.full_name, x.search_text, x.date_of_birth, x.sex, x.nid_cipher, x.nid_hash,
         x.unit_id, x.address_cipher, x.phone_cipher, x.status, ARRAY(SELECT jsonb_array_elements_text(x.substances)),
         x.registered_on, x.decision_on, x.in_detention, $17
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::bytea[], $8::bytea[],
                $9::uuid[], $10::bytea[], $11::bytea[], $12::text[], $13::jsonb[], $14::date[], $15::date[], $16::boolean[])
      AS x(id, case_code, full_name, search_text, date_of_birth, sex, nid_cipher, nid_hash, unit_id, address_cipher,
           phone_cipher, status, substances, registered_on, decision_on, in_detention)`;

/** A new file, checked by the caller (dates, scope, commune, national id). */
export interface NewPersonFile {
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  nationalId: string | null;
  phone: string | null;
  address: string | null;
  residenceUnitId: string;
  status: PersonStatus;
  substances: string[];
  registeredOn: string;
  managementDecisionOn: string | null;
  inDetention: boolean;
}

/**
 * The one way new files are written, one at a time (`POST /persons`) or a batch at a time (an
 * import): case codes, search text, encrypted contacts and the national-id lookup hash, and the
 * history events ('registered', and 'management_decision' when a decision date is given). One
 * statement per table whatever the number of files. The caller runs it in its transaction and
 * writes the audit row.
 */
@Injectable()
export class PersonInserts {
  constructor(private readonly cipher: FieldCipher) {}

  /**
   * Returns the new ids and case codes in the order of `files`. `registeredData` is added to the
   * data of every 'registered' event (an import's id, say).
   */
  async insertMany(
    m: EntityManager,
    actor: Actor,
    files: NewPersonFile[],
    registeredData: Record<string, unknown> = {},
  ): Promise<{ id: string; caseCode: string }[]> {
    if (!files.length) return [];
    const codes = await this.caseCodes(
      m,
      files.map((f) => ({ unitId: f.residenceUnitId, year: Number(f.registeredOn.slice(0, 4)) })),
    );
    const ids = files.map(() => randomUUID());
    await m.query(
      INSERT_PERSONS_SQL,
      [
        ids,
        codes,
        files.map((f) => f.fullName),
        files.map((f, i) => searchTextOf(f.fullName, codes[i])),
        files.map((f) => f.dateOfBirth),
        files.map((f) => f.sex),
        files.map((f) => this.cipher.encryptOptional(f.nationalId)),
        files.map((f) => (f.nationalId ? this.cipher.lookupHash(f.nationalId) : null)),
        files.map((f) => f.residenceUnitId),
        files.map((f) => this.cipher.encryptOptional(f.address)),
        files.map((f) => this.cipher.encryptOptional(f.phone)),
        files.map((f) => f.status),
        files.map((f) => JSON.stringify(f.substances)),
        files.map((f) => f.registeredOn),
        files.map((f) => f.managementDecisionOn),
        files.map((f) => f.inDetention),
        actor.id,
      ],
    );
    const decided = files.flatMap((f, i) => (f.managementDecisionOn ? [{ id: ids[i], on: f.managementDecisionOn }] : []));
    // clock_timestamp(), not now(): a file's events keep the order they were written in.
    await m.query(
      `INSERT INTO person_events (person_id, kind, event_date, data, recorded_by, recorded_at)
       SELECT x.person_id, x.kind, x.event_date, x.data, $5, clock_timestamp()
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::jsonb[]) WITH ORDINALITY AS x(person_id, kind, event_date, data, n)
        ORDER BY x.n`,
      [
        [...ids, ...decided.map((d) => d.id)],
        [...ids.map(() => 'registered'), ...decided.map(() => 'management_decision')],
        [...files.map((f) => f.registeredOn), ...decided.map((d) => d.on)],
        [
          ...files.map((f) => JSON.stringify({ status: f.status, residenceUnitId: f.residenceUnitId, ...registeredData })),
          ...decided.map(() => '{}'),
        ],
        actor.id,
      ],
    );
    return ids.map((id, i) => ({ id, caseCode: codes[i] }));
  }

  /**
   * Case codes for new files. The counter row of each unit and year is raised once by the number of
   * files it numbers and stays locked until commit, so concurrent writers take consecutive blocks
   * and a rolled-back creation leaves no gap; the block is handed out in the order of `wanted`.
   */
  private async caseCodes(m: EntityManager, wanted: { unitId: string; year: number }[]): Promise<string[]> {
    const need = new Map<string, { unitId: string; year: number; n: number }>();
    for (const w of wanted) {
      const key = `${w.unitId}|${w.year}`;
      const entry = need.get(key);
      if (entry) entry.n++;
      else need.set(key, { ...w, n: 1 });
    }
    const groups = [...need.values()];
    const raised: { unit_id: string; year: number; last_value: number; code: string }[] = await m.query(
      `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[]) AS w(unit_id, year, n)),
            raised AS (
              INSERT INTO case_code_counters (unit_id, year, last_value)
              SELECT unit_id, year, n FROM wanted ORDER BY unit_id, year
              ON CONFLICT (unit_id, year) DO UPDATE SET last_value = case_code_counters.last_value + EXCLUDED.last_value
              RETURNING unit_id, year, last_value)
       SELECT r.unit_id, r.year, r.last_value, u.code FROM raised r JOIN admin_units u ON u.id = r.unit_id`,
      [groups.map((g) => g.unitId), groups.map((g) => g.year), groups.map((g) => g.n)],
    );
    const next = new Map<string, { code: string; seq: number }>();
    for (const r of raised) {
      const n = need.get(`${r.unit_id}|${r.year}`)!.n;
      next.set(`${r.unit_id}|${r.year}`, { code: r.code, seq: r.last_value - n + 1 });
    }
    return wanted.map((w) => {
      const slot = next.get(`${w.unitId}|${w.year}`)!;
      return caseCodeOf(slot.code, w.year, slot.seq++);
    });
  }
}

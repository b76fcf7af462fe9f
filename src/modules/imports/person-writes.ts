import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { Clock } from '../../common/time/clock.js';
import type { UpdatePersonDto } from '../persons/dto/person.dto.js';
import { caseCodeOf } from '../persons/person-rules.js';
import { searchTextOf } from '../persons/person-search.js';
import { PersonsService } from '../persons/persons.service.js';
import type { OpenFile, PersonChanges, ResolvedRow } from './person-match.js';

/**
 * Writes person files for an import. New files are inserted many at a time (one statement per
 * table for a whole batch) with the rules of the person-file module: its case codes, search text,
 * encryption and history events ('registered', and 'management_decision' when a decision date is
 * given); the import's one audit row stands for them. Changes to open files go through
 * PersonsService.update, one file at a time, so they keep its history, audit and version rules.
 */
@Injectable()
export class PersonFileWrites {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly persons: PersonsService,
  ) {}

  async createMany(m: EntityManager, actor: Actor, importId: string, rows: ResolvedRow[]): Promise<void> {
    if (!rows.length) return;
    const today = this.clock.today();
    const registeredOn = rows.map((r) => r.registeredOn ?? today);
    const codes = await this.caseCodes(
      m,
      rows.map((r, i) => ({ unitId: r.residenceUnitId, year: Number(registeredOn[i].slice(0, 4)) })),
    );
    const ids = rows.map(() => randomUUID());
    await m.query(
      `INSERT INTO persons (id, case_code, full_name, search_text, date_of_birth, sex, national_id_cipher, national_id_hash,
                            residence_unit_id, address_cipher, phone_cipher, status, substances, registered_on,
                            management_decision_on, in_detention, created_by)
       SELECT x.id, x.case_code, x.full_name, x.search_text, x.date_of_birth, x.sex, x.nid_cipher, x.nid_hash,
              x.unit_id, x.address_cipher, x.phone_cipher, x.status, ARRAY(SELECT jsonb_array_elements_text(x.substances)),
              x.registered_on, x.decision_on, x.in_detention, $17
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::bytea[], $8::bytea[],
                     $9::uuid[], $10::bytea[], $11::bytea[], $12::text[], $13::jsonb[], $14::date[], $15::date[], $16::boolean[])
           AS x(id, case_code, full_name, search_text, date_of_birth, sex, nid_cipher, nid_hash, unit_id, address_cipher,
                phone_cipher, status, substances, registered_on, decision_on, in_detention)`,
      [
        ids,
        codes,
        rows.map((r) => r.fullName),
        rows.map((r, i) => searchTextOf(r.fullName, codes[i])),
        rows.map((r) => r.dateOfBirth),
        rows.map((r) => r.sex),
        rows.map((r) => this.cipher.encryptOptional(r.nationalId)),
        rows.map((r) => (r.nationalId ? this.cipher.lookupHash(r.nationalId) : null)),
        rows.map((r) => r.residenceUnitId),
        rows.map((r) => this.cipher.encryptOptional(r.address)),
        rows.map((r) => this.cipher.encryptOptional(r.phone)),
        rows.map((r) => r.status),
        rows.map((r) => JSON.stringify(r.substances ?? [])),
        registeredOn,
        rows.map((r) => r.managementDecisionOn),
        rows.map((r) => r.inDetention ?? false),
        actor.id,
      ],
    );
    const decided = rows.flatMap((r, i) => (r.managementDecisionOn ? [{ id: ids[i], on: r.managementDecisionOn }] : []));
    // clock_timestamp(), as the person-file module does: a file's events keep the order they were written in.
    await m.query(
      `INSERT INTO person_events (person_id, kind, event_date, data, recorded_by, recorded_at)
       SELECT x.person_id, x.kind, x.event_date, x.data, $5, clock_timestamp()
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::jsonb[]) WITH ORDINALITY AS x(person_id, kind, event_date, data, n)
        ORDER BY x.n`,
      [
        [...ids, ...decided.map((d) => d.id)],
        [...ids.map(() => 'registered'), ...decided.map(() => 'management_decision')],
        [...registeredOn, ...decided.map((d) => d.on)],
        [...rows.map((r) => JSON.stringify({ status: r.status, residenceUnitId: r.residenceUnitId, importId })), ...decided.map(() => '{}')],
        actor.id,
      ],
    );
  }

  /**
   * Case codes for new files: the counter of each unit and year is raised once by the number of
   * files it numbers, and the block below the new value is handed out in row order.
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

  /** A change to an open file, with the version the import read (a file changed meanwhile is refused, 409). */
  async update(m: EntityManager, actor: Actor, file: OpenFile, changes: PersonChanges): Promise<void> {
    const dto: UpdatePersonDto = { version: file.version, ...changes };
    await this.persons.update(actor, file.id, dto, m);
  }
}

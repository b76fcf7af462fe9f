import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/time/clock.js';
import type { UpdatePersonDto } from '../persons/dto/person.dto.js';
import { AuditService } from '../audit/audit.service.js';
import { PersonInserts } from '../persons/person-inserts.js';
import { PersonsService } from '../persons/persons.service.js';
import type { OpenFile, PersonChanges, ResolvedRow } from './person-match.js';
import { IMPORT_FIELDS } from './person-rows.js';

/** The fields of a file an import row may give, as the person-file routes name them (the unit resolved to its id). */
const IMPORTED_FIELDS = [...IMPORT_FIELDS.filter((f) => f !== 'unitCode' && f !== 'unitName'), 'residenceUnitId'] as const;

/**
 * Writes person files for an import. New files go through the person-file module's PersonInserts,
 * a whole batch at a time (one statement per table); their 'registered' events and 'create' audit
 * rows carry the import's id. Changes to open files go through PersonsService.update, one file at a
 * time, so they keep its history, audit and version rules (and publish `person.changed`).
 */
@Injectable()
export class PersonFileWrites {
  constructor(
    private readonly clock: Clock,
    private readonly persons: PersonsService,
    private readonly inserts: PersonInserts,
    private readonly audit: AuditService,
  ) {}

  /** Returns the new files' ids. Each gets its own 'create' audit row, naming the fields the row gave. */
  async createMany(m: EntityManager, actor: Actor, importId: string, rows: ResolvedRow[]): Promise<string[]> {
    const today = this.clock.today();
    const files = rows.map((r) => ({
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      sex: r.sex,
      nationalId: r.nationalId,
      phone: r.phone,
      address: r.address,
      residenceUnitId: r.residenceUnitId,
      status: r.status,
      substances: r.substances ?? [],
      registeredOn: r.registeredOn ?? today,
      managementDecisionOn: r.managementDecisionOn,
      inDetention: r.inDetention ?? false,
    }));
    const created = await this.inserts.insertMany(m, actor, files, { importId });
    await this.audit.recordMany(
      actor,
      created.map((c, i) => ({
        action: 'create',
        entity: 'person',
        entityId: c.id,
        fields: IMPORTED_FIELDS.filter((f) => rows[i][f] !== null && rows[i][f] !== undefined),
        meta: { importId },
      })),
      m,
    );
    return created.map((c) => c.id);
  }

  /** A change to an open file, with the version the import read (a file changed meanwhile is refused, 409). */
  async update(m: EntityManager, actor: Actor, file: OpenFile, changes: PersonChanges): Promise<void> {
    const dto: UpdatePersonDto = { version: file.version, ...changes };
    await this.persons.update(actor, file.id, dto, m);
  }
}

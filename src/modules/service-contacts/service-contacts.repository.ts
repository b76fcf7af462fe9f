import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ownFacilityOnly } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { pageOfRows } from '../../database/sql.js';
import type { ServiceContactQuery } from './dto/service-contact.dto.js';

/** `job` (a job placement) and `loan` are social support, reported monthly beside vocational training. */
export const SERVICE_TYPES = ['counseling', 'support', 'medical', 'vocational', 'job', 'loan'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** A counseling, support, medical or vocational service a person received, as the API answers it. */
export interface ServiceContactRow {
  id: string;
  personId: string;
  type: ServiceType;
  date: string;
  facilityId: string | null;
  /** Free text, stored encrypted (`notes_cipher`). */
  notes: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** The row as stored: the notes still encrypted. */
type StoredRow = Omit<ServiceContactRow, 'notes'> & { notes: Buffer | null };

const COLUMNS = `id, person_id AS "personId", type, date, facility_id AS "facilityId", notes_cipher AS notes,
  created_by AS "createdBy", created_at AS "createdAt"`;

/** Every statement on `service_contacts`. */
@Injectable()
export class ServiceContactsRepository {
  constructor(
    private readonly db: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  async insert(m: EntityManager, c: Omit<ServiceContactRow, 'id' | 'createdAt'>): Promise<ServiceContactRow> {
    const [row]: StoredRow[] = await m.query(
      `INSERT INTO service_contacts (person_id, type, date, facility_id, notes_cipher, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [c.personId, c.type, c.date, c.facilityId, this.cipher.encryptOptional(c.notes), c.createdBy],
    );
    return this.decrypted(row);
  }

  /** A page of a person's services, newest first; clinic and facility staff see only their facility's. */
  async listForPerson(actor: Actor, personId: string, query: ServiceContactQuery): Promise<[ServiceContactRow[], number]> {
    const own = ownFacilityOnly(actor, 'facility_id');
    const [rows, total] = await pageOfRows<StoredRow>(
      this.db.manager,
      {
        columns: COLUMNS,
        from: `FROM service_contacts WHERE person_id = :personId${own ? ` AND ${own.sql}` : ''}${query.type ? ' AND type = :type' : ''}`,
        orderBy: 'date DESC, created_at DESC',
        params: { personId, type: query.type, ...own?.params },
      },
      query,
    );
    return [rows.map((r) => this.decrypted(r)), total];
  }

  /** Moves every service of one file to another (a merge); how many moved. */
  async reassignPerson(m: EntityManager, fromPersonId: string, toPersonId: string): Promise<number> {
    const [, moved] = (await m.query(`UPDATE service_contacts SET person_id = $2 WHERE person_id = $1`, [fromPersonId, toPersonId])) as [unknown, number];
    return moved;
  }

  private decrypted(row: StoredRow): ServiceContactRow {
    return { ...row, notes: this.cipher.decryptOptional(row.notes) };
  }
}

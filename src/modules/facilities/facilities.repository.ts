import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FacilityType } from '../../common/access/roles.js';
import { unitWithinPath } from '../../common/access/scope.js';
import { Conditions, pageOfRows } from '../../database/sql.js';
import type { FacilityQuery } from './dto/facility.dto.js';

/** A methadone clinic, rehabilitation facility or health station, as the API answers it. */
export interface FacilityRow {
  id: string;
  code: string;
  name: string;
  type: FacilityType;
  adminUnitId: string;
}

const COLUMNS = `id, code, name, type, admin_unit_id AS "adminUnitId"`;

/** Every statement on `facilities`. */
@Injectable()
export class FacilitiesRepository {
  constructor(private readonly db: DataSource) {}

  async findById(id: string, m: EntityManager = this.db.manager): Promise<FacilityRow | null> {
    const [row]: FacilityRow[] = await m.query(`SELECT ${COLUMNS} FROM facilities WHERE id = $1`, [id]);
    return row ?? null;
  }

  async codeTaken(m: EntityManager, code: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM facilities WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  /** The facility, locked for an edit. */
  async lock(m: EntityManager, id: string): Promise<FacilityRow | null> {
    const [row]: FacilityRow[] = await m.query(`SELECT ${COLUMNS} FROM facilities WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async update(m: EntityManager, id: string, changes: Pick<FacilityRow, 'name' | 'type' | 'adminUnitId'>): Promise<void> {
    await m.query(`UPDATE facilities SET name = $2, type = $3, admin_unit_id = $4 WHERE id = $1`, [id, changes.name, changes.type, changes.adminUnitId]);
  }

  async insert(m: EntityManager, f: Omit<FacilityRow, 'id'>): Promise<FacilityRow> {
    const [row]: FacilityRow[] = await m.query(
      `INSERT INTO facilities (code, name, type, admin_unit_id) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [f.code, f.name, f.type, f.adminUnitId],
    );
    return row;
  }

  /** A page of facilities by code; `withinPath` keeps those whose unit lies under that area path. */
  list(query: FacilityQuery, withinPath: string | undefined): Promise<[FacilityRow[], number]> {
    const c = new Conditions();
    if (query.type) c.add('f.type = :type', { type: query.type });
    if (withinPath !== undefined) {
      const within = unitWithinPath('f.admin_unit_id', withinPath);
      c.add(within.sql, within.params);
    }
    return pageOfRows<FacilityRow>(this.db.manager, { columns: COLUMNS, from: `FROM facilities f${c.where}`, orderBy: 'f.code', params: c.params }, query);
  }
}

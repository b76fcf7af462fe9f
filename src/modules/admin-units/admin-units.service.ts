import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { page, type Page, type PageQuery } from '../../common/http/paging.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { AdminUnitsRepository, type AdminUnitRow, type UnitLevel } from './admin-units.repository.js';
import type { AdminUnitQuery, CreateAdminUnitDto, UpdateAdminUnitDto } from './dto/admin-unit.dto.js';

/** Which levels may hang under which: a commune may sit directly under a province (since 2025). */
const ALLOWED_PARENT: Record<UnitLevel, UnitLevel[]> = {
  province: [],
  district: ['province'],
  commune: ['province', 'district'],
};

/**
 * A page of records inside a unit's subtree: `list` gets the unit's materialized path (none without
 * `unitId`); a unit that does not exist has nothing inside it.
 */
export async function pageWithinUnit<T, V>(
  units: AdminUnitsRepository,
  unitId: string | undefined,
  query: PageQuery,
  list: (withinPath: string | undefined) => Promise<[T[], number]>,
  view: (item: T) => V,
): Promise<Page<V>> {
  const withinPath = unitId ? await units.pathOf(unitId) : undefined;
  if (unitId && withinPath === undefined) return page([], 0, query);
  const [items, total] = await list(withinPath);
  return page(items.map(view), total, query);
}

export const toUnitView = (u: AdminUnitRow) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  level: u.level,
  parentId: u.parentId,
  population: u.population,
});

@Injectable()
export class AdminUnitsService {
  constructor(
    private readonly db: DataSource,
    private readonly units: AdminUnitsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateAdminUnitDto) {
    return this.db.transaction(async (m) => {
      const id = randomUUID();
      let path = `${id}/`;
      if (dto.level === 'province') {
        if (dto.parentId) throw invalid('parentId', 'a province has no parent');
      } else {
        if (!dto.parentId) throw invalid('parentId', `a ${dto.level} needs a parent unit`);
        const parent = await this.units.findById(dto.parentId, m);
        if (!parent) throw invalid('parentId', 'no such unit');
        if (!ALLOWED_PARENT[dto.level].includes(parent.level)) {
          throw invalid('parentId', `a ${dto.level} cannot be placed under a ${parent.level}`);
        }
        path = `${parent.path}${id}/`;
      }
      // The unique constraint stays the last word when two requests race.
      if (await this.units.codeTaken(m, dto.code)) throw conflict(`code: a unit with code ${dto.code} exists`);
      const unit: AdminUnitRow = {
        id,
        code: dto.code,
        name: dto.name.normalize('NFC').trim(),
        level: dto.level,
        parentId: dto.parentId ?? null,
        path,
        population: dto.population ?? null,
      };
      await this.units.insert(m, unit);
      await this.audit.record(actor, { action: 'create', entity: 'admin_unit', entityId: id, fields: writtenFields(dto) }, m);
      return toUnitView(unit);
    });
  }

  /** Renames a unit or sets its population (audited with the field names); nothing sent, nothing written. */
  async update(actor: Actor, id: string, dto: UpdateAdminUnitDto) {
    return this.db.transaction(async (m) => {
      const unit = await this.units.lock(m, id);
      if (!unit) throw notFound('administrative unit');
      const fields = writtenFields(dto);
      if (!fields.length) return toUnitView(unit);
      if (dto.name !== undefined) unit.name = dto.name.normalize('NFC').trim();
      if (dto.population !== undefined) unit.population = dto.population;
      await this.units.update(m, id, unit);
      await this.audit.record(actor, { action: 'update', entity: 'admin_unit', entityId: id, fields }, m);
      return toUnitView(unit);
    });
  }

  /** Units are public geography: every signed-in role may list them. */
  list(query: AdminUnitQuery): Promise<Page<ReturnType<typeof toUnitView>>> {
    return pageWithinUnit(this.units, query.withinUnitId, query, (withinPath) => this.units.list(query, withinPath), toUnitView);
  }

  /** The materialized path of a unit, or undefined when there is no such unit. */
  pathOf(unitId: string): Promise<string | undefined> {
    return this.units.pathOf(unitId);
  }

  async get(id: string) {
    const unit = await this.units.findById(id);
    if (!unit) throw notFound('administrative unit');
    return toUnitView(unit);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { offsetOf, page } from '../../common/http/paging.js';
import { AdminUnit } from '../admin-units/admin-unit.entity.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import type { CreateFacilityDto, FacilityQuery, UpdateFacilityDto } from './dto/facility.dto.js';
import { Facility } from './facility.entity.js';

export const toFacilityView = (f: Facility) => ({
  id: f.id,
  code: f.code,
  name: f.name,
  type: f.type,
  adminUnitId: f.adminUnitId,
});

@Injectable()
export class FacilitiesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateFacilityDto) {
    return this.db.transaction(async (m) => {
      if (!(await m.existsBy(AdminUnit, { id: dto.adminUnitId }))) throw invalid('adminUnitId', 'no such unit');
      // The unique constraint stays the last word when two requests race.
      if (await m.existsBy(Facility, { code: dto.code })) throw conflict(`code: a facility with code ${dto.code} exists`);
      const facility = m.create(Facility, { ...dto, name: dto.name.normalize('NFC').trim() });
      await m.save(facility);
      await this.audit.record(actor, { action: 'create', entity: 'facility', entityId: facility.id, fields: writtenFields(dto) }, m);
      return toFacilityView(facility);
    });
  }

  /**
   * Renames a facility, moves it to another unit or changes its type (audited with the field
   * names). The type stays while users or enrollments refer to the facility: their roles and
   * treatments were checked against it.
   */
  async update(actor: Actor, id: string, dto: UpdateFacilityDto) {
    return this.db.transaction(async (m) => {
      const facility = await m.findOne(Facility, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!facility) throw notFound('facility');
      const fields = writtenFields(dto);
      if (!fields.length) return toFacilityView(facility);
      if (dto.adminUnitId !== undefined && !(await m.existsBy(AdminUnit, { id: dto.adminUnitId }))) {
        throw invalid('adminUnitId', 'no such unit');
      }
      if (dto.type !== undefined && dto.type !== facility.type) {
        const [{ used }]: { used: boolean }[] = await m.query(
          `SELECT EXISTS (SELECT 1 FROM users WHERE facility_id = $1) OR EXISTS (SELECT 1 FROM enrollments WHERE facility_id = $1) AS used`,
          [id],
        );
        if (used) throw conflict('type: users or enrollments refer to this facility; its type cannot change');
      }
      const changes = {
        name: dto.name === undefined ? facility.name : dto.name.normalize('NFC').trim(),
        type: dto.type ?? facility.type,
        adminUnitId: dto.adminUnitId ?? facility.adminUnitId,
      };
      await m.update(Facility, { id }, changes);
      await this.audit.record(actor, { action: 'update', entity: 'facility', entityId: id, fields }, m);
      return toFacilityView({ ...facility, ...changes });
    });
  }

  async list(query: FacilityQuery) {
    const qb = this.db.getRepository(Facility).createQueryBuilder('f');
    if (query.type) qb.andWhere('f.type = :type', { type: query.type });
    if (query.unitId) {
      // The prefix is bound as a value so the path index (text_pattern_ops) serves the match.
      const rows: { path: string }[] = await this.db.query(`SELECT path FROM admin_units WHERE id = $1`, [query.unitId]);
      if (!rows[0]) return page([], 0, query);
      qb.andWhere(`EXISTS (SELECT 1 FROM admin_units fu WHERE fu.id = f.admin_unit_id AND fu.path LIKE :prefix)`, {
        prefix: `${rows[0].path}%`,
      });
    }
    const [items, total] = await qb.orderBy('f.code').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
    return page(items.map(toFacilityView), total, query);
  }

  async get(id: string) {
    const f = await this.db.getRepository(Facility).findOneBy({ id });
    if (!f) throw notFound('facility');
    return toFacilityView(f);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { unitWithinPath } from '../../common/access/scope.js';
import { offsetOf } from '../../common/http/paging.js';
import type { FacilityQuery } from './dto/facility.dto.js';
import { Facility } from './facility.entity.js';

/** Every statement on `facilities`. */
@Injectable()
export class FacilitiesRepository {
  constructor(private readonly db: DataSource) {}

  findById(id: string, m?: EntityManager): Promise<Facility | null> {
    return (m ?? this.db.manager).findOneBy(Facility, { id });
  }

  codeTaken(m: EntityManager, code: string): Promise<boolean> {
    return m.existsBy(Facility, { code });
  }

  /** The facility, locked for an edit. */
  lock(m: EntityManager, id: string): Promise<Facility | null> {
    return m.findOne(Facility, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(m: EntityManager, id: string, changes: Pick<Facility, 'name' | 'type' | 'adminUnitId'>): Promise<void> {
    await m.update(Facility, { id }, changes);
  }

  async insert(m: EntityManager, fields: Partial<Facility>): Promise<Facility> {
    const facility = m.create(Facility, fields);
    await m.save(facility);
    return facility;
  }

  /** A page of facilities by code; `withinPath` keeps those whose unit lies under that area path. */
  list(query: FacilityQuery, withinPath: string | undefined): Promise<[Facility[], number]> {
    const qb = this.db.getRepository(Facility).createQueryBuilder('f');
    if (query.type) qb.andWhere('f.type = :type', { type: query.type });
    if (withinPath !== undefined) {
      const within = unitWithinPath('f.admin_unit_id', withinPath);
      qb.andWhere(within.sql, within.params);
    }
    return qb.orderBy('f.code').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
  }
}

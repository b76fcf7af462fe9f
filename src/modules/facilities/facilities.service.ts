import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { pageWithinUnit } from '../admin-units/admin-units.service.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import type { CreateFacilityDto, FacilityQuery, UpdateFacilityDto } from './dto/facility.dto.js';
import { FacilitiesRepository } from './facilities.repository.js';
import { TreatmentRepository } from '../treatment/treatment.repository.js';
import { UsersRepository } from '../users/users.repository.js';

@Injectable()
export class FacilitiesService {
  constructor(
    private readonly db: DataSource,
    private readonly facilities: FacilitiesRepository,
    private readonly units: AdminUnitsRepository,
    private readonly users: UsersRepository,
    private readonly enrollments: TreatmentRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateFacilityDto) {
    return this.db.transaction(async (m) => {
      if (!(await this.units.exists(dto.adminUnitId, m))) throw invalid('adminUnitId', 'no such unit');
      // The unique constraint stays the last word when two requests race.
      if (await this.facilities.codeTaken(m, dto.code)) throw conflict(`code: a facility with code ${dto.code} exists`);
      const facility = await this.facilities.insert(m, { ...dto, name: dto.name.normalize('NFC').trim() });
      await this.audit.record(actor, { action: 'create', entity: 'facility', entityId: facility.id, fields: writtenFields(dto) }, m);
      return facility;
    });
  }

  /**
   * Renames a facility, moves it to another unit or changes its type (audited with the field
   * names). The type stays while users or enrollments refer to the facility: their roles and
   * treatments were checked against it.
   */
  async update(actor: Actor, id: string, dto: UpdateFacilityDto) {
    return this.db.transaction(async (m) => {
      const facility = await this.facilities.lock(m, id);
      if (!facility) throw notFound('facility');
      const fields = writtenFields(dto);
      if (!fields.length) return facility;
      if (dto.adminUnitId !== undefined && !(await this.units.exists(dto.adminUnitId, m))) {
        throw invalid('adminUnitId', 'no such unit');
      }
      if (dto.type !== undefined && dto.type !== facility.type) {
        if ((await this.users.anyAtFacility(m, id)) || (await this.enrollments.anyAtFacility(m, id))) throw conflict('type: users or enrollments refer to this facility; its type cannot change');
      }
      const changes = {
        name: dto.name === undefined ? facility.name : dto.name.normalize('NFC').trim(),
        type: dto.type ?? facility.type,
        adminUnitId: dto.adminUnitId ?? facility.adminUnitId,
      };
      await this.facilities.update(m, id, changes);
      await this.audit.record(actor, { action: 'update', entity: 'facility', entityId: id, fields }, m);
      return { ...facility, ...changes };
    });
  }

  list(query: FacilityQuery) {
    // The repository already answers with the facility's view.
    return pageWithinUnit(this.units, query.unitId, query, (withinPath) => this.facilities.list(query, withinPath), (facility) => facility);
  }

  async get(id: string) {
    const f = await this.facilities.findById(id);
    if (!f) throw notFound('facility');
    return f;
  }
}

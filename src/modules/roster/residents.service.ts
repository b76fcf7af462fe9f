import { Injectable } from '@nestjs/common';
import type { FacilityType } from '../../common/access/roles.js';
import { personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { invalid, notFound } from '../../common/errors/app-error.js';
import { page, type Page } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { FacilitiesRepository } from '../facilities/facilities.repository.js';
import type { ResidentDto, ResidentsQuery } from './dto/residents.dto.js';
import { ResidentsRepository } from './residents.repository.js';

/** The facilities that have residents: rehabilitation stays and treatment in detention. */
const RESIDENT_FACILITY_TYPES: readonly FacilityType[] = ['rehab_facility', 'detention_facility'];

/** The residents of a rehabilitation or detention facility: its active stays, as the facility's staff work through them. */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly repository: ResidentsRepository,
    private readonly facilities: FacilitiesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async residents(actor: Actor, query: ResidentsQuery): Promise<Page<ResidentDto>> {
    const facilityId = await this.facilityOf(actor, query.facilityId);
    const filter = { facilityId, today: this.clock.today(), q: query.q, scope: personInScope(actor, 'p') };
    const [items, total] = await this.repository.page(filter, query);
    await this.audit.recordMany(
      actor,
      items.map((r) => ({ action: 'read', entity: 'person', entityId: r.personId, meta: { view: 'residents', enrollmentId: r.enrollmentId } })),
    );
    return page(items, total, query);
  }

  /** Facility staff's residents are their facility's; an admin names a rehabilitation or detention facility. */
  private async facilityOf(actor: Actor, facilityId: string | undefined): Promise<string> {
    if (actor.role === 'facility_staff') {
      if (facilityId !== undefined && facilityId !== actor.facilityId) throw invalid('facilityId', "facility staff see their own facility's residents only");
      if (!actor.facilityId) throw notFound('facility');
      return actor.facilityId;
    }
    if (!facilityId) throw invalid('facilityId', 'is required (the rehabilitation or detention facility whose residents)');
    const facility = await this.facilities.findById(facilityId);
    if (!facility) throw notFound('facility');
    if (!RESIDENT_FACILITY_TYPES.includes(facility.type)) throw invalid('facilityId', 'must be a rehabilitation facility or a detention facility');
    return facilityId;
  }
}

import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { PageQuery } from '../../common/http/paging.js';
import { CreatePrescriptionDto, PrescriptionDto, PrescriptionPageDto, RecordRosterDto, RosterPageDto, RosterQuery, RosterWriteDto } from './dto/roster.dto.js';
import { RosterService } from './roster.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** The methadone clinic's day: its roster, a whole day's doses at once, and prescribed doses. */
@ApiController({ tag: 'roster', roles: ['admin', 'clinic_staff'] })
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Route.get('clinics/roster', { summary: "The clinic's active methadone patients with the day's dose, the prescribed dose and the run of missed days", operationId: 'getClinicRoster', ok: RosterPageDto, errors: [400, 404] })
  list(@CurrentActor() actor: Actor, @Query() query: RosterQuery): Promise<RosterPageDto> {
    return this.roster.roster(actor, query);
  }

  @Route.post('clinics/roster/doses', { summary: "Record a whole day's doses in one transaction: a result per row; a row that fails says why and the others stand", operationId: 'recordClinicRosterDoses', ok: RosterWriteDto, errors: [400, 404] })
  record(@CurrentActor() actor: Actor, @Body() dto: RecordRosterDto): Promise<RosterWriteDto> {
    return this.roster.recordDay(actor, dto);
  }

  @Route.post('enrollments/:id/prescriptions', { summary: 'Prescribe a dose from a day on (a change is a new row; the history is kept)', operationId: 'createDosePrescription', created: PrescriptionDto, errors: [400, 404, 409] })
  prescribe(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreatePrescriptionDto): Promise<PrescriptionDto> {
    return this.roster.prescribe(actor, id, dto);
  }

  @Route.get('enrollments/:id/prescriptions', { summary: 'The prescribed doses of an enrollment, latest first', operationId: 'listDosePrescriptions', ok: PrescriptionPageDto, errors: [400, 404] })
  prescriptions(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<PrescriptionPageDto> {
    return this.roster.prescriptions(actor, id, query);
  }
}

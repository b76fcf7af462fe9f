import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { CreateEnrollmentDto, DoseQuery, EndEnrollmentDto, RecordDoseDto } from './dto/enrollment.dto.js';
import { DoseDto, EndedEnrollmentDto, EnrollmentDetailDto, EnrollmentDto } from './dto/enrollment.response.js';
import { TreatmentService } from './treatment.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/**
 * Enrollments: commune workers record community treatment, clinic staff methadone at their clinic,
 * facility staff stays at their facility (the service checks the type against the role).
 */
@ApiController({ tag: 'treatment' })
export class TreatmentController {
  constructor(private readonly treatment: TreatmentService) {}

  @Route.post('persons/:id/enrollments', { roles: ['admin', 'commune_worker', 'clinic_staff', 'facility_staff'], summary: 'Enroll a person; the planned end must respect the legal term in force on startDate', operationId: 'createEnrollment', created: EnrollmentDto, errors: [400, 404, 409] })
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateEnrollmentDto): Promise<EnrollmentDto> {
    return this.treatment.create(actor, id, dto);
  }

  @Route.get('persons/:id/enrollments', { summary: "A person's enrollments (clinic and facility staff: those at their own facility)", operationId: 'listEnrollments', paged: EnrollmentDto, errors: [400, 404] })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<Page<EnrollmentDto>> {
    return this.treatment.listForPerson(actor, id, query);
  }

  @Route.get('enrollments/:id', { summary: 'One enrollment; methadone ones carry consecutiveMissedDays and absentWithoutReason', operationId: 'getEnrollment', ok: EnrollmentDetailDto, errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EnrollmentDetailDto> {
    return this.treatment.get(actor, id);
  }

  @Route.post('enrollments/:id/end', { roles: ['admin', 'commune_worker', 'clinic_staff', 'facility_staff'], summary: 'End an enrollment; completed treatment opens a post-rehab supervision from the next day; completing before the legal minimum term needs the decision that allows it', operationId: 'endEnrollment', ok: EndedEnrollmentDto, errors: [400, 404, 409] })
  end(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: EndEnrollmentDto): Promise<EndedEnrollmentDto> {
    return this.treatment.end(actor, id, dto);
  }

  @Route.post('enrollments/:id/doses', { roles: ['admin', 'clinic_staff'], summary: 'Record the methadone dose of a day (a second write for the day updates it); a missed dose may carry its reason', operationId: 'recordDose', created: DoseDto, errors: [400, 404, 409] })
  recordDose(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: RecordDoseDto): Promise<DoseDto> {
    return this.treatment.recordDose(actor, id, dto);
  }

  @Route.get('enrollments/:id/doses', { roles: ['admin', 'clinic_staff'], summary: 'Methadone doses of an enrollment, latest first, optionally within from..to', operationId: 'listDoses', paged: DoseDto, errors: [400, 404] })
  listDoses(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: DoseQuery): Promise<Page<DoseDto>> {
    return this.treatment.listDoses(actor, id, query);
  }
}

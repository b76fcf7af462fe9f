import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { CreateEnrollmentDto, DoseQuery, EndEnrollmentDto, RecordDoseDto } from './dto/enrollment.dto.js';
import { DoseDto, EndedEnrollmentDto, EnrollmentDetailDto, EnrollmentDto } from './dto/enrollment.response.js';
import { TreatmentService } from './treatment.service.js';

/**
 * Enrollments: commune workers record community treatment, clinic staff methadone at their clinic,
 * facility staff stays at their facility (the service checks the type against the role).
 */
@ApiTags('treatment')
@ApiBearerAuth()
@Controller()
export class TreatmentController {
  constructor(private readonly treatment: TreatmentService) {}

  @Post('persons/:id/enrollments')
  @Roles('admin', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'Enroll a person; the planned end must respect the legal term in force on startDate', operationId: 'createEnrollment' })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiErrors(400, 404, 409)
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateEnrollmentDto): Promise<EnrollmentDto> {
    return this.treatment.create(actor, id, dto);
  }

  @Get('persons/:id/enrollments')
  @ApiOperation({ summary: "A person's enrollments (clinic and facility staff: those at their own facility)", operationId: 'listEnrollments' })
  @ApiPagedResponse(EnrollmentDto)
  @ApiErrors(400, 404)
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<Page<EnrollmentDto>> {
    return this.treatment.listForPerson(actor, id, query);
  }

  @Get('enrollments/:id')
  @ApiOperation({ summary: 'One enrollment; methadone ones carry consecutiveMissedDays', operationId: 'getEnrollment' })
  @ApiOkResponse({ type: EnrollmentDetailDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EnrollmentDetailDto> {
    return this.treatment.get(actor, id);
  }

  @Post('enrollments/:id/end')
  @HttpCode(200)
  @Roles('admin', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'End an enrollment; completed treatment opens a post-rehab supervision from the next day', operationId: 'endEnrollment' })
  @ApiOkResponse({ type: EndedEnrollmentDto })
  @ApiErrors(400, 404, 409)
  end(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: EndEnrollmentDto): Promise<EndedEnrollmentDto> {
    return this.treatment.end(actor, id, dto);
  }

  @Post('enrollments/:id/doses')
  @Roles('admin', 'clinic_staff')
  @ApiOperation({ summary: 'Record the methadone dose of a day (a second write for the day updates it)', operationId: 'recordDose' })
  @ApiCreatedResponse({ type: DoseDto })
  @ApiErrors(400, 404, 409)
  recordDose(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: RecordDoseDto): Promise<DoseDto> {
    return this.treatment.recordDose(actor, id, dto);
  }

  @Get('enrollments/:id/doses')
  @Roles('admin', 'clinic_staff')
  @ApiOperation({ summary: 'Methadone doses of an enrollment, latest first, optionally within from..to', operationId: 'listDoses' })
  @ApiPagedResponse(DoseDto)
  @ApiErrors(400, 404)
  listDoses(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: DoseQuery): Promise<Page<DoseDto>> {
    return this.treatment.listDoses(actor, id, query);
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { PageQuery } from '../../common/http/paging.js';
import { CandidatesQueryDto, PersonCandidatesDto, PossibleDuplicateErrorDto } from './dto/person-candidates.dto.js';
import { ErrorBodyDto } from './dto/error-body.dto.js';
import { ClosePersonDto, CreatePersonDto, PersonQuery, UpdatePersonDto } from './dto/person.dto.js';
import { PersonsService } from './persons.service.js';

@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Post()
  @Roles('admin', 'commune_worker')
  @ApiOperation({ summary: 'Open a file for a person living in a commune of the caller’s area; the case code is generated' })
  @ApiResponse({ status: 409, type: PossibleDuplicateErrorDto, description: 'possible_duplicate: a likely match is in scope (send confirmDistinct), or the national id is taken' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto) {
    return this.persons.create(actor, dto);
  }

  @Post('candidates')
  @HttpCode(200)
  @Roles('admin', 'province_officer', 'commune_worker')
  @ApiOperation({
    summary: 'Search before registering: files in the caller’s scope that may be this person, best first, without contact details',
    operationId: 'findPersonCandidates',
  })
  @ApiResponse({ status: 200, type: PersonCandidatesDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'a field is missing or invalid' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'clinic and facility staff use the exact lookup instead' })
  findCandidates(@CurrentActor() actor: Actor, @Body() dto: CandidatesQueryDto) {
    return this.persons.findCandidates(actor, dto);
  }

  @Get()
  @Roles('admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'Files in the caller’s scope, newest first; never national id, phone or address' })
  list(@CurrentActor() actor: Actor, @Query() query: PersonQuery) {
    return this.persons.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'One file; national id, phone and address for admins and commune workers only' })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam) {
    return this.persons.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'commune_worker')
  @ApiOperation({ summary: 'Change a file against the version read (409 when stale); a new residenceUnitId moves it' })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdatePersonDto) {
    return this.persons.update(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'commune_worker')
  @ApiOperation({ summary: 'Close a file (files are never deleted)' })
  close(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: ClosePersonDto) {
    return this.persons.close(actor, id, dto);
  }

  @Get(':id/timeline')
  @Roles('admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'Registrations, status changes, moves, enrollments, services, supervisions and visits in date order' })
  timeline(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery) {
    return this.persons.timeline(actor, id, query);
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { PersonDto, PersonListItemDto, TimelineEventDto } from './dto/person.response.js';
import { ClosePersonDto, CreatePersonDto, PersonQuery, UpdatePersonDto } from './dto/person.dto.js';
import { PersonsService } from './persons.service.js';

@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Post()
  @Roles('admin', 'commune_worker')
  @ApiOperation({ summary: 'Open a file for a person living in a commune of the caller’s area; the case code is generated', operationId: 'createPerson' })
  @ApiCreatedResponse({ type: PersonDto })
  @ApiErrors(400, 409, 429)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return this.persons.create(actor, dto);
  }

  @Get()
  @Roles('admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'Files in the caller’s scope, newest first; never national id, phone or address', operationId: 'listPersons' })
  @ApiPagedResponse(PersonListItemDto)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: PersonQuery): Promise<Page<PersonListItemDto>> {
    return this.persons.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'One file; national id, phone and address for admins and commune workers only', operationId: 'getPerson' })
  @ApiOkResponse({ type: PersonDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<PersonDto> {
    return this.persons.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'commune_worker')
  @ApiOperation({ summary: 'Change a file against the version read (409 when stale); a new residenceUnitId moves it', operationId: 'updatePerson' })
  @ApiOkResponse({ type: PersonDto })
  @ApiErrors(400, 404, 409, 429)
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdatePersonDto): Promise<PersonDto> {
    return this.persons.update(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'commune_worker')
  @ApiOperation({ summary: 'Close a file (files are never deleted)', operationId: 'closePerson' })
  @ApiOkResponse({ type: PersonDto })
  @ApiErrors(400, 404, 409)
  close(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: ClosePersonDto): Promise<PersonDto> {
    return this.persons.close(actor, id, dto);
  }

  @Get(':id/timeline')
  @Roles('admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'Registrations, status changes, moves, enrollments, services, supervisions and visits in date order', operationId: 'getPersonTimeline' })
  @ApiPagedResponse(TimelineEventDto)
  @ApiErrors(400, 404)
  timeline(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<Page<TimelineEventDto>> {
    return this.persons.timeline(actor, id, query);
  }
}

import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { errorResponseDescription } from '../../common/http/api-docs.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { CandidatesQueryDto, PersonCandidatesDto, PossibleDuplicateErrorDto } from './dto/person-candidates.dto.js';
import { PersonDto, PersonListItemDto, TimelineEventDto } from './dto/person.response.js';
import { ClosePersonDto, CreatePersonDto, PersonQuery, UpdatePersonDto } from './dto/person.dto.js';
import { PersonsService } from './persons.service.js';
import { Route } from '../../common/http/route.js';

/** The 409 of registering, with the candidate files beside the error. */
const possibleDuplicate = {
  status: 409,
  type: PossibleDuplicateErrorDto,
  description: errorResponseDescription(409, 'possible_duplicate (with the candidates: send confirmDistinct if this is another person), or the national id is taken'),
};

@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Route.post({ roles: ['admin', 'commune_worker'], summary: 'Open a file for a person living in a commune of the caller’s area; the case code is generated', operationId: 'createPerson', created: PersonDto, errors: [400, 429], responses: [possibleDuplicate] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return this.persons.create(actor, dto);
  }

  @Route.post('candidates', { roles: ['admin', 'province_officer', 'commune_worker'], summary: 'Search before registering: files in the caller’s scope that may be this person, best first, without contact details', operationId: 'findPersonCandidates', ok: PersonCandidatesDto, errors: [400] })
  findCandidates(@CurrentActor() actor: Actor, @Body() dto: CandidatesQueryDto): Promise<PersonCandidatesDto> {
    return this.persons.findCandidates(actor, dto);
  }

  @Route.get({ roles: ['admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'], summary: 'Files in the caller’s scope, newest first; never national id, phone or address', operationId: 'listPersons', paged: PersonListItemDto, errors: [400, 429] })
  list(@CurrentActor() actor: Actor, @Query() query: PersonQuery): Promise<Page<PersonListItemDto>> {
    return this.persons.list(actor, query);
  }

  @Route.get(':id', { roles: ['admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'], summary: 'One file; national id, phone and address for admins and commune workers only', operationId: 'getPerson', ok: PersonDto, errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<PersonDto> {
    return this.persons.get(actor, id);
  }

  @Route.patch(':id', { roles: ['admin', 'commune_worker'], summary: 'Change a file against the version read (409 when stale); a new residenceUnitId moves it', operationId: 'updatePerson', ok: PersonDto, errors: [400, 404, 409, 429] })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdatePersonDto): Promise<PersonDto> {
    return this.persons.update(actor, id, dto);
  }

  @Route.post(':id/close', { roles: ['admin', 'commune_worker'], summary: 'Close a file (files are never deleted)', operationId: 'closePerson', ok: PersonDto, errors: [400, 404, 409] })
  close(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: ClosePersonDto): Promise<PersonDto> {
    return this.persons.close(actor, id, dto);
  }

  @Route.get(':id/timeline', { roles: ['admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'], summary: 'Registrations, status changes, moves, enrollments, services, supervisions and visits in date order', operationId: 'getPersonTimeline', paged: TimelineEventDto, errors: [400, 404] })
  timeline(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<Page<TimelineEventDto>> {
    return this.persons.timeline(actor, id, query);
  }
}

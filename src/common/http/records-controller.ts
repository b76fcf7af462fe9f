/**
 * The four routes of a record an administrator keeps (administrative units, facilities, users):
 * POST to create, GET a page by a query, GET ':id', PATCH ':id'. Each hands its input to the
 * service's method of the same name; the controller gives the types and each route's contract.
 *
 *   @ApiController('facilities')
 *   export class FacilitiesController extends RecordsController({
 *     record: FacilityDto, create: CreateFacilityDto, update: UpdateFacilityDto, query: FacilityQuery,
 *     routes: { create: { roles: ['admin'], summary, operationId, errors: [400, 409] }, list: {...}, get: {...}, update: {...} },
 *   }) {
 *     constructor(facilities: FacilitiesService) { super(facilities); }
 *   }
 */
import { Body, Param, Query, type Type } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/decorators.js';
import { IdParam } from './id-param.js';
import type { Page } from './paging.js';
import { Route, type RouteSpec } from './route.js';

/** What the service of such a record offers. */
export interface RecordsService<D, C, U, Q> {
  create(actor: Actor, dto: C): Promise<D>;
  list(query: Q): Promise<Page<D>>;
  get(id: string): Promise<D>;
  update(actor: Actor, id: string, dto: U): Promise<D>;
}

/** A route's contract but its answer, which is the record (a page of them for the list). */
type RouteOf = Omit<RouteSpec, 'ok' | 'paged' | 'created' | 'accepted' | 'noContent'>;

export interface RecordsSpec<D, C, U, Q> {
  record: Type<D>;
  create: Type<C>;
  update: Type<U>;
  query: Type<Q>;
  routes: { create: RouteOf; list: RouteOf; get: RouteOf; update: RouteOf };
}

export function RecordsController<D, C, U, Q>(spec: RecordsSpec<D, C, U, Q>) {
  class Records {
    constructor(protected readonly service: RecordsService<D, C, U, Q>) {}

    @Route.post({ ...spec.routes.create, created: spec.record })
    create(@CurrentActor() actor: Actor, @Body() dto: C): Promise<D> {
      return this.service.create(actor, dto);
    }

    @Route.get({ ...spec.routes.list, paged: spec.record })
    list(@Query() query: Q): Promise<Page<D>> {
      return this.service.list(query);
    }

    @Route.get(':id', { ...spec.routes.get, ok: spec.record })
    get(@Param() { id }: IdParam): Promise<D> {
      return this.service.get(id);
    }

    @Route.patch(':id', { ...spec.routes.update, ok: spec.record })
    update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: U): Promise<D> {
      return this.service.update(actor, id, dto);
    }
  }
  // The compiler records type parameters as Object; the validation pipe and the document read the
  // parameters' classes from here.
  Reflect.defineMetadata('design:paramtypes', [Object, spec.create], Records.prototype, 'create');
  Reflect.defineMetadata('design:paramtypes', [spec.query], Records.prototype, 'list');
  Reflect.defineMetadata('design:paramtypes', [Object, IdParam, spec.update], Records.prototype, 'update');
  return Records;
}

/**
 * One decorator a route: the method and path, the roles that may call it, its operation and every
 * answer it documents, so a handler reads as its contract and nothing else.
 *
 *   @Route.post('enrollments/:id/doses', {
 *     roles: ['admin', 'clinic_staff'],
 *     summary: 'Record the methadone dose of a day',
 *     operationId: 'recordDose',                // unique, camelCase
 *     created: DoseDto,                         // 201; `ok` 200, `paged` a page, `accepted` 202, `noContent` 204
 *     errors: [400, 404, 409],                  // each error status the route can answer (ApiErrors)
 *   })
 *   recordDose(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: RecordDoseDto): Promise<DoseDto> { ... }
 *
 * The status code follows the answer: a POST that answers `ok` or `paged` says 200, `accepted` 202,
 * `noContent` 204. `roles` is @Roles (403 for the others), `public` is @Public (no token).
 * See api-docs.ts for what the document adds to every operation by itself.
 */
import { Delete, Get, HttpCode, Patch, Post, type Type, applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import type { Role } from '../access/roles.js';
import { Public, Roles } from '../auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from './api-docs.js';

type Answer = Type<unknown> | ApiResponseOptions;

export interface RouteSpec {
  summary: string;
  description?: string;
  operationId: string;
  /** Only these roles may call it (others: 403); absent: every role. */
  roles?: readonly Role[];
  /** No token needed (`security: []`). */
  public?: true;
  /** 200 with this body (a DTO class, or the response's options for a file). */
  ok?: Answer;
  /** 200 with a page of this item. */
  paged?: Type<unknown>;
  /** 201 with this body. */
  created?: Answer;
  /** 202 with this body. */
  accepted?: Answer;
  /** 204, with this description. */
  noContent?: string;
  /** The error statuses it can answer with the one error body. */
  errors?: readonly number[];
  /** Answers of their own (an error with a richer body, a 503 with checks). */
  responses?: readonly ApiResponseOptions[];
}

const options = (answer: Answer): ApiResponseOptions => (typeof answer === 'function' ? { type: answer } : answer);

function route(method: 'get' | 'post' | 'patch' | 'delete', path: string | undefined, spec: RouteSpec): MethodDecorator {
  const { summary, description, operationId } = spec;
  const decorators: MethodDecorator[] = [];
  // Listed from the handler up, the order a stack of decorators would run in.
  decorators.push(...(spec.responses ?? []).map((r) => ApiResponse(r)));
  if (spec.errors?.length) decorators.push(ApiErrors(...spec.errors));
  if (spec.ok) decorators.push(ApiOkResponse(options(spec.ok)));
  if (spec.paged) decorators.push(ApiPagedResponse(spec.paged));
  if (spec.created) decorators.push(ApiCreatedResponse(options(spec.created)));
  if (spec.accepted) decorators.push(ApiAcceptedResponse(options(spec.accepted)));
  if (spec.noContent !== undefined) decorators.push(ApiNoContentResponse({ description: spec.noContent }));
  decorators.push(ApiOperation(description === undefined ? { summary, operationId } : { summary, description, operationId }));
  if (spec.roles) decorators.push(Roles(...spec.roles));
  const status = spec.noContent !== undefined ? 204 : spec.accepted ? 202 : method === 'post' && (spec.ok || spec.paged) ? 200 : undefined;
  if (status) decorators.push(HttpCode(status));
  const verb = { get: Get, post: Post, patch: Patch, delete: Delete }[method];
  decorators.push(path === undefined ? verb() : verb(path));
  if (spec.public) decorators.push(Public());
  return applyDecorators(...decorators);
}

type RouteDecorator = {
  (spec: RouteSpec): MethodDecorator;
  (path: string, spec: RouteSpec): MethodDecorator;
};

const verb =
  (method: 'get' | 'post' | 'patch' | 'delete'): RouteDecorator =>
  (pathOrSpec: string | RouteSpec, spec?: RouteSpec) =>
    typeof pathOrSpec === 'string' ? route(method, pathOrSpec, spec as RouteSpec) : route(method, undefined, pathOrSpec);

/** `@Route.get(path?, spec)`, `.post`, `.patch`, `.delete`: see the top of this file. */
export const Route = { get: verb('get'), post: verb('post'), patch: verb('patch'), delete: verb('delete') };

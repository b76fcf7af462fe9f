/**
 * How every route documents its contract. The OpenAPI document (`/api/docs-json`) is generated
 * from these decorators; the e2e suite checks every response against it, and the web app's typed
 * client (web/src/api/schema.d.ts, `npm run client:generate`) is generated from it. A route that
 * answers something its decorators do not say fails the suite.
 *
 *   @ApiController('persons')      // controller.ts: the path, the tag, the bearer token, class-wide roles
 *   export class PersonsController {
 *     // One decorator a route (route.ts): roles (documents the 403), the operation (operationId unique,
 *     // camelCase), the answer (`ok`, `created`, `accepted`, `noContent`, `paged` for a page
 *     // {items, total, page, pageSize}) and each error status the route can answer.
 *     @Route.get(':id', { roles: ['admin', 'commune_worker'], summary: 'One file', operationId: 'getPerson', ok: PersonDto, errors: [400, 404] })
 *     get(@Param() { id }: IdParam): Promise<PersonDto> { ... }
 *   }
 *
 * Request DTOs declare each field with one decorator from fields.ts (TextField, DateField, UuidField,
 * EnumField, IntField, BoolField, and the groups built on them: NameField, CodeField, FilterField,
 * DocumentNoField, TextListField), which documents and checks it together.
 * Response DTOs are plain classes in the module's dto/ folder, named `...Dto`, with @ApiProperty
 * on every field: ApiUuid, ApiDate, ApiDateTime, ApiInteger below for the common formats (each
 * takes `{ nullable: true }`, `{ required: false }` for a field that may be absent, a description),
 * ApiEnum(values, 'Name') for fixed values (a nullable enum: `@ApiProperty({ enum, nullable: true })`
 * without enumName, which Redocly's lint refuses), `type: () => OtherDto` or `[OtherDto]` for nested
 * objects. Declare the handler's return type as the DTO (or Page<Dto>) so the compiler keeps the
 * service and the document together.
 *
 * A new error a client should tell apart gets a code in ErrorCode (src/common/errors/app-error.ts)
 * and is thrown as `new AppError(ErrorCode.X, 'field: reason')`. After changing the contract run
 * `npm run client:generate` and commit web/src/api/schema.d.ts; src/openapi.spec.ts fails otherwise.
 *
 * Added to every operation when the document is built (src/common/http/openapi.ts), not by hand:
 * 401 unless the route is @Public() (which also writes `security: []`), 500 and 503, 414 with path
 * parameters (the router), and 400, 413, 415 on POST, PUT and PATCH (the body parser). Error codes: ErrorCode in src/common/errors/app-error.ts.
 */
import { type Type, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, type ApiPropertyOptions, ApiResponse } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { ErrorCode, STATUS_OF } from '../errors/app-error.js';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import type { Page } from './paging.js';

/** The codes an error status can carry, for the response's description. */
export function codesOf(status: number): ErrorCode[] {
  const codes = Object.values(ErrorCode).filter((code) => STATUS_OF[code] === status);
  if (status === 400 && !codes.length) return [ErrorCode.BadRequest];
  return codes;
}

export function errorResponseDescription(status: number, detail?: string): string {
  const codes = codesOf(status);
  const text = `${STATUS_CODES[status] ?? 'Error'}${detail ? `: ${detail}` : ''}`;
  return codes.length ? `${text} (code: ${codes.join(', ')})` : text;
}

/** Documents each error status a route can answer, all with the one error body (ErrorResponseDto). */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: errorResponseDescription(status), type: ErrorResponseDto })),
  );
}

const pages = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The list envelope typed per item: `PageOf(PersonSummaryDto)` is a class `PersonSummaryPage`
 * with `items: PersonSummaryDto[]`, `total`, `page`, `pageSize` (one class per item type).
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  let cls = pages.get(item);
  if (!cls) {
    class PageDto {
      items: T[];
      total: number;
      page: number;
      pageSize: number;
    }
    ApiProperty({ type: item, isArray: true })(PageDto.prototype, 'items');
    ApiProperty({ type: 'integer', minimum: 0, description: 'Items matching, over all pages' })(PageDto.prototype, 'total');
    ApiProperty({ type: 'integer', minimum: 1, description: 'This page, from 1' })(PageDto.prototype, 'page');
    ApiProperty({ type: 'integer', minimum: 1, maximum: 100, description: 'Items per page' })(PageDto.prototype, 'pageSize');
    Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
    cls = PageDto as Type<Page<unknown>>;
    pages.set(item, cls);
  }
  return cls as Type<Page<T>>;
}

/** 200 with a page of `item`: `{items: item[], total, page, pageSize}`. */
export function ApiPagedResponse<T>(item: Type<T>, description = 'One page of results'): MethodDecorator & ClassDecorator {
  return ApiOkResponse({ type: PageOf(item), description });
}

/**
 * Marks an operation as needing no token (`security: []`, overriding the document's bearer
 * requirement). Applied by @Public(), so the document and the guard read the same marker.
 */
export function ApiNoSecurity(): MethodDecorator & ClassDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (!descriptor) return target;
    const prev = (Reflect.getMetadata(SWAGGER_OPERATION, descriptor.value) ?? {}) as Record<string, unknown>;
    Reflect.defineMetadata(SWAGGER_OPERATION, { ...prev, security: [] }, descriptor.value);
    return descriptor;
  }) as MethodDecorator & ClassDecorator;
}

/** @nestjs/swagger's metadata key for @ApiOperation (DECORATORS.API_OPERATION, not exported). */
const SWAGGER_OPERATION = 'swagger/apiOperation';

type FieldOptions = { nullable?: boolean; required?: boolean; description?: string; example?: unknown };

/** A UUID field. */
export const ApiUuid = (o: FieldOptions = {}) => ApiProperty({ type: String, format: 'uuid', ...o } as ApiPropertyOptions);
/** A calendar date, `YYYY-MM-DD`. */
export const ApiDate = (o: FieldOptions = {}) => ApiProperty({ type: String, format: 'date', example: '2025-03-01', ...o } as ApiPropertyOptions);
/** An instant, ISO 8601 with time zone (`2025-03-01T07:30:00.000Z`). */
export const ApiDateTime = (o: FieldOptions = {}) => ApiProperty({ type: String, format: 'date-time', ...o } as ApiPropertyOptions);
/** A whole number. */
export const ApiInteger = (o: FieldOptions & { minimum?: number } = {}) => ApiProperty({ type: 'integer', ...o } as ApiPropertyOptions);
/** One of fixed values; `name` becomes a shared schema, so clients get one union type for it. */
export const ApiEnum = (values: readonly string[], name: string, o: FieldOptions = {}) =>
  ApiProperty({ enum: values, enumName: name, ...o } as ApiPropertyOptions);

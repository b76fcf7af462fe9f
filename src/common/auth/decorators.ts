import { type ExecutionContext, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import { ApiNoSecurity, errorResponseDescription } from '../http/api-docs.js';
import type { Role } from '../access/roles.js';
import type { Actor } from './actor.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** Opts a route out of the default-deny JWT guard; the document says `security: []` for it. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiNoSecurity());

/**
 * The roles that may call a route; others get 403. Routes without it are open to every role.
 * The document lists the roles in the route's 403 response.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiResponse({ status: 403, description: errorResponseDescription(403, `for roles other than ${roles.join(', ')}`), type: ErrorResponseDto }),
  );

/** The authenticated caller with the request's address and id, for scope and audit. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ user: Actor }>();
  return req.user;
});

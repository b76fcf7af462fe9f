import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Role } from '../../modules/users/user.entity.js';
import type { Actor } from './actor.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** Opts a route out of the default-deny JWT guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The roles that may call a route; others get 403. Routes without it are open to every role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller with the request's address and id, for scope and audit. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ user: Actor }>();
  return req.user;
});

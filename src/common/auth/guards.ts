import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError, ErrorCode } from '../errors/app-error.js';
import type { Role } from '../access/roles.js';
import type { Actor } from './actor.js';
import { IS_PUBLIC, ROLES_KEY } from './decorators.js';

/** Default deny: every route needs a valid access token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  /**
   * A bad, expired or revoked token reaches here as `user === false`; `err` is set only when
   * loading the caller failed (the database is away), which is the service's fault, not the
   * caller's: it goes to the error filter instead of telling the client to drop its tokens.
   */
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw new AppError(ErrorCode.Unauthorized, 'missing, invalid or expired access token');
    return user;
  }
}

/**
 * Refuses with 403 a caller whose role the route does not list. It runs after JwtAuthGuard; should
 * it ever run without a caller on a route that is not public, it refuses (401) rather than trusting
 * the order of the guards.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const user = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!user) {
      if (isPublic) return true;
      throw new AppError(ErrorCode.Unauthorized, 'missing, invalid or expired access token');
    }
    if (roles && !roles.includes(user.role)) throw new AppError(ErrorCode.Forbidden, `role ${user.role} may not use this route`);
    return true;
  }
}

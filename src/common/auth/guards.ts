import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError, ErrorCode } from '../errors/app-error.js';
import type { Role } from '../access/roles.js';
import type { Actor } from './actor.js';
import { CALLER_STATE, type CallerState } from './caller-state.js';
import { IS_PUBLIC, ROLES_KEY } from './decorators.js';
import { bearerToken, VerifiedTokens } from './jwt.strategy.js';

/** What the guards read of a route's metadata, once per route rather than on every request. */
interface RouteAccess {
  isPublic: boolean;
  roles: Role[] | undefined;
}

/** Per controller class, per handler: a handler inherited by two controllers may be opened differently by each. */
const routeAccess = new WeakMap<object, WeakMap<object, RouteAccess>>();

function accessOf(reflector: Reflector, context: ExecutionContext): RouteAccess {
  const handler = context.getHandler();
  const controller = context.getClass();
  let ofClass = routeAccess.get(controller);
  if (!ofClass) routeAccess.set(controller, (ofClass = new WeakMap()));
  let access = ofClass.get(handler);
  if (!access) {
    const targets = [handler, controller];
    access = {
      isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
      roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
    };
    ofClass.set(handler, access);
  }
  return access;
}

const unauthorized = () => new AppError(ErrorCode.Unauthorized, 'missing, invalid or expired access token');

/**
 * Default deny: every route needs a valid access token unless it is marked @Public(). A token not
 * seen before is verified by passport-jwt (JwtStrategy: HS256 only, signature, expiry); a token it
 * verified earlier in this process is taken from VerifiedTokens with its expiry checked again. Either
 * way the caller is checked on every request (CALLER_STATE), so a user who is deactivated, or a login
 * that was revoked, is refused even with an unexpired token. A bad, expired or revoked token answers
 * 401; a failure to check the caller (the database is away) is the service's fault, not the
 * caller's: it goes to the error filter instead of telling the client to drop its tokens.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: VerifiedTokens,
    @Inject(CALLER_STATE) private readonly callers: CallerState,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (accessOf(this.reflector, context).isPublic) return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; ip?: string; id?: string; user?: Actor }>();
    const known = this.tokens.claimsOf(bearerToken(req));
    if (!known) return (await super.canActivate(context)) as boolean;
    const actor = await this.callers.active(known.sub, known.sid, { ip: req.ip, requestId: req.id });
    req.user = this.handleRequest<Actor | false>(null, actor ?? false) as Actor;
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw unauthorized();
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
    const { isPublic, roles } = accessOf(this.reflector, context);
    const user = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!user) {
      if (isPublic) return true;
      throw unauthorized();
    }
    if (roles && !roles.includes(user.role)) throw new AppError(ErrorCode.Forbidden, `role ${user.role} may not use this route`);
    return true;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../common/access/scope.js';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import type { AccessTokenPayload } from '../../common/auth/jwt.strategy.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { Callers } from '../users/callers.js';
import { Passwords } from '../users/passwords.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthRepository } from './auth.repository.js';
import { normalizeUsername } from '../users/usernames.js';
import { toUserView, UsersService, type UserView } from '../users/users.service.js';
import { LoginThrottle } from './login-throttle.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  user: UserView;
}

const unauthorized = (message = 'invalid credentials') => new AppError(ErrorCode.Unauthorized, message);
const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * Short-lived access tokens and one-use refresh tokens. A refresh token is `<id>.<secret>`; only a
 * hash of the secret is stored. Presenting a token that was already used means it was copied:
 * the whole login (its family) is revoked.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly userRows: UsersRepository,
    private readonly tokens: AuthRepository,
    private readonly jwt: JwtService,
    private readonly passwords: Passwords,
    private readonly throttle: LoginThrottle,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly callers: Callers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, who: AuditContext): Promise<TokenPair> {
    // Counts this attempt before the password is checked, so parallel guesses cannot slip past the limit.
    await this.throttle.attempt(username, who.ip);
    // Stored lower case and ASCII; the name given is brought to the same form (`ADMİN` is `admin`).
    const user = await this.userRows.withPasswordHashByUsername(normalizeUsername(username));
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok || !user.active) {
      await this.audit.record(who, { action: 'login_failed', entity: 'user', entityId: user?.id ?? null });
      throw unauthorized();
    }
    await this.throttle.succeed(username, who.ip);
    return this.db.transaction(async (m) => {
      const pair = await this.issue(m, user, randomUUID());
      await this.audit.record({ ...who, id: user.id, role: user.role }, { action: 'login', entity: 'user', entityId: user.id }, m);
      return pair;
    });
  }

  async refresh(presented: string, who: AuditContext): Promise<TokenPair> {
    const [id, secret, extra] = presented.split('.');
    if (!id || !secret || extra !== undefined || !isUuid(id)) throw unauthorized('invalid refresh token');
    const result = await this.db.transaction(async (m) => {
      const token = await this.tokens.lockToken(m, id);
      if (!token || !timingSafeEqual(token.tokenHash, sha256(secret))) return { error: 'invalid refresh token' };
      if (token.revokedAt) return { error: 'refresh token revoked' };
      if (token.expiresAt.getTime() <= Date.now()) return { error: 'refresh token expired' };
      if (token.usedAt) {
        // Reuse of a rotated token: someone else may hold the family. End the whole login.
        await this.tokens.revokeFamily(m, token.familyId);
        await this.audit.record(who, { action: 'refresh_reused', entity: 'user', entityId: token.userId, meta: { family: token.familyId } }, m);
        return { error: 'refresh token already used; the login was revoked', revokedUser: token.userId };
      }
      const user = await this.userRows.findActive(token.userId, m);
      if (!user) return { error: 'user is locked out' };
      await this.tokens.markUsed(m, id);
      return { pair: await this.issue(m, user, token.familyId) };
    });
    // The revocation above must commit, so the refusal is thrown after the transaction.
    if ('revokedUser' in result) this.callers.forget(result.revokedUser!);
    if ('error' in result) throw unauthorized(result.error);
    return result.pair!;
  }

  async logout(actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.tokens.revokeFamily(m, actor.sessionId);
      await this.audit.record(actor, { action: 'logout', entity: 'user', entityId: actor.id }, m);
    });
    // Other processes learn it from the database's notification; this one need not wait for it.
    this.callers.forget(actor.id);
  }

  me(actor: Actor): Promise<UserView> {
    return this.users.get(actor.id);
  }

  private async issue(m: EntityManager, user: User, familyId: string): Promise<TokenPair> {
    const payload: AccessTokenPayload = { sub: user.id, sid: familyId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(payload, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.tokens.insertToken(m, {
      id,
      familyId,
      userId: user.id,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    return { accessToken, refreshToken: `${id}.${secret}`, user: toUserView(user) };
  }
}

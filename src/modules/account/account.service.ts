import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { invalid, notFound } from '../../common/errors/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { Callers } from '../users/callers.js';
import { isGuessable } from '../users/password-strength.js';
import { Passwords } from '../users/passwords.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthRepository } from '../auth/auth.repository.js';
import type { ChangePasswordDto, PasswordChangedDto, SessionDto } from './dto/account.dto.js';

/**
 * What any signed-in user does for themself: change their password (knowing the current one) and
 * see and end their own logins. A wrong current password counts as a failed login of the user, so
 * a stolen access token cannot be used to guess the password faster than the login allows.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly logins: AuthRepository,
    private readonly passwords: Passwords,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly callers: Callers,
  ) {}

  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<PasswordChangedDto> {
    const user = await this.users.withPasswordHash(actor.id);
    if (!user) throw notFound('user');
    await this.throttle.attempt(user.username, actor.ip);
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      await this.audit.record(actor, { action: 'password_change_failed', entity: 'user', entityId: actor.id });
      throw invalid('currentPassword', 'is not the current password');
    }
    await this.throttle.succeed(user.username, actor.ip);
    if (dto.newPassword === dto.currentPassword) throw invalid('newPassword', 'must differ from the current password');
    if (isGuessable(dto.newPassword, [user.username, user.fullName ?? ''])) throw invalid('newPassword', 'is too easy to guess for this user; use a longer passphrase');
    const hash = await this.passwords.hash(dto.newPassword);
    const changed = await this.db.transaction(async (m) => {
      await this.users.update(m, actor.id, { passwordHash: hash });
      // A changed password ends every other login: whoever knew the old one is signed out.
      const sessionsEnded = await this.logins.revokeOtherFamilies(m, actor.id, actor.sessionId);
      await this.audit.record(actor, { action: 'password_change', entity: 'user', entityId: actor.id, fields: ['password'], meta: { sessionsEnded } }, m);
      return { sessionsEnded };
    });
    this.callers.forget(actor.id);
    return changed;
  }

  /** The caller's logins still usable: not revoked, with a refresh token not yet expired. */
  async sessions(actor: Actor): Promise<{ items: SessionDto[]; total: number }> {
    const rows = await this.logins.sessionsOf(actor.id);
    const items = rows.map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      lastRefreshedAt: r.last_refreshed_at,
      expiresAt: r.expires_at,
      current: r.id === actor.sessionId,
    }));
    return { items, total: items.length };
  }

  /** Ends one of the caller's logins at once (its access tokens stop working too); another user's answers 404. */
  async endSession(actor: Actor, sessionId: string): Promise<void> {
    if (!isUuid(sessionId)) throw notFound('session');
    await this.db.transaction(async (m) => {
      if (!(await this.logins.revokeFamilyOfUser(m, actor.id, sessionId))) throw notFound('session');
      await this.audit.record(actor, { action: 'end_session', entity: 'user', entityId: actor.id, meta: { session: sessionId } }, m);
    });
    this.callers.forget(actor.id);
  }
}

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
import { User } from '../users/user.entity.js';
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
    private readonly passwords: Passwords,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly callers: Callers,
  ) {}

  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<PasswordChangedDto> {
    const user = await this.db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: actor.id }).getOneOrFail();
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
      await m.update(User, { id: actor.id }, { passwordHash: hash });
      // A changed password ends every other login: whoever knew the old one is signed out.
      const ended: { family_id: string }[] = await m.query(
        `WITH touched AS (
           UPDATE refresh_tokens SET revoked_at = now()
            WHERE user_id = $1 AND family_id <> $2 AND revoked_at IS NULL
           RETURNING family_id)
         SELECT DISTINCT family_id FROM touched`,
        [actor.id, actor.sessionId],
      );
      await this.audit.record(actor, { action: 'password_change', entity: 'user', entityId: actor.id, fields: ['password'], meta: { sessionsEnded: ended.length } }, m);
      return { sessionsEnded: ended.length };
    });
    this.callers.forget(actor.id);
    return changed;
  }

  /** The caller's logins still usable: not revoked, with a refresh token not yet expired. */
  async sessions(actor: Actor): Promise<{ items: SessionDto[]; total: number }> {
    const rows: { id: string; started_at: Date; last_refreshed_at: Date; expires_at: Date }[] = await this.db.query(
      `SELECT family_id AS id, min(created_at) AS started_at, max(created_at) AS last_refreshed_at, max(expires_at) AS expires_at
         FROM refresh_tokens
        WHERE user_id = $1
        GROUP BY family_id
       HAVING bool_and(revoked_at IS NULL) AND max(expires_at) > now()
        ORDER BY max(created_at) DESC, family_id`,
      [actor.id],
    );
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
      const rows: unknown[] = await m.query(
        `WITH touched AS (
           UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL RETURNING id)
         SELECT id FROM touched`,
        [actor.id, sessionId],
      );
      if (!rows.length) throw notFound('session');
      await this.audit.record(actor, { action: 'end_session', entity: 'user', entityId: actor.id, meta: { session: sessionId } }, m);
    });
    this.callers.forget(actor.id);
  }
}

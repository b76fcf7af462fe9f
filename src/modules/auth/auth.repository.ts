import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

/** A login (refresh-token family) still usable: not revoked, with a refresh token not yet expired. */
export interface SessionRow {
  id: string;
  started_at: Date;
  last_refreshed_at: Date;
  expires_at: Date;
}

/**
 * Whether the login (refresh-token family) whose id is `familyIdSql` was revoked, as a predicate,
 * for a statement of another module that needs it in the same round trip: the caller check
 * (src/modules/users/callers.ts) reads a user and the state of its login at once.
 */
export const loginRevokedSql = (familyIdSql: string) =>
  `EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = ${familyIdSql} AND revoked_at IS NOT NULL)`;

/**
 * Every statement on `refresh_tokens` (logins). The failed-login counters (`login_failures`,
 * `login_known_addresses`) are written by `LoginThrottle` of this module.
 */
@Injectable()
export class AuthRepository {
  constructor(private readonly db: DataSource) {}

  /** The token, locked for the rest of the transaction. */
  lockToken(m: EntityManager, id: string): Promise<RefreshToken | null> {
    return m.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(m: EntityManager, id: string): Promise<void> {
    await m.update(RefreshToken, { id }, { usedAt: new Date() });
  }

  async insertToken(m: EntityManager, token: Pick<RefreshToken, 'id' | 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await m.insert(RefreshToken, token);
  }

  /** Ends one login (every token of its family). */
  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /** Ends every login of a user. */
  async revokeAllOfUser(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** Ends every login of a user but `keepFamilyId`; the number of logins ended. */
  async revokeOtherFamilies(m: EntityManager, userId: string, keepFamilyId: string): Promise<number> {
    const ended: { family_id: string }[] = await m.query(
      `WITH touched AS (
         UPDATE refresh_tokens SET revoked_at = now()
          WHERE user_id = $1 AND family_id <> $2 AND revoked_at IS NULL
         RETURNING family_id)
       SELECT DISTINCT family_id FROM touched`,
      [userId, keepFamilyId],
    );
    return ended.length;
  }

  /** Ends one login of this user; false when the user has no such open login. */
  async revokeFamilyOfUser(m: EntityManager, userId: string, familyId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `WITH touched AS (
         UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM touched`,
      [userId, familyId],
    );
    return rows.length > 0;
  }

  /** A user's logins still usable, newest first. */
  sessionsOf(userId: string): Promise<SessionRow[]> {
    return this.db.query(
      `SELECT family_id AS id, min(created_at) AS started_at, max(created_at) AS last_refreshed_at, max(expires_at) AS expires_at
         FROM refresh_tokens
        WHERE user_id = $1
        GROUP BY family_id
       HAVING bool_and(revoked_at IS NULL) AND max(expires_at) > now()
        ORDER BY max(created_at) DESC, family_id`,
      [userId],
    );
  }
}

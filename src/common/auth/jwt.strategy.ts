import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { Role } from '../access/roles.js';
import { isUuid } from '../access/scope.js';
import { Clock } from '../time/clock.js';
import { addMonths } from '../time/dates.js';
import type { Actor } from './actor.js';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  typ: 'access';
  /** Set by the signer from ACCESS_TOKEN_TTL_SECONDS. */
  exp?: number;
}

interface CallerRow {
  id: string;
  role: Role;
  admin_unit_id: string | null;
  facility_id: string | null;
  path: string | null;
}

/**
 * Verifies the bearer token (HS256 only) and loads the caller on every request, so a user who is
 * deactivated, or a login that was revoked, is refused at once even with an unexpired token.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not a string: given a string or buffer, jsonwebtoken first tries it as a PEM
      // public key on every request, which costs more than the rest of the check. It accepts key
      // objects; passport-jwt's types predate that.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(req: { ip?: string; id?: string }, payload: AccessTokenPayload): Promise<Actor | false> {
    if (payload?.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return false;
    // Every token issued here expires; one without `exp` was not made by AuthService.
    if (typeof payload.exp !== 'number') return false;
    // Ids that are not UUIDs would make PostgreSQL fail the query: such a token is simply invalid.
    if (!isUuid(payload.sub) || !isUuid(payload.sid)) return false;
    const rows: CallerRow[] = await this.db.query(
      `SELECT u.id, u.role, u.admin_unit_id, u.facility_id, a.path
         FROM users u LEFT JOIN admin_units a ON a.id = u.admin_unit_id
        WHERE u.id = $1 AND u.active
          AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.revoked_at IS NOT NULL)`,
      [payload.sub, payload.sid],
    );
    const row = rows[0];
    if (!row) return false;
    return {
      id: row.id,
      role: row.role,
      adminUnitId: row.admin_unit_id,
      // A user without a unit is an administrator, whose scope is not path-based.
      unitPath: row.path ?? '',
      facilityId: row.facility_id,
      scopeEndedSince: row.facility_id ? addMonths(this.clock.today(), -this.config.staffScopeMonths) : undefined,
      sessionId: payload.sid,
      ip: req.ip ?? null,
      requestId: req.id ?? null,
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { isUuid } from '../access/scope.js';
import type { Actor } from './actor.js';
import { CALLER_STATE, type CallerState } from './caller-state.js';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  typ: 'access';
  /** Set by the signer from ACCESS_TOKEN_TTL_SECONDS. */
  exp?: number;
}

/**
 * Verifies the bearer token (HS256 only) and checks the caller on every request (CALLER_STATE), so a
 * user who is deactivated, or a login that was revoked, is refused at once even with an unexpired token.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CALLER_STATE) private readonly callers: CallerState,
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
    const actor = await this.callers.active(payload.sub, payload.sid, { ip: req.ip, requestId: req.id });
    return actor ?? false;
  }
}

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
  nbf?: number;
}

/** Above this many verified tokens the memo starts over (a bound, not an expected size). */
const MAX_VERIFIED_TOKENS = 10_000;

/** The bearer token of a request, read as passport-jwt reads it (the `Bearer` scheme, any case). */
export const bearerToken: (req: { headers: Record<string, unknown> }) => string | null = ExtractJwt.fromAuthHeaderAsBearerToken() as never;

/** Whether verified claims are in force now, by jsonwebtoken's rules (`exp` excluded, `nbf` included, seconds). */
function inForce(payload: AccessTokenPayload, nowSeconds: number): boolean {
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > nowSeconds)) return false;
  return typeof payload.exp === 'number' && nowSeconds < payload.exp;
}

/**
 * The access tokens JwtStrategy (passport-jwt) has verified in this process, with their claims,
 * keyed by the exact token: a client sends the same token for its whole life, and its signature, once
 * checked, does not change. Expiry and not-before are checked again on every use, from the kept
 * claims as jsonwebtoken checks them. Only tokens that passed verification are kept; the caller
 * (active user, live login) is still checked on every request.
 */
@Injectable()
export class VerifiedTokens {
  private readonly verified = new Map<string, AccessTokenPayload>();

  /** The claims of a token verified before and still in force; null otherwise (verify it then). */
  claimsOf(token: string | null): AccessTokenPayload | null {
    if (!token) return null;
    const known = this.verified.get(token);
    if (!known) return null;
    if (inForce(known, Math.floor(Date.now() / 1000))) return known;
    this.verified.delete(token);
    return null;
  }

  remember(token: string, payload: AccessTokenPayload): void {
    if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.clear();
    this.verified.set(token, payload);
  }
}

/**
 * Verifies a bearer token not seen before (passport-jwt: HS256 only, signature, expiry) and checks the
 * caller (CALLER_STATE), so a user who is deactivated, or a login that was revoked, is refused even
 * with an unexpired token. A token it verifies is remembered in VerifiedTokens, and JwtAuthGuard
 * serves that token's later requests from there, checking only the caller.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CALLER_STATE) private readonly callers: CallerState,
    private readonly tokens: VerifiedTokens,
  ) {
    super({
      jwtFromRequest: bearerToken,
      // A key object, not a string: given a string or buffer, jsonwebtoken first tries it as a PEM
      // public key on every call, which costs more than the rest of the check. It accepts key
      // objects; passport-jwt's types predate that.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(req: { headers: Record<string, unknown>; ip?: string; id?: string }, payload: unknown): Promise<Actor | false> {
    if (!isAccessPayload(payload)) return false;
    const token = bearerToken(req);
    if (token) this.tokens.remember(token, payload);
    const actor = await this.callers.active(payload.sub, payload.sid, { ip: req.ip, requestId: req.id });
    return actor ?? false;
  }
}

/** What every access token issued here carries: its type, the user and login ids (UUIDs), an expiry. */
export function isAccessPayload(payload: unknown): payload is AccessTokenPayload {
  const p = payload as Partial<AccessTokenPayload> | null;
  if (p === null || typeof p !== 'object' || p.typ !== 'access' || typeof p.sub !== 'string' || typeof p.sid !== 'string') return false;
  // Every token issued here expires; one without `exp` was not made by AuthService.
  if (typeof p.exp !== 'number') return false;
  // Ids that are not UUIDs would make PostgreSQL fail the query: such a token is simply invalid.
  return isUuid(p.sub) && isUuid(p.sid);
}

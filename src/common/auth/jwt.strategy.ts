import { createSecretKey, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { isUuid } from '../access/scope.js';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  typ: 'access';
  /** Set by the signer from ACCESS_TOKEN_TTL_SECONDS. */
  exp?: number;
  nbf?: number;
}

/** Above this many verified tokens the cache starts over (a bound, not an expected size). */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * The token of an `Authorization` header, as passport-jwt's `fromAuthHeaderAsBearerToken` read it:
 * the scheme `Bearer` (any case), blanks, then the token.
 */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const m = /(\S+)\s+(\S+)/.exec(header);
  return m && m[1].toLowerCase() === 'bearer' ? m[2] : null;
}

/** Whether a verified payload is in force now, by jsonwebtoken's rules (`exp` excluded, `nbf` included, seconds). */
function inForce(payload: AccessTokenPayload, nowSeconds: number): boolean {
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > nowSeconds)) return false;
  return typeof payload.exp === 'number' && nowSeconds < payload.exp;
}

/**
 * Verifies access tokens (HS256 only, with jsonwebtoken through @nestjs/jwt) and keeps the claims of
 * those verified, per process, keyed by the exact token: a client sends the same token for its whole
 * life, and its signature, once checked, does not change. Expiry and not-before are checked on every
 * use, from the kept claims as jsonwebtoken checks them. Only valid tokens are kept.
 */
export class AccessTokens {
  private readonly jwt = new JwtService();
  private readonly key: KeyObject;
  private readonly verified = new Map<string, AccessTokenPayload>();

  constructor(secret: string) {
    // A key object, not a string: given a string or buffer, jsonwebtoken first tries it as a PEM
    // public key on every call, which costs more than the rest of the check.
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** The claims of a valid, unexpired access token of this service; null for anything else. */
  verify(token: string | null): AccessTokenPayload | null {
    if (!token) return null;
    const now = Math.floor(Date.now() / 1000);
    const known = this.verified.get(token);
    if (known) {
      if (inForce(known, now)) return known;
      this.verified.delete(token);
      return null;
    }
    let payload: AccessTokenPayload;
    try {
      payload = this.jwt.verify<AccessTokenPayload>(token, { secret: this.key as unknown as string, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (!isAccessPayload(payload) || !inForce(payload, now)) return null;
    if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.clear();
    this.verified.set(token, payload);
    return payload;
  }
}

/** What every access token issued here carries: its type, the user and login ids (UUIDs), an expiry. */
function isAccessPayload(payload: unknown): payload is AccessTokenPayload {
  const p = payload as Partial<AccessTokenPayload> | null;
  if (p === null || typeof p !== 'object' || p.typ !== 'access' || typeof p.sub !== 'string' || typeof p.sid !== 'string') return false;
  // Every token issued here expires; one without `exp` was not made by AuthService.
  if (typeof p.exp !== 'number') return false;
  // Ids that are not UUIDs would make PostgreSQL fail the query: such a token is simply invalid.
  return isUuid(p.sub) && isUuid(p.sid);
}

import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../../config/config.js';
import type { Actor } from './actor.js';
import type { CallerState } from './caller-state.js';
import { bearerToken, JwtStrategy, VerifiedTokens } from './jwt.strategy.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const jwt = new JwtService();
const sign = (payload: object, opts: { secret?: string; algorithm?: 'HS256' | 'HS512'; expiresIn?: number } = {}) =>
  jwt.sign(payload, { secret: opts.secret ?? SECRET, algorithm: opts.algorithm ?? 'HS256', expiresIn: opts.expiresIn ?? 60 });
const access = () => ({ sub: randomUUID(), sid: randomUUID(), typ: 'access' });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Every caller is active: what is under test here is the token, not the caller check. */
const callers = { active: async (userId: string) => ({ id: userId }) as unknown as Actor } as unknown as CallerState;

/** Runs the passport strategy on a request with this Authorization header; the user, or null when refused. */
function authenticate(strategy: JwtStrategy, authorization: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const s = strategy as unknown as {
      success: (user: unknown) => void;
      fail: () => void;
      error: (err: unknown) => void;
      authenticate: (req: unknown, options: object) => void;
    };
    s.success = (user) => resolve(user);
    s.fail = () => resolve(null);
    s.error = reject;
    s.authenticate({ headers: authorization === undefined ? {} : { authorization } }, {});
  });
}

describe('JwtStrategy (passport-jwt) and VerifiedTokens', () => {
  const setup = () => {
    const tokens = new VerifiedTokens();
    return { tokens, strategy: new JwtStrategy({ jwtSecret: SECRET } as AppConfig, callers, tokens) };
  };

  it('accepts an access token of this service and remembers its claims', async () => {
    const { tokens, strategy } = setup();
    const claims = access();
    const token = sign(claims);
    expect(tokens.claimsOf(token)).toBeNull();
    expect(await authenticate(strategy, `Bearer ${token}`)).toEqual({ id: claims.sub });
    expect(tokens.claimsOf(token)).toMatchObject(claims);
  });

  it('refuses other keys, algorithms, types, ids and forms, and remembers none of them', async () => {
    const { tokens, strategy } = setup();
    const good = sign(access());
    const [header, payload, signature] = good.split('.');
    const refused = [
      sign(access(), { secret: 'another-secret-of-at-least-thirty-two-characters' }),
      sign(access(), { algorithm: 'HS512' }),
      `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `${header}.${b64({ ...access(), exp: Math.floor(Date.now() / 1000) + 60, typ: 'refresh' })}.${signature}`,
      `${header}.${payload}.${signature.slice(0, -2)}xx`,
      sign({ ...access(), typ: 'refresh' }),
      sign({ ...access(), sub: 'not-a-uuid' }),
      sign({ ...access(), sid: 42 }),
      jwt.sign(access(), { secret: SECRET, algorithm: 'HS256' }), // no expiry
      sign({ ...access(), nbf: Math.floor(Date.now() / 1000) + 600 }),
      sign(access(), { expiresIn: -1 }),
      'not.a.token',
    ];
    for (const token of refused) {
      expect({ token, user: await authenticate(strategy, `Bearer ${token}`) }).toEqual({ token, user: null });
      expect(tokens.claimsOf(token)).toBeNull();
    }
    for (const header of [undefined, '', `Basic ${good}`, 'Bearer']) expect(await authenticate(strategy, header)).toBeNull();
    expect(await authenticate(strategy, `Bearer ${good}`)).not.toBeNull();
  });

  it('stops serving a remembered token once it expires', async () => {
    const { tokens, strategy } = setup();
    const now = Date.now();
    const token = sign(access(), { expiresIn: 5 });
    expect(await authenticate(strategy, `Bearer ${token}`)).not.toBeNull();
    expect(tokens.claimsOf(token)).not.toBeNull();
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 10_000);
    try {
      expect(tokens.claimsOf(token)).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('bearerToken', () => {
  it("reads the header as passport-jwt does: the Bearer scheme in any case, then the token", () => {
    const of = (authorization: unknown) => bearerToken({ headers: authorization === undefined ? {} : { authorization } });
    expect(of('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(of('bearer abc')).toBe('abc');
    expect(of('Basic abc')).toBeNull();
    expect(of('Bearer')).toBeNull();
    expect(of(undefined)).toBeNull();
  });
});

import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AccessTokens, bearerToken } from './jwt.strategy.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const jwt = new JwtService();
const sign = (payload: object, opts: { secret?: string; algorithm?: 'HS256' | 'HS512'; expiresIn?: number } = {}) =>
  jwt.sign(payload, { secret: opts.secret ?? SECRET, algorithm: opts.algorithm ?? 'HS256', expiresIn: opts.expiresIn ?? 60 });
const access = () => ({ sub: randomUUID(), sid: randomUUID(), typ: 'access' });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('AccessTokens', () => {
  it('accepts an access token of this service, and again from its cache', () => {
    const tokens = new AccessTokens(SECRET);
    const claims = access();
    const token = sign(claims);
    expect(tokens.verify(token)).toMatchObject(claims);
    expect(tokens.verify(token)).toMatchObject(claims);
  });

  it('refuses other keys, algorithms, types, ids and forms', () => {
    const tokens = new AccessTokens(SECRET);
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
      'not.a.token',
      '',
      null,
    ];
    for (const token of refused) expect({ token, claims: tokens.verify(token) }).toEqual({ token, claims: null });
    // A refusal is not kept: the good token still passes, a bad one still fails.
    expect(tokens.verify(good)).not.toBeNull();
    expect(tokens.verify(refused[0])).toBeNull();
  });

  it('refuses an expired token, also one it verified before', () => {
    const tokens = new AccessTokens(SECRET);
    const now = Date.now();
    const token = sign(access(), { expiresIn: 5 });
    expect(tokens.verify(token)).not.toBeNull();
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 10_000);
    try {
      expect(tokens.verify(token)).toBeNull();
    } finally {
      spy.mockRestore();
    }
    expect(tokens.verify(sign(access(), { expiresIn: -1 }))).toBeNull();
  });
});

describe('bearerToken', () => {
  it('reads the header as passport-jwt did: the Bearer scheme in any case, blanks, the token', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken('BEARER abc extra')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken(['Bearer abc'])).toBeNull();
  });
});

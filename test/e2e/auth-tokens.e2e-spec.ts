import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { claimsOf, expectError, login, signAccess, unsignedToken } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('tokens', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await world(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (token: string) => t.as(token).get('/api/v1/auth/me');
  const refresh = (refreshToken: string) => t.http.post('/api/v1/auth/refresh', { refreshToken });

  it('login answers an access token of 15 minutes, a refresh token and the user', async () => {
    const u = await user(t, 'commune_worker', w.c1);
    const res = await login(t, u.username, u.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/),
      user: expect.objectContaining({ id: u.id, username: u.username, role: 'commune_worker', adminUnitId: w.c1.id }),
    });
    const claims = claimsOf(res.body.accessToken);
    expect(claims).toMatchObject({ sub: u.id, typ: 'access', sid: expect.any(String) });
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    // Only a hash of the refresh secret is kept.
    const secret = res.body.refreshToken.split('.')[1];
    const stored: { hex: string }[] = await t.db.query(`SELECT encode(token_hash, 'hex') AS hex FROM refresh_tokens WHERE id = $1`, [
      res.body.refreshToken.split('.')[0],
    ]);
    expect(stored[0].hex).toHaveLength(64);
    expect(stored[0].hex).not.toContain(Buffer.from(secret).toString('hex'));
  });

  it('a refresh token works once: rotation gives a new pair in the same login', async () => {
    const u = await user(t, 'province_officer', w.p);
    const first = await refresh(u.refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(u.refreshToken);
    expect(claimsOf(first.body.accessToken).sid).toBe(claimsOf(u.token).sid);
    expect((await me(first.body.accessToken)).status).toBe(200);
    // The rotated token may itself be used once.
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
    expect((await me(second.body.accessToken)).status).toBe(200);
  });

  it('reusing a used refresh token answers 401 and revokes the whole login', async () => {
    const u = await user(t, 'commune_worker', w.c1);
    const other = await login(t, u.username, u.password); // another login of the same user
    const rotated = await refresh(u.refreshToken);
    expect(rotated.status).toBe(200);

    const reuse = await refresh(u.refreshToken);
    expectError(reuse, 401, 'Unauthorized');

    // The newer refresh token of that login fails too, and so do the access tokens of that login.
    expectError(await refresh(rotated.body.refreshToken), 401, 'Unauthorized');
    expectError(await me(rotated.body.accessToken), 401, 'Unauthorized');
    expectError(await me(u.token), 401, 'Unauthorized');
    // The other login is untouched.
    expect((await me(other.body.accessToken)).status).toBe(200);
    expect((await refresh(other.body.refreshToken)).status).toBe(200);

    const rows: { action: string; entity_id: string }[] = await t.db.query(
      `SELECT action, entity_id FROM audit_logs WHERE action = 'refresh_reused' AND entity_id = $1`,
      [u.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('two refreshes racing with the same token: exactly one wins', async () => {
    const u = await user(t, 'commune_worker', w.c1);
    const [a, b] = await Promise.all([refresh(u.refreshToken), refresh(u.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
  });

  it('logout revokes the login: its access and refresh tokens are refused', async () => {
    const u = await user(t, 'clinic_staff', w.c1, w.clinicP);
    const other = await login(t, u.username, u.password);
    expect((await t.as(u.token).post('/api/v1/auth/logout')).status).toBe(204);
    expectError(await me(u.token), 401, 'Unauthorized');
    expectError(await refresh(u.refreshToken), 401, 'Unauthorized');
    expect((await me(other.body.accessToken)).status).toBe(200);
  });

  it('refuses malformed, forged and unknown refresh tokens with 401', async () => {
    const u = await user(t, 'commune_worker', w.c1);
    const [id, secret] = u.refreshToken.split('.');
    const bad = [
      // The last character changed (to one it is not already).
      `${id}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`,
      `${randomUUID()}.${secret}`,
      'not-a-token',
      `${'-'.repeat(36)}.${secret}`,
      `${id}.${secret}.extra`,
    ];
    for (const token of bad) expectError(await refresh(token), 401, 'Unauthorized');
    expect((await refresh(u.refreshToken)).status).toBe(200);
  });

  describe('access tokens the strategy refuses', () => {
    let u: TestUser;
    let sid: string;
    beforeAll(async () => {
      u = await user(t, 'commune_worker', w.c1);
      sid = claimsOf(u.token).sid as string;
    });

    it('accepts a well-formed token signed here (control)', async () => {
      expect((await me(signAccess(t, { sub: u.id, sid, typ: 'access' }))).status).toBe(200);
    });

    const cases: [string, () => string][] = [
      ['expired', () => signAccess(t, { sub: u.id, sid, typ: 'access' }, { expiresInSeconds: -5 })],
      ['signed with another secret', () => signAccess(t, { sub: u.id, sid, typ: 'access' }, { secret: 'another-secret-another-secret-0123456789' })],
      ['alg none', () => unsignedToken({ sub: u.id, sid, typ: 'access' })],
      ['typ refresh', () => signAccess(t, { sub: u.id, sid, typ: 'refresh' })],
      ['no typ', () => signAccess(t, { sub: u.id, sid })],
      ['a user that does not exist', () => signAccess(t, { sub: randomUUID(), sid, typ: 'access' })],
      ['a sub that is not a uuid', () => signAccess(t, { sub: 'admin', sid, typ: 'access' })],
      ['a sid that is not a uuid', () => signAccess(t, { sub: u.id, sid: 'x', typ: 'access' })],
      ['without exp', () => new JwtService({}).sign({ sub: u.id, sid, typ: 'access' }, { secret: t.config.jwtSecret, algorithm: 'HS256' })],
      ['garbage', () => 'abc.def.ghi'],
    ];
    it.each(cases)('refuses a token %s with 401', async (_name, token) => {
      const res = await me(token());
      expectError(res, 401, 'Unauthorized');
      expect(res.body.message).toBe('missing, invalid or expired access token');
    });
  });

  it('when the caller cannot be loaded (a database fault) the answer is a bare 500, not a 401 and not the SQL', async () => {
    const u = await user(t, 'commune_worker', w.c1);
    // This test's database is a private clone: hide a table the strategy reads, then put it back.
    await t.db.query(`ALTER TABLE refresh_tokens RENAME TO refresh_tokens_hidden`);
    let res;
    try {
      res = await me(u.token);
    } finally {
      await t.db.query(`ALTER TABLE refresh_tokens_hidden RENAME TO refresh_tokens`);
    }
    expect({ status: res.status, body: res.body }).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: 'internal error' },
    });
    expect((await me(u.token)).status).toBe(200);
  });

  it('an access token expires after ACCESS_TOKEN_TTL_SECONDS', async () => {
    const short = await startTestApp({ accessTokenTtlSeconds: 1 });
    try {
      const a = await admin(short);
      expect((await short.as(a.token).get('/api/v1/auth/me')).status).toBe(200);
      await sleep(2_100);
      const res = await short.as(a.token).get('/api/v1/auth/me');
      expectError(res, 401, 'Unauthorized');
      // The refresh token still gives a new pair.
      const renewed = await short.http.post('/api/v1/auth/refresh', { refreshToken: a.refreshToken });
      expect(renewed.status).toBe(200);
    } finally {
      await short.close();
    }
  });
});

import type { Role } from '../../src/modules/users/user.entity.js';
import { ROLES } from '../../src/modules/users/user.entity.js';
import { user, type TestUser } from '../support/factories.js';
import { cast, expectError, uniqueCode, type Cast } from '../support/identity-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

/**
 * Every role against every route of the identity modules. Units and facilities are reference
 * geography that every signed-in role reads (a worker picks a commune, a clinic, a facility), so
 * they answer the same for a unit in the caller's province and one in another province; only
 * their creation is the admin's. Users and the audit log are the admin's alone.
 */
type Call = (t: TestApp, c: Cast, as: TestUser) => Promise<Reply>;

interface Row {
  route: string;
  call: Call;
  allowed: readonly Role[];
  /** Status for an allowed caller. */
  ok: number;
}

const ALL = ROLES;
const ADMIN = ['admin'] as const;

const ROUTES: Row[] = [
  {
    route: 'POST /admin-units (province)',
    allowed: ADMIN,
    ok: 201,
    call: (t, _c, u) => t.as(u.token).post('/api/v1/admin-units', { code: uniqueCode('P'), name: 'Tỉnh Mới', level: 'province' }),
  },
  {
    route: 'POST /admin-units (commune in own province)',
    allowed: ADMIN,
    ok: 201,
    call: (t, c, u) =>
      t.as(u.token).post('/api/v1/admin-units', { code: uniqueCode('C'), name: 'Xã Mới', level: 'commune', parentId: c.w.p.id }),
  },
  {
    route: 'PATCH /admin-units/:id',
    allowed: ADMIN,
    ok: 200,
    call: (t, c, u) => t.as(u.token).patch(`/api/v1/admin-units/${c.w.c3.id}`, { population: 5000 }),
  },
  { route: 'GET /admin-units', allowed: ALL, ok: 200, call: (t, _c, u) => t.as(u.token).get('/api/v1/admin-units') },
  { route: 'GET /admin-units/:id (own commune)', allowed: ALL, ok: 200, call: (t, c, u) => t.as(u.token).get(`/api/v1/admin-units/${c.w.c1.id}`) },
  { route: 'GET /admin-units/:id (other province)', allowed: ALL, ok: 200, call: (t, c, u) => t.as(u.token).get(`/api/v1/admin-units/${c.w.qc.id}`) },
  {
    route: 'POST /facilities',
    allowed: ADMIN,
    ok: 201,
    call: (t, c, u) =>
      t.as(u.token).post('/api/v1/facilities', { code: uniqueCode('F'), name: 'Trạm y tế', type: 'health_station', adminUnitId: c.w.c2.id }),
  },
  {
    route: 'PATCH /facilities/:id',
    allowed: ADMIN,
    ok: 200,
    call: (t, c, u) => t.as(u.token).patch(`/api/v1/facilities/${c.w.clinicQ}`, { name: 'Cơ sở điều trị Methadone Q' }),
  },
  { route: 'GET /facilities', allowed: ALL, ok: 200, call: (t, _c, u) => t.as(u.token).get('/api/v1/facilities') },
  { route: 'GET /facilities/:id (own)', allowed: ALL, ok: 200, call: (t, c, u) => t.as(u.token).get(`/api/v1/facilities/${c.w.clinicP}`) },
  { route: 'GET /facilities/:id (other province)', allowed: ALL, ok: 200, call: (t, c, u) => t.as(u.token).get(`/api/v1/facilities/${c.w.clinicQ}`) },
  {
    route: 'POST /users',
    allowed: ADMIN,
    ok: 201,
    call: (t, c, u) =>
      t.as(u.token).post('/api/v1/users', {
        username: uniqueCode('u.'),
        password: 'long-enough-password',
        role: 'commune_worker',
        adminUnitId: c.w.c2.id,
      }),
  },
  { route: 'GET /users', allowed: ADMIN, ok: 200, call: (t, _c, u) => t.as(u.token).get('/api/v1/users') },
  { route: 'GET /users/:id (self)', allowed: ADMIN, ok: 200, call: (t, _c, u) => t.as(u.token).get(`/api/v1/users/${u.id}`) },
  {
    route: 'GET /users/:id (a commune worker)',
    allowed: ADMIN,
    ok: 200,
    call: (t, c, u) => t.as(u.token).get(`/api/v1/users/${c.users.commune_worker.id}`),
  },
  {
    route: 'PATCH /users/:id (a commune worker)',
    allowed: ADMIN,
    ok: 200,
    call: (t, c, u) => t.as(u.token).patch(`/api/v1/users/${c.users.commune_worker.id}`, { fullName: 'Cán bộ xã' }),
  },
  { route: 'GET /audit-logs', allowed: ADMIN, ok: 200, call: (t, _c, u) => t.as(u.token).get('/api/v1/audit-logs') },
  { route: 'GET /auth/me', allowed: ALL, ok: 200, call: (t, _c, u) => t.as(u.token).get('/api/v1/auth/me') },
  { route: 'GET /auth/sessions', allowed: ALL, ok: 200, call: (t, _c, u) => t.as(u.token).get('/api/v1/auth/sessions') },
];

describe('authorization matrix of the identity routes', () => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const cases = ROUTES.flatMap((row) => ROLES.map((role) => [row.route, role, row] as const));

  it.each(cases)('%s as %s', async (_route, role, row) => {
    const res = await row.call(t, c, c.users[role]);
    if (row.allowed.includes(role)) {
      expect({ status: res.status, body: res.body }).toEqual({ status: row.ok, body: expect.anything() });
    } else {
      expectError(res, 403, 'Forbidden');
      expect(res.body.message).toBe(`role ${role} may not use this route`);
    }
  });

  it.each(ROUTES.map((row) => [row.route, row] as const))('%s without a token answers 401', async (_route, row) => {
    const anonymous = { ...c.users.admin, token: '' };
    const res = await row.call(t, c, anonymous);
    expectError(res, 401, 'Unauthorized');
  });

  it('GET /auth/me answers the caller itself for every role', async () => {
    for (const role of ROLES) {
      const res = await t.as(c.users[role].token).get('/api/v1/auth/me');
      expect(res.status).toBe(200);
      expect({ id: res.body.id, role: res.body.role, username: res.body.username }).toEqual({
        id: c.users[role].id,
        role,
        username: c.users[role].username,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password/i);
    }
  });

  it.each(ROLES.map((r) => [r]))('POST /auth/logout as %s answers 204, then the token is refused', async (role) => {
    // A fresh login of its own, so the other rows keep their tokens.
    const unitOf = role === 'admin' ? null : c.w.c1;
    const facility = role === 'clinic_staff' ? c.w.clinicP : role === 'facility_staff' ? c.w.rehabP : undefined;
    const u = await user(t, role, unitOf, facility);
    const out = await t.as(u.token).post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expectError(await t.as(u.token).get('/api/v1/auth/me'), 401, 'Unauthorized');
  });

  it.each(ROLES.map((r) => [r]))('POST /auth/password and DELETE /auth/sessions/:id as %s: self-service for every role', async (role) => {
    // A fresh user of its own, so the other rows keep their passwords and logins.
    const unitOf = role === 'admin' ? null : c.w.c1;
    const facility = role === 'clinic_staff' ? c.w.clinicP : role === 'facility_staff' ? c.w.rehabP : undefined;
    const u = await user(t, role, unitOf, facility);
    const second = await t.http.post('/api/v1/auth/login', { username: u.username, password: u.password });
    const sessions = await t.as(u.token).get('/api/v1/auth/sessions');
    const other = sessions.body.items.find((s: { current: boolean }) => !s.current).id as string;
    expect((await t.as(u.token).delete(`/api/v1/auth/sessions/${other}`)).status).toBe(204);
    expectError(await t.as(second.body.accessToken).get('/api/v1/auth/me'), 401, 'Unauthorized');
    const changed = await t.as(u.token).post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'Quoc-lo-22-hoa-sen!' });
    expect({ status: changed.status, body: changed.body }).toEqual({ status: 200, body: { sessionsEnded: 0 } });
  });

  it('POST /auth/password and DELETE /auth/sessions/:id without a token answer 401', async () => {
    expectError(await t.http.post('/api/v1/auth/password', { currentPassword: 'x', newPassword: 'Quoc-lo-22-hoa-sen!' }), 401, 'Unauthorized');
    expectError(await t.http.delete(`/api/v1/auth/sessions/${c.users.admin.id}`), 401, 'Unauthorized');
  });

  it('POST /auth/logout without a token answers 401', async () => {
    expectError(await t.http.post('/api/v1/auth/logout'), 401, 'Unauthorized');
  });

  it('login and health need no token', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
    const res = await t.http.post('/api/v1/auth/login', { username: c.users.commune_worker.username, password: c.users.commune_worker.password });
    expect(res.status).toBe(200);
  });
});

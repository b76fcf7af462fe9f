import { ROLES } from '../../src/modules/users/user.entity.js';
import { user, world, type World } from '../support/factories.js';
import { login } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Any user changes their own password and sees and ends their own logins. */
describe('self-service: password and sessions', () => {
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

  it.each(ROLES.filter((r) => r !== 'admin'))('a %s changes their password; other logins end, this one stays', async (role) => {
    const facility = role === 'clinic_staff' ? w.clinicP : role === 'facility_staff' ? w.rehabP : undefined;
    const u = await user(t, role, w.c1, facility);
    const other = await login(t, u.username, u.password);
    expect(other.status).toBe(200);

    const res = await t.as(u.token).post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'Kiwi-tram-7-lantern' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessionsEnded: 1 });

    expect((await me(u.token)).status).toBe(200);
    expect((await me(other.body.accessToken)).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(401);
    expect((await login(t, u.username, u.password)).status).toBe(401);
    expect((await login(t, u.username, 'Kiwi-tram-7-lantern')).status).toBe(200);

    const audit: { action: string; fields: string[] }[] = await t.db.query(
      `SELECT action, fields FROM audit_logs WHERE entity = 'user' AND entity_id = $1 AND action = 'password_change'`,
      [u.id],
    );
    expect(audit).toEqual([{ action: 'password_change', fields: ['password'] }]);
    const leaked: unknown[] = await t.db.query(`SELECT 1 FROM audit_logs WHERE meta::text LIKE '%Kiwi-tram%'`);
    expect(leaked).toEqual([]);
  });

  it('refuses a wrong current password, a short or unchanged new one, naming the field, and changes nothing', async () => {
    const u = await user(t, 'commune_worker', w.c1);
    const wrong = await t.as(u.token).post('/api/v1/auth/password', { currentPassword: 'not-my-password', newPassword: 'Kiwi-tram-7-lantern' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toEqual(['currentPassword: is not the current password']);
    const short = await t.as(u.token).post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body.message)).toContain('newPassword');
    const same = await t.as(u.token).post('/api/v1/auth/password', { currentPassword: u.password, newPassword: u.password });
    expect(same.status).toBe(400);
    expect(same.body.message).toEqual(['newPassword: must differ from the current password']);
    const guessable = await t.as(u.token).post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'password123' });
    expect(guessable.status).toBe(400);
    expect(JSON.stringify(guessable.body.message)).toContain('newPassword');
    const missing = await t.as(u.token).post('/api/v1/auth/password', {});
    expect(missing.status).toBe(400);
    expect((await login(t, u.username, u.password)).status).toBe(200);
    expect((await t.http.post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'Mango-dusk-41-ferry' })).status).toBe(401);
  });

  it('wrong current passwords count as failed logins: past the limit the change answers 429', async () => {
    const u = await user(t, 'commune_worker', w.c1);
    const statuses: number[] = [];
    for (let i = 0; i < t.config.loginMaxFailures + 1; i++) {
      statuses.push((await t.as(u.token).post('/api/v1/auth/password', { currentPassword: `guess-${i}-wrong`, newPassword: 'Kiwi-tram-7-lantern' })).status);
    }
    expect(statuses.slice(0, t.config.loginMaxFailures).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('lists my own logins only, marks the current one, and ends another at once', async () => {
    const u = await user(t, 'clinic_staff', w.c1, w.clinicP);
    const stranger = await user(t, 'commune_worker', w.c1);
    const second = await login(t, u.username, u.password);
    const list = await t.as(u.token).get('/api/v1/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    for (const s of list.body.items) expect(Object.keys(s).sort()).toEqual(['current', 'expiresAt', 'id', 'lastRefreshedAt', 'startedAt']);
    const otherSession = list.body.items.find((s: { current: boolean }) => !s.current).id as string;

    // Another user's login is not found, and stays usable.
    const strangerSessions = await t.as(stranger.token).get('/api/v1/auth/sessions');
    expect(strangerSessions.body.items.map((s: { id: string }) => s.id)).not.toContain(otherSession);
    expect((await t.as(stranger.token).delete(`/api/v1/auth/sessions/${otherSession}`)).status).toBe(404);
    expect((await me(second.body.accessToken)).status).toBe(200);

    expect((await t.as(u.token).delete(`/api/v1/auth/sessions/${otherSession}`)).status).toBe(204);
    expect((await me(second.body.accessToken)).status).toBe(401);
    expect((await t.as(u.token).delete(`/api/v1/auth/sessions/${otherSession}`)).status).toBe(404);
    expect((await t.as(u.token).delete(`/api/v1/auth/sessions/not-a-uuid`)).status).toBe(400);
    const after = await t.as(u.token).get('/api/v1/auth/sessions');
    expect(after.body.items.map((s: { id: string }) => s.id)).not.toContain(otherSession);
    expect(after.body.total).toBe(1);
  });
});

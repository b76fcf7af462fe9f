import { createServer } from 'node:net';
import { createHttpApp } from '../../src/bootstrap.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { login } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('first administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a fresh database gets exactly one admin from ADMIN_USERNAME / ADMIN_PASSWORD', async () => {
    const rows: { username: string; role: string; admin_unit_id: string | null; active: boolean; password_hash: string }[] =
      await t.db.query(`SELECT username, role, admin_unit_id, active, password_hash FROM users`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: process.env.ADMIN_USERNAME, role: 'admin', admin_unit_id: null, active: true });
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(process.env.ADMIN_PASSWORD);
    const res = await login(t, process.env.ADMIN_USERNAME!, process.env.ADMIN_PASSWORD!);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: process.env.ADMIN_USERNAME, role: 'admin' });
    const audit: { actor_id: string | null; actor_role: string; action: string; entity_id: string }[] = await t.db.query(
      `SELECT actor_id, actor_role, action, entity_id FROM audit_logs WHERE entity = 'user' AND action = 'create'`,
    );
    expect(audit).toEqual([{ actor_id: null, actor_role: 'system', action: 'create', entity_id: res.body.user.id }]);
  });

  it('starting again on the same database, even with another ADMIN_USERNAME, creates no second admin', async () => {
    const again = await createHttpApp({ ...t.config, adminUsername: 'second-admin', adminPassword: 'another-admin-password' }, t.databaseUrl);
    try {
      await again.init();
    } finally {
      await again.close();
    }
    const rows: { username: string }[] = await t.db.query(`SELECT username FROM users`);
    expect(rows).toEqual([{ username: process.env.ADMIN_USERNAME }]);
    expect((await login(t, 'second-admin', 'another-admin-password')).status).toBe(401);
  });

  it('in production, a start without ADMIN_PASSWORD on an empty database fails with a ConfigError naming it', async () => {
    const production = loadConfig({ ...process.env, NODE_ENV: 'production', ADMIN_PASSWORD: '', DATABASE_URL: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(production.adminPassword).toBeUndefined();
    const start = startTestApp(production);
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toMatchObject({ variable: 'ADMIN_PASSWORD', message: expect.stringContaining('ADMIN_PASSWORD') });
  });
});

describe('health with Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ redisUrl: `redis://127.0.0.1:${await closedPort()}` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the app still boots; /health answers 503 naming redis down and the database up', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'service_unavailable', message: 'redis down', status: 'error', checks: { database: 'up', redis: 'down' } });
  });

  it('logins, which need only PostgreSQL, still work', async () => {
    const res = await login(t, process.env.ADMIN_USERNAME!, process.env.ADMIN_PASSWORD!);
    expect(res.status).toBe(200);
    expect((await t.as(res.body.accessToken).get('/api/v1/admin-units')).status).toBe(200);
  });
});

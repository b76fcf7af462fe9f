import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { admin, user, type TestUser } from '../support/factories.js';
import { freePort } from '../support/private-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two API processes on one database: this Jest process (A) and the compiled service in a child
 * process (B). Each caches who its callers are (src/modules/users/callers.ts) and learns from the
 * database's `caller_state` notification that a login was revoked or a user deactivated: the change
 * made through A takes effect in B within one notification, and at once in A. While B's listener
 * is down, B serves nothing from its cache.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');

const until = async (what: string, check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('caller state across two API processes', () => {
  let t: TestApp;
  let b: ChildProcess;
  let bUrl: string;
  let bOut = '';
  let chief: TestUser;

  /** GET /auth/me on B with this token: the status only. */
  const meOnB = async (token: string) => (await fetch(`${bUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
  /** B's listening connection, if up (its backend's pid). */
  const listenerOfB = async (): Promise<number | null> => {
    const rows: { pid: number }[] = await t.db.query(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND query ILIKE 'LISTEN%'`,
      [`caller-state:${b.pid}`],
    );
    return rows[0]?.pid ?? null;
  };
  /** Signs the user in again: a second login (refresh-token family) of the same user. */
  const secondLogin = async (u: TestUser) =>
    (await t.app.get(AuthService).login(u.username, u.password, { id: null, role: null, ip: '127.0.0.1', requestId: null })).accessToken;
  /** A user, known to B's cache: B answered it once its listener was up. */
  const cachedOnB = async (token: string) => {
    await until("B's listener is up", async () => (await listenerOfB()) !== null);
    // The listener's LISTEN answered: the next answers of B are kept.
    await new Promise((r) => setTimeout(r, 200));
    expect(await meOnB(token)).toBe(200);
    expect(await meOnB(token)).toBe(200);
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    expect(existsSync(MAIN)).toBe(true);
    t = await startTestApp();
    chief = await admin(t);
    const port = await freePort();
    bUrl = `http://127.0.0.1:${port}`;
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      QUEUE_PREFIX: t.config.queuePrefix,
      JWT_SECRET: process.env.JWT_SECRET!,
      DATA_KEY: process.env.DATA_KEY!,
      ADMIN_USERNAME: process.env.ADMIN_USERNAME!,
      ADMIN_PASSWORD: process.env.ADMIN_PASSWORD!,
      ARGON2_MEMORY_KIB: process.env.ARGON2_MEMORY_KIB!,
      TZ_NAME: process.env.TZ_NAME!,
      RUN_WORKERS: 'false',
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
    };
    b = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    b.stdout!.on('data', (d: Buffer) => (bOut += d.toString()));
    b.stderr!.on('data', (d: Buffer) => (bOut += d.toString()));
    await until(
      'B answers /health',
      async () => (await fetch(`${bUrl}/health`).then((r) => r.status).catch(() => 0)) === 200,
      90_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${bOut.slice(-2000)}`);
    });
  }, 420_000);

  afterAll(async () => {
    if (b && b.exitCode === null) {
      const exited = new Promise((r) => b.once('exit', r));
      b.kill('SIGTERM');
      await exited;
    }
    await t?.close();
  });

  it('a logout through A ends that login in B within one notification, and in A at once; other logins go on', async () => {
    const u = await user(t, 'admin');
    const other = await secondLogin(u);
    await cachedOnB(u.token);
    expect(await meOnB(other)).toBe(200);
    expect((await t.as(u.token).get('/api/v1/auth/me')).status).toBe(200);

    expect((await t.as(u.token).post('/api/v1/auth/logout')).status).toBe(204);
    expect((await t.as(u.token).get('/api/v1/auth/me')).status).toBe(401);
    await until('B refuses the ended login', async () => (await meOnB(u.token)) === 401);
    expect(await meOnB(other)).toBe(200);
  }, 60_000);

  it('a user deactivated through A is refused by B within one notification, every login of theirs', async () => {
    const u = await user(t, 'admin');
    const other = await secondLogin(u);
    await cachedOnB(u.token);
    expect(await meOnB(other)).toBe(200);

    expect((await t.as(chief.token).patch(`/api/v1/users/${u.id}`, { active: false })).status).toBe(200);
    expect((await t.as(u.token).get('/api/v1/auth/me')).status).toBe(401);
    await until('B refuses the deactivated user', async () => (await meOnB(u.token)) === 401 && (await meOnB(other)) === 401);
  }, 60_000);

  it('B serves a cached caller until told; with its listener down it checks the database, and listens again', async () => {
    const u = await user(t, 'admin');
    await cachedOnB(u.token);
    // Deactivated with the triggers off, so no notification is sent: B keeps its cached answer.
    // This is what the notification is for (and shows the cache is in use).
    await t.db.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE users SET active = false WHERE id = $1`, [u.id]);
    });
    expect(await meOnB(u.token)).toBe(200);

    // B's listening connection is cut: from the moment B knows, nothing comes from its cache.
    const pid = await listenerOfB();
    const warned = bOut.length;
    await t.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await until('B notices its listener is gone', async () => /caller-state listener lost its connection/.test(bOut.slice(warned)));
    expect(await meOnB(u.token)).toBe(401);

    // It connects again and notifications work as before.
    await until('B listens again', async () => ![null, pid].includes(await listenerOfB()));
    await t.db.query(`UPDATE users SET active = true WHERE id = $1`, [u.id]);
    await until('B serves the reactivated user', async () => (await meOnB(u.token)) === 200);
    await cachedOnB(u.token);
    expect((await t.as(chief.token).patch(`/api/v1/users/${u.id}`, { active: false })).status).toBe(200);
    await until('B refuses the user deactivated again', async () => (await meOnB(u.token)) === 401);
  }, 60_000);
});

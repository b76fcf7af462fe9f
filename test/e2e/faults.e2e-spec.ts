/**
 * Faults with real services (issue 9): a PostgreSQL connection killed in the middle of a request,
 * idle connections killed, PostgreSQL stopped and started again, Redis stopped and started again,
 * and a restart with a pending job. The shared PostgreSQL and Redis are never stopped: killing
 * connections touches only this file's test database, and whole servers are private ones.
 * Each block runs one application at a time.
 */
import { jest } from '@jest/globals';
import pg from 'pg';
import { createHttpApp, migrate } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { dropDatabase } from '../support/databases.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { errorShapeProblems, fingerprint } from '../support/hostile.js';
import { privatePostgres, privateRedis, type PrivateServer } from '../support/private-servers.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

jest.setTimeout(90_000);

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A clean failure: 5xx (503 when a dependency is away) in the error shape, nothing internal. */
function expectCleanFailure(res: Reply, status = 503): void {
  expect({ status: res.status, problems: errorShapeProblems(200, res.body).filter((p) => !p.startsWith('statusCode')) }).toEqual({ status, problems: [] });
  expect(res.body.statusCode).toBe(status);
}

const personBody = (unitId: string, name = 'Lê Văn Sự Cố') => ({
  fullName: name,
  dateOfBirth: '1988-08-08',
  sex: 'male',
  residenceUnitId: unitId,
  status: 'addicted',
  substances: ['heroin'],
  registeredOn: '2025-04-01',
});

describe('PostgreSQL connections killed', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;
  let locker: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    w = await world(t);
    worker = await user(t, 'commune_worker', w.c1);
  });
  afterAll(async () => {
    await locker?.end().catch(() => undefined);
    await t?.close();
  });

  /** Backends of this file's database waiting on a lock. */
  const waiting = async () => {
    const rows: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
      [t.databaseName],
    );
    return rows[0].n;
  };

  it('answers a request whose connection is terminated mid-query with a clean 503, writes nothing, and the next requests work', async () => {
    const seeded = await t.as(worker.token).post('/api/v1/persons', personBody(w.c1.id));
    expect(seeded.status).toBe(201);
    const before = await fingerprint(t.db);

    // Hold a lock the requests need, so they are certainly in the middle of their queries.
    locker = new pg.Client({ connectionString: t.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE persons IN ACCESS EXCLUSIVE MODE');
    const inFlight = [
      t.as(worker.token).get('/api/v1/persons'),
      t.as(worker.token).get(`/api/v1/persons/${seeded.body.id}`),
      t.as(worker.token).post('/api/v1/persons', personBody(w.c1.id, 'Không Được Lưu')),
      t.as(worker.token).patch(`/api/v1/persons/${seeded.body.id}`, { version: seeded.body.version, fullName: 'Không Được Sửa' }),
    ];
    await waitFor('requests blocked on the lock', async () => (await waiting()) >= inFlight.length, 10_000);
    const killed: { pg_terminate_backend: boolean }[] = await locker.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [t.databaseName],
    ).then((r) => r.rows);
    expect(killed.length).toBeGreaterThanOrEqual(inFlight.length);
    await locker.query('ROLLBACK');
    await locker.end();

    const replies = await Promise.all(inFlight);
    for (const res of replies) expectCleanFailure(res);

    // The pool replaces the dead connections: every next request works.
    expect((await t.http.get('/health')).status).toBe(200);
    expect(await fingerprint(t.db)).toEqual(before);
    for (let i = 0; i < 5; i++) {
      expect((await t.as(worker.token).get('/api/v1/persons')).status).toBe(200);
    }
    const again = await t.as(worker.token).patch(`/api/v1/persons/${seeded.body.id}`, { version: seeded.body.version, fullName: 'Đã Sửa' });
    expect(again.status).toBe(200);
    expect((await t.as(worker.token).post('/api/v1/persons', personBody(w.c1.id))).status).toBe(201);
  });

  it('survives having every idle connection of its pool terminated', async () => {
    // Warm the pool, then kill all its connections while they sit idle.
    await Promise.all(Array.from({ length: 8 }, () => t.as(worker.token).get('/api/v1/persons')));
    const killer = new pg.Client({ connectionString: t.databaseUrl });
    await killer.connect();
    await killer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [t.databaseName]);
    await killer.end();
    await new Promise((r) => setTimeout(r, 200));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await t.as(worker.token).get('/api/v1/persons')).status);
    expect(statuses).toEqual(Array(10).fill(200));
    expect((await t.http.get('/health')).status).toBe(200);
  });
});

describe('PostgreSQL stopped, then started again (a private server)', () => {
  let server: Awaited<ReturnType<typeof privatePostgres>>;
  let app: Awaited<ReturnType<typeof createHttpApp>>;
  let base: string;
  let token: string;
  const get = (path: string, bearer?: string) =>
    fetch(`${base}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));

  beforeAll(async () => {
    server = await privatePostgres();
    await migrate(server.databaseUrl);
    const config = { ...loadConfig(process.env), databaseUrl: server.databaseUrl, queuePrefix: `cmtest:pgdown:${process.pid}`, runWorkers: false };
    app = await createHttpApp(config, server.databaseUrl);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const pair = await app.get(AuthService).login(config.adminUsername, config.adminPassword!, { id: null, role: null, ip: '127.0.0.1', requestId: null });
    token = pair.accessToken;
  }, 60_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await server?.dispose();
  });

  it('says the database is down on /health, answers 503 in the error shape, and recovers when it is back', async () => {
    expect((await get('/health')).status).toBe(200);
    expect((await get('/api/v1/admin-units', token)).status).toBe(200);

    await server.stop();
    const health = await waitFor('503 from /health', async () => {
      const res = await get('/health');
      return res.status === 503 && res;
    });
    expect(health.body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'service_unavailable', message: 'database down', status: 'error', checks: { database: 'down', redis: 'up' } });
    const started = Date.now();
    const down = await get('/api/v1/admin-units', token);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.status).toBe(503);
    expect(errorShapeProblems(503, down.body).filter((p) => p !== 'status 503')).toEqual([]);

    await server.start();
    await waitFor('200 from /health', async () => (await get('/health')).status === 200, 20_000);
    const back = await waitFor('the API back', async () => {
      const res = await get('/api/v1/admin-units', token);
      return res.status === 200 && res;
    });
    expect(back.body).toMatchObject({ page: 1, pageSize: 20 });
  });
});

describe('Redis stopped, then started again (a private redis-server)', () => {
  let redis: PrivateServer;
  let t: TestApp;
  let w: World;
  let worker: TestUser;
  let root: TestUser;

  beforeAll(async () => {
    redis = await privateRedis();
    t = await startTestApp({ redisUrl: redis.url });
    w = await world(t);
    worker = await user(t, 'commune_worker', w.c1);
    root = await admin(t);
  });
  afterAll(async () => {
    await t?.close();
    await redis?.dispose();
  });

  it('keeps serving reads and writes of files while Redis is down, says so on /health, and recovers', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
    const first = await t.as(worker.token).post('/api/v1/persons', personBody(w.c1.id));
    expect(first.status).toBe(201);

    await redis.stop();
    const health = await waitFor('503 from /health', async () => {
      const res = await t.http.get('/health');
      return res.status === 503 && res;
    });
    expect(health.body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'service_unavailable', message: 'redis down', status: 'error', checks: { database: 'up', redis: 'down' } });

    // Files: each answer quickly, none waits on Redis.
    const timed = async (fn: () => Promise<Reply>) => {
      const at = Date.now();
      const res = await fn();
      expect(Date.now() - at).toBeLessThan(5_000);
      return res;
    };
    const created = await timed(() => t.as(worker.token).post('/api/v1/persons', personBody(w.c1.id, 'Ghi Khi Redis Tắt')));
    expect(created.status).toBe(201);
    const patched = await timed(() => t.as(worker.token).patch(`/api/v1/persons/${created.body.id}`, { version: created.body.version, address: 'Thôn 3' }));
    expect(patched.status).toBe(200);
    expect((await timed(() => t.as(worker.token).get(`/api/v1/persons/${first.body.id}`))).status).toBe(200);
    const list = await timed(() => t.as(worker.token).get('/api/v1/persons?pageSize=100'));
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([first.body.id, created.body.id]));
    const service = await timed(() => t.as(worker.token).post(`/api/v1/persons/${created.body.id}/services`, { type: 'counseling', date: '2025-04-02' }));
    expect(service.status).toBe(201);
    const enrollment = await timed(() =>
      t.as(root.token).post(`/api/v1/persons/${created.body.id}/enrollments`, { type: 'community', startDate: '2025-04-02', plannedEndDate: '2025-10-01' }),
    );
    expect(enrollment.status).toBe(201);
    // A coverage request needs the queue itself: while Redis is away it is refused at once with a
    // 503 in the error shape, never left waiting.
    const refused = await timed(() => t.as(root.token).post('/api/v1/reports/coverage', { unitId: w.p.id, from: '2025-01-01', to: '2025-01-31' }));
    expect(refused.status).toBe(503);
    expect(errorShapeProblems(503, refused.body).filter((p) => p !== 'status 503')).toEqual([]);

    await redis.start();
    await waitFor('200 from /health', async () => (await t.http.get('/health')).status === 200, 20_000);
    const queued = await waitFor('a coverage job accepted again', async () => {
      const res = await t.as(root.token).post('/api/v1/reports/coverage', { unitId: w.p.id, from: '2025-02-01', to: '2025-02-28' });
      return res.status === 202 && res;
    });
    expect(typeof queued.body.jobId).toBe('string');
  });
});

describe('a restart with a pending job', () => {
  it('finishes the job queued before the restart, once', async () => {
    const t = await startTestApp({ runWorkers: false });
    let second: Awaited<ReturnType<typeof createHttpApp>> | undefined;
    try {
      const w = await world(t);
      const root = await admin(t);
      const queued = await t.as(root.token).post('/api/v1/reports/coverage', { unitId: w.p.id, from: '2025-01-01', to: '2025-01-31' });
      expect(queued.status).toBe(202);
      await new Promise((r) => setTimeout(r, 300));
      const [{ n: none }] = await t.db.query(`SELECT count(*)::int AS n FROM coverage_reports WHERE unit_id = $1`, [w.p.id]);
      expect(none).toBe(0);

      // Stop the first instance (its database stays), start another with workers on the same queues.
      await t.app.close();
      second = await createHttpApp({ ...t.config, runWorkers: true }, t.databaseUrl);
      await second.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
      const pair = await second.get(AuthService).login(process.env.ADMIN_USERNAME!, process.env.ADMIN_PASSWORD!, { id: null, role: null, ip: '127.0.0.1', requestId: null });
      const status = await waitFor('the job done', async () => {
        const res = await fetch(`${base}/api/v1/reports/coverage/jobs/${encodeURIComponent(queued.body.jobId)}`, {
          headers: { authorization: `Bearer ${pair.accessToken}` },
        });
        const body = (await res.json()) as { status: string };
        return body.status === 'done' && body;
      }, 30_000);
      expect(status.status).toBe('done');
      const db = second.get((await import('typeorm')).DataSource);
      const rows: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM coverage_reports WHERE unit_id = $1 AND period_from = '2025-01-01' AND period_to = '2025-01-31'`,
        [w.p.id],
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await second?.close().catch(() => undefined);
      await t.flushQueues().catch(() => undefined);
      await dropDatabase(t.databaseName);
    }
  });
});

import 'reflect-metadata';
import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Two uses:
 *
 * 1. `node dist/bench/load.js <spec.json>`: one autocannon GET load in its own process (so the load
 *    generator does not share the event loop of the server it measures), printing its summary as
 *    one JSON line; paths are cycled, so each request reads another record. bench/run.ts uses this.
 * 2. `node dist/bench/load.js` alone: a bounded mixed workload (logins, person lists, searches and
 *    reads, file creations and version-carrying updates, service contacts) by several users at once
 *    against a service it boots on loopback over a fresh database; prints requests/s, p99 and errors
 *    per endpoint and exits non-zero when any request failed. `runMixedLoad` is the same workload
 *    against any running service.
 */

export interface LoadSpec {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function singleLoad(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    headers: spec.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: { path: string }) => {
          req.path = spec.paths[next++ % spec.paths.length];
          return req;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// ---------------------------------------------------------------------------------------------
// The mixed workload

export interface LoadUser {
  username: string;
  password: string;
  token: string;
  /** The commune where this user creates and edits files. */
  unitId: string;
}

export interface MixedLoadOptions {
  url: string;
  /** Commune workers; each endpoint's connections are spread over them. */
  users: LoadUser[];
  /** Files the PATCH and read endpoints work on (at least 10 per PATCH connection). */
  personIds: string[];
  /** Wall-clock bound of the whole run. */
  durationSeconds: number;
  /** Bound on the requests of each endpoint. */
  maxRequestsPerEndpoint: number;
  /** Connections per endpoint (logins always use one per user, to stay under the login throttle). */
  connections: number;
}

export interface EndpointResult {
  endpoint: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, socket errors and timeouts together. */
  errors: number;
  statuses: Record<string, number>;
}

interface AcRequest {
  method: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AcRequest, context: Record<string, unknown>) => AcRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AcResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Instance = EventEmitter & { stop(): void };
/** autocannon's callback form, which returns the running instance (so it can be stopped). */
const run = autocannon as unknown as (opts: Record<string, unknown>, cb: (err: Error | null, res: AcResult) => void) => Instance;

function bounded(name: string, opts: Record<string, unknown>, max: number): Promise<EndpointResult> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const instance = run(opts, (err, res) => {
      if (err) return reject(err);
      const statuses = Object.fromEntries(Object.entries(res.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
      resolve({
        endpoint: name,
        requests: res.requests.total,
        requestsPerSecond: Math.round((res.requests.total / Math.max(res.duration, 0.001)) * 10) / 10,
        p50Ms: res.latency.p50,
        p99Ms: res.latency.p99,
        errors: res.non2xx + res.errors + res.timeouts,
        statuses,
      });
    });
    instance.on('response', () => {
      if (++sent >= max) instance.stop();
    });
  });
}

const SEARCHES = ['Nguyễn', 'tran', 'văn', 'le thi', 'pham', 'hoang', 'vu', 'dang'];

/** Runs every endpoint's load at the same time; each is bounded in time and in requests. */
export async function runMixedLoad(o: MixedLoadOptions): Promise<EndpointResult[]> {
  const json = { 'content-type': 'application/json' };
  const auth = (i: number) => ({ authorization: `Bearer ${o.users[i % o.users.length].token}` });
  const common = { url: o.url, duration: o.durationSeconds, connections: o.connections, timeout: 10 };
  let n = 0;
  let nextPerson = 0;
  // Each PATCH sequence reads the file for its version, then updates it: a connection owns its file
  // for the sequence, and the pool is large enough that two connections never hold the same one.
  const patchPool = o.personIds;

  const endpoints: [string, Record<string, unknown>][] = [
    [
      'POST /auth/login',
      {
        ...common,
        connections: 1,
        requests: [
          {
            method: 'POST',
            headers: json,
            setupRequest: (req: AcRequest) => {
              const u = o.users[n++ % o.users.length];
              return { ...req, path: '/api/v1/auth/login', body: JSON.stringify({ username: u.username, password: u.password }) };
            },
          },
        ],
      },
    ],
    [
      'GET /persons (list)',
      {
        ...common,
        requests: [{ method: 'GET', setupRequest: (req: AcRequest) => ({ ...req, headers: auth(n), path: `/api/v1/persons?page=${(n++ % 5) + 1}&pageSize=20` }) }],
      },
    ],
    [
      'GET /persons?q (search)',
      {
        ...common,
        requests: [{ method: 'GET', setupRequest: (req: AcRequest) => ({ ...req, headers: auth(n), path: `/api/v1/persons?q=${encodeURIComponent(SEARCHES[n++ % SEARCHES.length])}` }) }],
      },
    ],
    [
      'GET /persons/:id',
      {
        ...common,
        requests: [{ method: 'GET', setupRequest: (req: AcRequest) => ({ ...req, headers: auth(0), path: `/api/v1/persons/${o.personIds[n++ % o.personIds.length]}` }) }],
      },
    ],
    [
      'POST /persons',
      {
        ...common,
        requests: [
          {
            method: 'POST',
            setupRequest: (req: AcRequest) => {
              const i = n++;
              const u = o.users[i % o.users.length];
              return {
                ...req,
                path: '/api/v1/persons',
                headers: { ...json, authorization: `Bearer ${u.token}` },
                body: JSON.stringify({
                  fullName: `Tải Thử ${i}`,
                  dateOfBirth: '1990-01-01',
                  sex: i % 2 ? 'male' : 'female',
                  residenceUnitId: u.unitId,
                  status: 'addicted',
                  substances: ['heroin'],
                  registeredOn: '2025-01-01',
                }),
              };
            },
          },
        ],
      },
    ],
    [
      'GET+PATCH /persons/:id (version)',
      {
        ...common,
        requests: [
          {
            method: 'GET',
            setupRequest: (req: AcRequest, ctx: Record<string, unknown>) => {
              ctx.id = patchPool[nextPerson++ % patchPool.length];
              return { ...req, headers: auth(0), path: `/api/v1/persons/${ctx.id as string}` };
            },
            onResponse: (_status: number, body: string, ctx: Record<string, unknown>) => {
              ctx.version = (JSON.parse(body) as { version: number }).version;
            },
          },
          {
            method: 'PATCH',
            setupRequest: (req: AcRequest, ctx: Record<string, unknown>) => ({
              ...req,
              path: `/api/v1/persons/${ctx.id as string}`,
              headers: { ...json, ...auth(0) },
              body: JSON.stringify({ version: ctx.version, address: `Thôn ${n++ % 50}` }),
            }),
          },
        ],
      },
    ],
    [
      'POST /persons/:id/services',
      {
        ...common,
        requests: [
          {
            method: 'POST',
            setupRequest: (req: AcRequest) => ({
              ...req,
              path: `/api/v1/persons/${o.personIds[n++ % o.personIds.length]}/services`,
              headers: { ...json, ...auth(0) },
              body: JSON.stringify({ type: 'counseling', date: '2025-06-01', notes: 'tư vấn' }),
            }),
          },
        ],
      },
    ],
  ];
  return Promise.all(endpoints.map(([name, opts]) => bounded(name, opts, o.maxRequestsPerEndpoint)));
}

// ---------------------------------------------------------------------------------------------
// Standalone: boot the service on loopback over a fresh database and load it

async function standalone(): Promise<number> {
  const [{ createHttpApp, migrate }, { loadConfig }, { Passwords }, pg] = await Promise.all([
    import('../src/bootstrap.js'),
    import('../src/config/config.js'),
    import('../src/modules/users/passwords.js'),
    import('pg'),
  ]);
  const duration = Number(process.env.LOAD_SECONDS ?? 10);
  const maxRequests = Number(process.env.LOAD_MAX_REQUESTS ?? 5_000);
  const server = new URL(process.env.LOAD_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `cmbench_load_${process.pid}`;
  const admin = new pg.default.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(server.toString());
  dbUrl.pathname = `/${dbName}`;
  const say = (s: string) => process.stdout.write(`${s}\n`);
  let app: Awaited<ReturnType<typeof createHttpApp>> | undefined;
  try {
    await migrate(dbUrl.toString());
    const config = {
      ...loadConfig(process.env),
      databaseUrl: dbUrl.toString(),
      queuePrefix: `cmbench-load:${process.pid}`,
      runWorkers: false,
      logLevel: process.env.LOG_LEVEL ?? 'warn',
      argon2MemoryKib: 4096,
    };
    app = await createHttpApp(config, dbUrl.toString());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const db = new pg.default.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    // A province with three communes, a worker in each.
    const province = (await db.query(`INSERT INTO admin_units (code, name, level, path) VALUES ('LP', 'Tỉnh Tải', 'province', '') RETURNING id`)).rows[0].id as string;
    await db.query(`UPDATE admin_units SET path = id || '/' WHERE id = $1`, [province]);
    const hash = await app.get(Passwords).hash('load-password-1');
    const users: LoadUser[] = [];
    for (let i = 1; i <= 3; i++) {
      const unit = (
        await db.query(`INSERT INTO admin_units (code, name, level, parent_id, path) VALUES ($1, $2, 'commune', $3, '') RETURNING id`, [`LC${i}`, `Xã Tải ${i}`, province])
      ).rows[0].id as string;
      await db.query(`UPDATE admin_units SET path = $2 || id || '/' WHERE id = $1`, [unit, `${province}/`]);
      const username = `load.worker${i}`;
      await db.query(`INSERT INTO users (username, password_hash, role, admin_unit_id) VALUES ($1, $2, 'commune_worker', $3)`, [username, hash, unit]);
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'load-password-1' }) });
      users.push({ username, password: 'load-password-1', token: ((await login.json()) as { accessToken: string }).accessToken, unitId: unit });
    }
    await db.end();
    // Files for the reads and updates: the first worker's, created through the API.
    const personIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${url}/api/v1/persons`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${users[0].token}` },
        body: JSON.stringify({ fullName: `Nguyễn Văn Tải ${i}`, dateOfBirth: '1985-05-05', sex: 'male', residenceUnitId: users[0].unitId, status: 'addicted', registeredOn: '2024-06-01' }),
      });
      if (res.status !== 201) throw new Error(`seeding a file answered ${res.status}: ${await res.text()}`);
      personIds.push(((await res.json()) as { id: string }).id);
    }
    say(`mixed load: ${duration} s, at most ${maxRequests} requests per endpoint, 7 endpoints, ${users.length} users, against ${url}`);
    const results = await runMixedLoad({ url, users, personIds, durationSeconds: duration, maxRequestsPerEndpoint: maxRequests, connections: 4 });
    // Requests autocannon sent just before it stopped are still being answered; let them finish.
    await new Promise((r) => setTimeout(r, 1_000));
    const pad = (s: string | number, n: number) => String(s).padEnd(n);
    say(`${pad('endpoint', 36)}${pad('requests', 10)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}errors`);
    for (const r of results) say(`${pad(r.endpoint, 36)}${pad(r.requests, 10)}${pad(r.requestsPerSecond, 10)}${pad(r.p50Ms, 9)}${pad(r.p99Ms, 9)}${r.errors}${r.errors ? ` ${JSON.stringify(r.statuses)}` : ''}`);
    const errors = results.reduce((s, r) => s + r.errors, 0);
    say(JSON.stringify({ errors, endpoints: results }));
    return errors === 0 ? 0 : 1;
  } finally {
    await app?.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  if (process.argv[2]) {
    const summary = await singleLoad(JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadSpec);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.exitCode = await standalone();
  // BullMQ and pg handles may linger a moment; the work is done.
  setTimeout(() => process.exit(), 500).unref();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}

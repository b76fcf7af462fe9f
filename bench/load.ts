import 'reflect-metadata';
import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Two uses:
 *
 * 1. `node dist/bench/load.js <spec.json>`: one autocannon GET load in its own process (so the load
 *    generator does not share the event loop of the server it measures), printing its summary as
 *    one JSON line; paths are cycled, so each request reads another record. bench/run.ts uses this.
 * 2. `node dist/bench/load.js` alone: a bounded mixed workload (logins, person lists, searches and
 *    reads, file creations and version-carrying updates, service contacts) by several users at once
 *    over a fresh database, twice: against one service process (API and workers, as `npm start`),
 *    then against two API processes (`RUN_WORKERS=false`) and one worker process
 *    (`npm run start:worker`) on the same database and Redis, the way a province scales out; prints
 *    requests/s, p50, p99 and errors per endpoint for both, side by side, and exits non-zero when
 *    any request failed. `runMixedLoad` is the same workload against any running service(s).
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
  /** Base URL of the service; with several (API processes behind no balancer), each endpoint's connections are spread over them. */
  url: string | string[];
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

/**
 * Runs every endpoint's load at the same time; each is bounded in time and in requests. Against
 * several URLs, each endpoint runs once per URL with its share of the connections and of the bound,
 * and its figures are merged: requests and rates add up, p50 and p99 are the highest of the URLs'.
 */
export async function runMixedLoad(o: MixedLoadOptions): Promise<EndpointResult[]> {
  const urls = Array.isArray(o.url) ? o.url : [o.url];
  if (urls.length === 1) return runMixedLoadOn(o, urls[0]);
  const share = (n: number) => Math.max(1, Math.round(n / urls.length));
  const each = await Promise.all(
    // Each URL's PATCH connections take files of their own, so two never update the same file.
    urls.map((url, k) =>
      runMixedLoadOn(
        {
          ...o,
          personIds: o.personIds.filter((_, j) => j % urls.length === k),
          connections: share(o.connections),
          maxRequestsPerEndpoint: share(o.maxRequestsPerEndpoint),
        },
        url,
      ),
    ),
  );
  return each[0].map((first, i) => {
    const same = each.map((results) => results[i]);
    const statuses: Record<string, number> = {};
    for (const r of same) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    return {
      endpoint: first.endpoint,
      requests: same.reduce((t, r) => t + r.requests, 0),
      requestsPerSecond: Math.round(same.reduce((t, r) => t + r.requestsPerSecond, 0) * 10) / 10,
      p50Ms: Math.max(...same.map((r) => r.p50Ms)),
      p99Ms: Math.max(...same.map((r) => r.p99Ms)),
      errors: same.reduce((t, r) => t + r.errors, 0),
      statuses,
    };
  });
}

async function runMixedLoadOn(o: MixedLoadOptions, url: string): Promise<EndpointResult[]> {
  const json = { 'content-type': 'application/json' };
  const auth = (i: number) => ({ authorization: `Bearer ${o.users[i % o.users.length].token}` });
  const common = { url, duration: o.durationSeconds, connections: o.connections, timeout: 10 };
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
                  // Test names alike, born the same day: not the possible duplicates a worker confirms.
                  confirmDistinct: true,
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
// Standalone: a fresh database, then the same load on one service process and on a scaled-out set

/** A service process started from dist/ (`src/main.js` or `src/worker.js`). */
interface ServiceProcess {
  /** Base URL of an API process; undefined for the worker process. */
  url?: string;
  stop(): Promise<void>;
}

/**
 * Starts `dist/src/<entry>` with the bench's environment and waits until it serves (an API: its
 * "serving" line gives the port) or runs its workers (the worker process' start line).
 */
function startProcess(entry: 'main.js' | 'worker.js', env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [join(here, '../src', entry)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => fail(new Error(`${entry} did not start within 180 s: ${output.slice(-2000)}`)), 180_000);
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    const fail = (err: Error) => {
      clearTimeout(timer);
      void stop().then(() => reject(err));
    };
    const watch = (chunk: Buffer) => {
      output = `${output}${chunk.toString('utf8')}`.slice(-20_000);
      const serving = /serving (http:\/\/[^\s"]+?:\d+)/.exec(output);
      const working = output.includes('workers running, without HTTP');
      if (serving || working) {
        clearTimeout(timer);
        child.stdout.off('data', watch);
        child.stdout.resume(); // keep draining the pipe
        resolvePromise({ url: serving?.[1], stop });
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', (chunk: Buffer) => {
      output = `${output}${chunk.toString('utf8')}`.slice(-20_000);
    });
    child.once('exit', (code) => fail(new Error(`${entry} exited with ${code}: ${output.slice(-2000)}`)));
  });
}

async function standalone(): Promise<number> {
  const [{ createHttpApp, migrate }, { loadConfig }, { Passwords }, { QUEUES }, pg] = await Promise.all([
    import('../src/bootstrap.js'),
    import('../src/config/config.js'),
    import('../src/modules/users/passwords.js'),
    import('../src/common/jobs/queues.js'),
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
  const config = {
    ...loadConfig(process.env),
    databaseUrl: dbUrl.toString(),
    queuePrefix: `cmbench-load:${process.pid}`,
    runWorkers: false,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    argon2MemoryKib: 4096,
  };
  // The service processes: the same database, Redis, queue prefix and secrets as this one.
  const env = {
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    JWT_SECRET: config.jwtSecret,
    DATA_KEY: config.dataKey.toString('hex'),
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: config.logLevel,
    ARGON2_MEMORY_KIB: String(config.argon2MemoryKib),
    HOST: '127.0.0.1',
    PORT: '0',
  };
  let app: Awaited<ReturnType<typeof createHttpApp>> | undefined;
  const running: ServiceProcess[] = [];
  try {
    await migrate(dbUrl.toString());
    // Set-up through a service in this process, closed before any load.
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
        body: JSON.stringify({ fullName: `Nguyễn Văn Tải ${i}`, dateOfBirth: '1985-05-05', sex: 'male', residenceUnitId: users[0].unitId, status: 'addicted', registeredOn: '2024-06-01', confirmDistinct: true }),
      });
      if (res.status !== 201) throw new Error(`seeding a file answered ${res.status}: ${await res.text()}`);
      personIds.push(((await res.json()) as { id: string }).id);
    }
    await app.close();
    app = undefined;

    const setups = [
      { name: '1 process (API + workers)', start: () => [startProcess('main.js', { ...env, RUN_WORKERS: 'true' })] },
      {
        name: '2 API processes + 1 worker process',
        start: () => [
          startProcess('main.js', { ...env, RUN_WORKERS: 'false' }),
          startProcess('main.js', { ...env, RUN_WORKERS: 'false' }),
          startProcess('worker.js', { ...env, RUN_API: 'false', RUN_WORKERS: 'true', LOG_LEVEL: 'info' }),
        ],
      },
    ];
    const runs: { setup: string; endpoints: EndpointResult[] }[] = [];
    for (const setup of setups) {
      const started = await Promise.allSettled(setup.start());
      for (const s of started) if (s.status === 'fulfilled') running.push(s.value);
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
      const urls = running.map((p) => p.url).filter((u): u is string => Boolean(u));
      say(`mixed load on ${setup.name}: ${duration} s, at most ${maxRequests} requests per endpoint, 7 endpoints, ${users.length} users, against ${urls.join(' and ')}`);
      const endpoints = await runMixedLoad({ url: urls, users, personIds, durationSeconds: duration, maxRequestsPerEndpoint: maxRequests, connections: 4 });
      // Requests autocannon sent just before it stopped are still being answered; let them finish.
      await new Promise((r) => setTimeout(r, 1_000));
      runs.push({ setup: setup.name, endpoints });
      await Promise.all(running.splice(0).map((p) => p.stop()));
    }
    say(sideBySide(runs));
    const errors = runs.reduce((s, run) => s + run.endpoints.reduce((t, r) => t + r.errors, 0), 0);
    say(JSON.stringify({ errors, runs }));
    return errors === 0 ? 0 : 1;
  } finally {
    await Promise.all(running.map((p) => p.stop()));
    await app?.close().catch(() => undefined);
    await clearQueues(config.redisUrl, config.queuePrefix, Object.keys(QUEUES)).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/** The runs' figures per endpoint, one column group per set-up, as a Markdown table. */
function sideBySide(runs: { setup: string; endpoints: EndpointResult[] }[]): string {
  const header = ['endpoint', ...runs.flatMap((r) => [`${r.setup}: req/s`, 'p50 / p99 ms', 'errors'])];
  const all = (field: (r: EndpointResult) => number) => runs.map((run) => run.endpoints.reduce((t, r) => t + field(r), 0));
  const body = runs[0].endpoints.map((first, i) => [
    first.endpoint,
    ...runs.flatMap((run) => {
      const r = run.endpoints[i];
      return [String(r.requestsPerSecond), `${r.p50Ms} / ${r.p99Ms}`, r.errors ? `${r.errors} ${JSON.stringify(r.statuses)}` : '0'];
    }),
  ]);
  const rates = all((r) => r.requestsPerSecond);
  const errors = all((r) => r.errors);
  body.push([
    'all endpoints',
    ...runs.flatMap((run, k) => [String(Math.round(rates[k] * 10) / 10), `— / ${Math.max(...run.endpoints.map((r) => r.p99Ms))}`, String(errors[k])]),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Removes the keys of the run's queues (jobs, schedules) from Redis. */
async function clearQueues(redisUrl: string, prefix: string, names: string[]): Promise<void> {
  const [{ Queue }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    for (const name of names) {
      const queue = new Queue(name, { connection: redis, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    redis.disconnect();
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

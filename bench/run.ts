import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createHttpApp, migrate } from '../src/bootstrap.js';
import { JobsService } from '../src/common/jobs/jobs.service.js';
import { Clock } from '../src/common/time/clock.js';
import { addDays, addMonths, addYears } from '../src/common/time/dates.js';
import { loadConfig, type AppConfig } from '../src/config/config.js';
import { ReminderPlanner } from '../src/modules/reminders/reminders.planner.js';
import { assembleReport, figuresOf, type UnitCounts } from '../src/modules/reports/coverage.arithmetic.js';
import { CoverageService } from '../src/modules/reports/coverage.service.js';
import { ReportsRepository } from '../src/modules/reports/reports.repository.js';
import { DuplicatesService } from '../src/modules/duplicates/duplicates.service.js';
import { planFollowUps, supervisionEndDate } from '../src/modules/supervision/plan.js';
import { QUEUES } from '../src/common/jobs/queues.js';
import { INSERT_PERSONS_SQL } from '../src/modules/persons/person-inserts.js';
import { startBareServer } from './bare-server.js';
import { BASELINE_COUNTS_SQL, COPY_MONTHLY_SNAPSHOTS_SQL, REMOVE_MONTHLY_SNAPSHOTS_SQL, STORED_REPORT_BASELINE_SQL, TREND_BASELINE_SQL } from './coverage-baseline.js';
import { checkFlags, databaseExists, intFlag, parseFlags, recreateDatabase, stringFlag } from './database.js';
import { DEFAULT_PASSWORD, seedDatabase, type SeedResult } from './generator.js';
import { benchImport, type ImportBenchResult } from './import-bench.js';
import type { LoadResult, LoadSpec } from './load.js';

/**
 * `npm run bench -- [--persons N] [--duration S] [--connections C] [--skip-seed]
 *   [--database-url URL] [--supervisions N] [--repeat R] [--seed S] [--log-level L] [--import-rows N]
 *   [--duplicate-share F] [--cases reads,coverage,…]`
 *
 * Seeds (or reuses) a benchmark database, boots the real service in this process and measures
 * each case against a baseline run in the same process and the same minute. Prints one table and
 * writes bench/results/latest.json.
 */

const here = dirname(fileURLToPath(import.meta.url));
/** bench/ in the source tree (this file runs from dist/bench). */
const benchDir = resolve(here, '../../bench');

interface CaseRow {
  case: string;
  service: string;
  baseline: string;
  /** service / baseline for times; service / baseline for rates. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  detail: Record<string, unknown>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en')} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

async function timed(repeat: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Peak memory of this process (which hosts the service), by phase. */
class MemorySampler {
  private phase = 'idle';
  readonly peaks = new Map<string, { rss: number; heapUsed: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  enter(phase: string): void {
    this.sample();
    this.phase = phase;
  }

  sample(): void {
    const m = process.memoryUsage();
    const peak = this.peaks.get(this.phase) ?? { rss: 0, heapUsed: 0 };
    this.peaks.set(this.phase, { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) });
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }

  /** Highest resident set size of the process since it started, from the kernel. */
  static vmHwm(): number | null {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cmbench-'));
  const file = join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [join(here, 'load.js'), file], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (err) return reject(new Error(`load generator failed: ${stderr || err.message}`));
      resolvePromise(JSON.parse(stdout.trim().split('\n').pop() as string) as LoadResult);
    });
  });
}

/** JSON with keys sorted, to compare two answers whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

// ---- the import case (e): helpers ----

/** BullMQ prefix of the service the import case boots (with workers), apart from the bench's `cmbench`. */
const IMPORT_QUEUE_PREFIX = 'cmbench-import';
/** Rows per statement of the import case's raw-insert baseline. */
const IMPORT_BASELINE_CHUNK = 5_000;

/** Removes every key of the import case's queues (jobs, schedules), before and after the case. */
async function clearImportQueues(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    for (const name of Object.keys(QUEUES)) {
      const queue = new Queue(name, { connection: redis, prefix: IMPORT_QUEUE_PREFIX });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    redis.disconnect();
  }
}

interface PersonRow {
  id: string;
  case_code: string;
  full_name: string;
  search_text: string;
  date_of_birth: string;
  sex: string;
  national_id_cipher: Buffer | null;
  national_id_hash: Buffer | null;
  residence_unit_id: string;
  address_cipher: Buffer | null;
  phone_cipher: Buffer | null;
  status: string;
  substances: string;
  registered_on: string;
  management_decision_on: string | null;
  in_detention: boolean;
  created_by: string | null;
}

/**
 * The import case's baseline: the rows the import wrote for its new files (persons and their
 * person_events, the stored values: ciphertexts, hashes, search text) inserted again with `pg`, with
 * the import's own statements (`INSERT … SELECT FROM unnest(…)`) but 5,000 rows a statement, in one
 * transaction that is rolled back. New ids; case codes and national-id hashes altered so the unique
 * indexes accept them. Timed from BEGIN to the end of ROLLBACK.
 */
async function rawInsertBaseline(pool: pg.Pool, provinceId: string): Promise<{ ms: number; persons: number; events: number }> {
  const persons = (
    await pool.query<PersonRow>(
      `SELECT p.id, p.case_code, p.full_name, p.search_text, p.date_of_birth::text, p.sex, p.national_id_cipher, p.national_id_hash,
              p.residence_unit_id, p.address_cipher, p.phone_cipher, p.status, to_jsonb(p.substances)::text AS substances,
              p.registered_on::text, p.management_decision_on::text, p.in_detention, p.created_by
         FROM persons p JOIN admin_units u ON u.id = p.residence_unit_id
        WHERE u.parent_id = $1 ORDER BY p.created_at, p.case_code`,
      [provinceId],
    )
  ).rows;
  const events = (
    await pool.query<{ person_id: string; kind: string; event_date: string; data: string; recorded_by: string | null }>(
      `SELECT e.person_id, e.kind, e.event_date::text, e.data::text, e.recorded_by
         FROM person_events e JOIN persons p ON p.id = e.person_id JOIN admin_units u ON u.id = p.residence_unit_id
        WHERE u.parent_id = $1 ORDER BY e.recorded_at`,
      [provinceId],
    )
  ).rows;
  const newId = new Map(persons.map((p) => [p.id, randomUUID()]));
  const eventsOf = new Map<string, typeof events>();
  for (const e of events) {
    const list = eventsOf.get(e.person_id);
    if (list) list.push(e);
    else eventsOf.set(e.person_id, [e]);
  }
  const otherHash = (h: Buffer | null) => {
    if (!h) return null;
    const copy = Buffer.from(h);
    copy[0] ^= 0xff;
    return copy;
  };
  const actor = persons[0]?.created_by ?? null;
  const client = await pool.connect();
  try {
    const t0 = performance.now();
    await client.query('BEGIN');
    try {
      for (let i = 0; i < persons.length; i += IMPORT_BASELINE_CHUNK) {
        const chunk = persons.slice(i, i + IMPORT_BASELINE_CHUNK);
        await client.query(
          INSERT_PERSONS_SQL,
          [
            chunk.map((p) => newId.get(p.id)),
            chunk.map((p) => `${p.case_code}~b`),
            chunk.map((p) => p.full_name),
            chunk.map((p) => p.search_text),
            chunk.map((p) => p.date_of_birth),
            chunk.map((p) => p.sex),
            chunk.map((p) => p.national_id_cipher),
            chunk.map((p) => otherHash(p.national_id_hash)),
            chunk.map((p) => p.residence_unit_id),
            chunk.map((p) => p.address_cipher),
            chunk.map((p) => p.phone_cipher),
            chunk.map((p) => p.status),
            chunk.map((p) => p.substances),
            chunk.map((p) => p.registered_on),
            chunk.map((p) => p.management_decision_on),
            chunk.map((p) => p.in_detention),
            actor,
          ],
        );
        const chunkEvents = chunk.flatMap((p) => eventsOf.get(p.id) ?? []);
        await client.query(
          `INSERT INTO person_events (person_id, kind, event_date, data, recorded_by, recorded_at)
           SELECT x.person_id, x.kind, x.event_date, x.data, $5, clock_timestamp()
             FROM unnest($1::uuid[], $2::text[], $3::date[], $4::jsonb[]) WITH ORDINALITY AS x(person_id, kind, event_date, data, n)
            ORDER BY x.n`,
          [
            chunkEvents.map((e) => newId.get(e.person_id)),
            chunkEvents.map((e) => e.kind),
            chunkEvents.map((e) => e.event_date),
            chunkEvents.map((e) => e.data),
            actor,
          ],
        );
      }
    } finally {
      await client.query('ROLLBACK');
    }
    return { ms: performance.now() - t0, persons: persons.length, events: events.length };
  } finally {
    client.release();
  }
}

/** The cases `--cases` may name (comma-separated; all by default), in the order they run. */
const CASES = ['coverage', 'trends', 'duplicates', 'reads', 'reminders', 'import'];

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  checkFlags(flags, ['persons', 'duration', 'connections', 'skip-seed', 'database-url', 'supervisions', 'repeat', 'seed', 'log-level', 'password', 'import-rows', 'duplicate-share', 'cases']);
  const persons = intFlag(flags, 'persons', 20_000, 1);
  const duration = intFlag(flags, 'duration', 10, 1);
  const connections = intFlag(flags, 'connections', 10, 1);
  const supervisionCount = intFlag(flags, 'supervisions', 10_000, 1);
  const repeat = intFlag(flags, 'repeat', 5, 1);
  const importRows = intFlag(flags, 'import-rows', 100_000, 0);
  const duplicateShare = Number(stringFlag(flags, 'duplicate-share') ?? '0.01');
  if (!(duplicateShare >= 0 && duplicateShare <= 1)) throw new Error('--duplicate-share must be between 0 and 1');
  const wanted = new Set((stringFlag(flags, 'cases') ?? CASES.join(',')).split(',').map((c) => c.trim()));
  for (const c of wanted) if (!CASES.includes(c)) throw new Error(`--cases: unknown case ${c} (cases: ${CASES.join(', ')})`);
  const skipSeed = flags.get('skip-seed') === true;
  const password = stringFlag(flags, 'password') ?? DEFAULT_PASSWORD;
  const databaseUrl = stringFlag(flags, 'database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cmbench';
  const dbName = new URL(databaseUrl).pathname.slice(1);
  if (!/bench/i.test(dbName)) throw new Error(`refusing to use a database whose name does not say "bench": ${dbName}`);
  const started = new Date();
  const wall = performance.now();
  const say = (line: string) => console.log(`[${((performance.now() - wall) / 1000).toFixed(1).padStart(6)} s] ${line}`);

  const config: AppConfig = {
    ...loadConfig(process.env),
    databaseUrl,
    queuePrefix: 'cmbench',
    runWorkers: false,
    runMigrations: false,
    accessTokenTtlSeconds: 3600,
    logLevel: stringFlag(flags, 'log-level') ?? 'warn',
    host: '127.0.0.1',
    port: 0,
  };

  // ---- database ----
  let seed: SeedResult | null = null;
  if (skipSeed) {
    if (!(await databaseExists(databaseUrl))) throw new Error(`--skip-seed: database ${dbName} does not exist; run without --skip-seed first`);
    await migrate(databaseUrl);
    say(`reusing ${dbName}`);
  } else {
    say(`creating ${dbName} and seeding ${persons.toLocaleString('en')} people`);
    await recreateDatabase(databaseUrl);
    await migrate(databaseUrl);
    seed = await seedDatabase({
      databaseUrl,
      config,
      persons,
      seed: intFlag(flags, 'seed', 1),
      password,
      duplicateShare,
      log: (line) => say(`  ${line}`),
    });
    say(`seeded in ${(seed.ms.total / 1000).toFixed(1)} s (${seed.duplicates.toLocaleString('en')} planted duplicate files)`);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // The hand-written baseline runs without JIT: on these plans PostgreSQL's cost estimates trigger
  // JIT compilation that costs more than the query (see bench/README.md).
  const baselinePool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: '-c jit=off' });
  const [{ n: personCount }] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons`)).rows;
  if (!personCount) throw new Error('the benchmark database holds no people');

  // ---- the service ----
  const memory = new MemorySampler();
  memory.enter('boot');
  const app: NestFastifyApplication = await createHttpApp(config, databaseUrl);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const serviceUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  memory.enter('idle');
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
  memory.sample();
  const idle = { ...process.memoryUsage() };
  const today = app.get(Clock).today();
  const jobs = app.get(JobsService);
  say(`service listening on ${serviceUrl}; ${personCount.toLocaleString('en')} people; today ${today}`);

  const rows: CaseRow[] = [];
  const cases: Record<string, unknown> = {};

  // ---- a. coverage ----
  if (wanted.has('coverage')) {
    const coverage = app.get(CoverageService);
    const to = today;
    const from = addDays(addYears(to, -1), 1);
    const [province] = (
      await pool.query<{ id: string; code: string; path: string; people: number }>(
        `SELECT u.id, u.code, u.path, x.people FROM (
           SELECT split_part(r.path, '/', 1)::uuid AS id, count(*)::int AS people
             FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id GROUP BY 1 ORDER BY 2 DESC LIMIT 1) x
         JOIN admin_units u ON u.id = x.id`,
      )
    ).rows;
    const wanted = (await pool.query<{ id: string }>(`SELECT id FROM admin_units WHERE id = $1 OR parent_id = $1`, [province.id])).rows.map((r) => r.id);
    const baseline = (pattern: string | null, ids: string[] | null) =>
      baselinePool.query<UnitCounts>(BASELINE_COUNTS_SQL, [from, to, to < today ? to : today, pattern, ids]).then((r) => r.rows);

    say(`coverage of province ${province.code} (${province.people.toLocaleString('en')} people), ${from} to ${to}`);
    memory.enter('service');
    const serviceResult = await coverage.computeUnit({ unitId: province.id, from, to }, null); // warm-up
    const serviceTimes = await timed(repeat, () => coverage.computeUnit({ unitId: province.id, from, to }, null));
    memory.enter('harness');
    const baseRows = await baseline(`${province.path}%`, wanted);
    const baseTimes = await timed(repeat, () => baseline(`${province.path}%`, wanted));
    const unit = baseRows.find((r) => r.id === province.id) as UnitCounts;
    const baseReport = assembleReport(unit, baseRows.filter((r) => r.parentId === province.id), { from, to, asOf: today });
    const { computedAt: _c, jobId: _j, inputs: _i, ...serviceFigures } = serviceResult as NonNullable<typeof serviceResult>;
    const sameProvince = canonical(serviceFigures) === canonical(baseReport);
    const s = median(serviceTimes);
    const b = median(baseTimes);
    rows.push({
      case: `coverage, province (${province.people.toLocaleString('en')} people)`,
      service: ms(s),
      baseline: ms(b),
      ratio: s / b,
      target: '≤ 2x',
      met: s / b <= 2,
      detail: { serviceMs: serviceTimes, baselineMs: baseTimes, sameFigures: sameProvince, unitId: province.id, from, to },
    });
    if (!sameProvince) say('  WARNING: the service and the baseline disagree on the province figures');

    say('coverage of every unit of the country');
    memory.enter('service');
    await coverage.computeAllUnits(from, to, null); // warm-up
    const countryRepeat = Math.max(1, Math.min(repeat, 3));
    const serviceAll = await timed(countryRepeat, () => coverage.computeAllUnits(from, to, null));
    memory.enter('harness');
    const baseAll = await baseline(null, null);
    const baseAllTimes = await timed(countryRepeat, () => baseline(null, null));
    const storedBy = new Map((await app.get(ReportsRepository).storedCountsOfPeriod(from, to)).map((c) => [c.id, c]));
    const mismatches = baseAll.filter((u) => {
      const stored = storedBy.get(u.id);
      return !stored || canonical(figuresOf(stored)) !== canonical(figuresOf(u));
    }).length;
    const sc = median(serviceAll);
    const bc = median(baseAllTimes);
    rows.push({
      case: `coverage, whole country (${baseAll.length.toLocaleString('en')} units)`,
      service: ms(sc),
      baseline: ms(bc),
      ratio: sc / bc,
      target: '≤ 2x and < 2 s',
      met: sc / bc <= 2 && sc < 2000,
      detail: { serviceMs: serviceAll, baselineMs: baseAllTimes, unitsDisagreeing: mismatches },
    });
    if (mismatches) say(`  WARNING: ${mismatches} units disagree between the service and the baseline`);
    cases.coverage = { province: province.code, from, to };
  }

  // ---- a2. trends: an indicator of a province per month over 36 months, from stored snapshots ----
  if (wanted.has('trends')) {
    const [province] = (
      await pool.query<{ id: string; code: string; people: number }>(
        `SELECT u.id, u.code, x.people FROM (
           SELECT split_part(r.path, '/', 1)::uuid AS id, count(*)::int AS people
             FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id GROUP BY 1 ORDER BY 2 DESC LIMIT 1) x
         JOIN admin_units u ON u.id = x.id`,
      )
    ).rows;
    // 36 monthly snapshots of the province: its computed counts stored again under each month that
    // has none, a run of its own per month (COPY_MONTHLY_SNAPSHOTS_SQL).
    const last = `${addMonths(today, -1).slice(0, 7)}-01`;
    const first = addMonths(last, -35);
    await pool.query(COPY_MONTHLY_SNAPSHOTS_SQL, [province.id, first, last]);
    const login = await fetch(`${serviceUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `po.${province.code}`, password }),
    });
    if (login.status !== 200) throw new Error(`login of po.${province.code} answered ${login.status}: is --password the seed's password?`);
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const path = `/api/v1/reports/trends?unitId=${province.id}&indicator=postRehabShare&months=36&to=${last.slice(0, 7)}`;
    const call = async () => {
      const res = await fetch(`${serviceUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { points?: { value: number | null }[] };
      if (res.status !== 200 || body.points?.length !== 36) throw new Error(`trends answered ${res.status}`);
      return body;
    };
    const baseline = () => baselinePool.query(TREND_BASELINE_SQL, [province.id, first, last]);
    say(`trends of province ${province.code} (${province.people.toLocaleString('en')} people), 36 months`);
    await call(); // warm-up
    memory.enter('service');
    const serviceTimes = await timed(repeat * 4, call);
    memory.enter('harness');
    await baseline();
    const baseTimes = await timed(repeat * 4, baseline);
    await pool.query(REMOVE_MONTHLY_SNAPSHOTS_SQL);
    const sv = median(serviceTimes);
    const bv = median(baseTimes);
    rows.push({
      case: `GET /reports/trends, province, 36 months (${province.people.toLocaleString('en')} people)`,
      service: ms(sv),
      baseline: ms(bv),
      ratio: sv / bv,
      target: '< 200 ms',
      met: sv < 200,
      detail: { serviceMs: serviceTimes, baselineMs: baseTimes, note: 'service: the HTTP route with login checks and scope; baseline: the bare SELECT over pg' },
    });
    cases.trends = { province: province.code, months: 36 };

    // Reading one stored report (the province's of the coverage case's period, stored by its country run).
    const { from, to } = cases.coverage as { from: string; to: string };
    const reportPath = `/api/v1/reports/coverage?unitId=${province.id}&from=${from}&to=${to}`;
    const read = async () => {
      const res = await fetch(`${serviceUrl}${reportPath}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`the stored report answered ${res.status}`);
      return res.json();
    };
    const readBaseline = () => baselinePool.query(STORED_REPORT_BASELINE_SQL, [province.id, from, to]);
    await read();
    memory.enter('service');
    const readTimes = await timed(repeat * 4, read);
    memory.enter('harness');
    await readBaseline();
    const readBaseTimes = await timed(repeat * 4, readBaseline);
    const rv = median(readTimes);
    rows.push({
      case: `GET /reports/coverage (stored report), province`,
      service: ms(rv),
      baseline: ms(median(readBaseTimes)),
      ratio: rv / median(readBaseTimes),
      target: '< 10 ms',
      met: rv < 10,
      detail: { serviceMs: readTimes, baselineMs: readBaseTimes, note: 'service: the HTTP route with login checks and scope; baseline: the bare SELECT of its counts rows over pg' },
    });
  }

  // ---- a3. the duplicates job over every province, against the pairs the seed planted ----
  if (wanted.has('duplicates')) {
    const duplicates = app.get(DuplicatesService);
    const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const planted = new Set(
      (
        await pool.query<{ dup: string; orig: string }>(
          `SELECT e.person_id AS dup, e.data->>'plantedDuplicateOf' AS orig
             FROM person_events e JOIN persons p ON p.id = e.person_id JOIN persons o ON o.id = (e.data->>'plantedDuplicateOf')::uuid
            WHERE e.kind = 'registered' AND e.data ? 'plantedDuplicateOf' AND p.closed_on IS NULL AND o.closed_on IS NULL`,
        )
      ).rows.map((r) => key(r.dup, r.orig)),
    );
    // Each run starts from no pending pair (a reused database keeps those of an earlier run).
    await pool.query(`DELETE FROM duplicate_pairs WHERE status = 'pending'`);
    say(`duplicates job over every province (${planted.size.toLocaleString('en')} planted pairs)`);
    memory.enter('service');
    const t0 = performance.now();
    const run = await duplicates.findInEveryProvince();
    const serviceMs = performance.now() - t0;
    memory.enter('harness');
    const found = (await pool.query<{ a: string; b: string }>(`SELECT person_a_id AS a, person_b_id AS b FROM duplicate_pairs WHERE status = 'pending'`)).rows.map((r) =>
      key(r.a, r.b),
    );
    // The baseline: what the import caught before, pairs of open files of a province with the same
    // folded name, date of birth and sex, by a plain self-join.
    const t1 = performance.now();
    const exact = (
      await baselinePool.query<{ a: string; b: string }>(
        `WITH people AS (
           SELECT p.id, split_part(u.path, '/', 1) AS province, p.date_of_birth, p.sex,
                  left(p.search_text, length(p.search_text) - length(p.case_code) - 1) AS name
             FROM persons p JOIN admin_units u ON u.id = p.residence_unit_id WHERE p.closed_on IS NULL)
         SELECT a.id AS a, b.id AS b FROM people a
           JOIN people b ON b.province = a.province AND b.date_of_birth = a.date_of_birth AND b.sex = a.sex AND b.name = a.name AND a.id < b.id`,
      )
    ).rows.map((r) => key(r.a, r.b));
    const baselineMs = performance.now() - t1;
    const score = (pairs: string[]) => {
      const hits = pairs.filter((p) => planted.has(p)).length;
      return { found: pairs.length, hits, precision: pairs.length ? hits / pairs.length : 1, recall: planted.size ? hits / planted.size : 1 };
    };
    const svc = score(found);
    const base = score(exact);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    rows.push({
      case: `duplicates job, every province (${personCount.toLocaleString('en')} people, ${planted.size.toLocaleString('en')} planted pairs)`,
      service: `${ms(serviceMs)}, precision ${pct(svc.precision)}, recall ${pct(svc.recall)}`,
      baseline: `${ms(baselineMs)}, precision ${pct(base.precision)}, recall ${pct(base.recall)} (exact key)`,
      ratio: serviceMs / baselineMs,
      target: 'recall ≥ 95%, reported',
      met: svc.recall >= 0.95,
      detail: { serviceMs, baselineMs, service: svc, baseline: base, planted: planted.size, people: run.people },
    });
    say(`  ${svc.found} pairs in ${Math.round(serviceMs)} ms: ${svc.hits} planted (precision ${pct(svc.precision)}, recall ${pct(svc.recall)}); exact key: ${base.found} pairs, recall ${pct(base.recall)}`);
    cases.duplicates = { planted: planted.size, duplicateShare: seed ? duplicateShare : null };
  }

  // ---- b. person reads through the full stack vs bare Fastify (the pure read and the same work) ----
  if (wanted.has('reads')) {
    const [commune] = (
      await pool.query<{ id: string; code: string; path: string; people: number }>(
        `SELECT r.id, r.code, r.path, count(*)::int AS people FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id
          GROUP BY r.id ORDER BY people DESC, r.code LIMIT 1`,
      )
    ).rows;
    const [province] = (
      await pool.query<{ id: string; code: string; path: string; people: number }>(
        `SELECT u.id, u.code, u.path, x.people FROM (
           SELECT split_part(r.path, '/', 1)::uuid AS id, count(*)::int AS people
             FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id GROUP BY 1 ORDER BY 2 DESC LIMIT 1) x
         JOIN admin_units u ON u.id = x.id`,
      )
    ).rows;
    const login = async (username: string) => {
      const res = await fetch(`${serviceUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status}: is --password the seed's password?`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const actors = {
      commune: { username: `cw.${commune.code}`, unit: commune, withContacts: true },
      province: { username: `po.${province.code}`, unit: province, withContacts: false },
    };
    const tokens = { commune: await login(actors.commune.username), province: await login(actors.province.username) };
    const bare = await startBareServer(config, databaseUrl, {
      commune: { unitPath: commune.path, withContacts: true },
      province: { unitPath: province.path, withContacts: false },
    });
    const idsIn = async (path: string) =>
      (
        await pool.query<{ id: string }>(
          `SELECT p.id FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id WHERE r.path LIKE $1 ORDER BY md5(p.id::text) LIMIT 500`,
          [`${path}%`],
        )
      ).rows.map((r) => `/api/v1/persons/${r.id}`);
    const searches = ['nguyễn', 'tran van', 'Hùng', 'le thi', 'Phạm Minh', 'dung'].map(
      (q) => `/api/v1/persons?q=${encodeURIComponent(q)}&status=addicted&page=1`,
    );
    const scenarios = [
      { name: 'GET /persons/:id', who: 'commune' as const, paths: await idsIn(commune.path) },
      { name: 'GET /persons/:id', who: 'province' as const, paths: await idsIn(province.path) },
      { name: 'GET /persons?q&status', who: 'commune' as const, paths: searches },
      { name: 'GET /persons?q&status', who: 'province' as const, paths: searches },
    ];
    say(`person reads: commune ${commune.code} (${commune.people} people), province ${province.code} (${province.people.toLocaleString('en')} people); ${connections} connections, ${duration} s each`);
    for (const sc of scenarios) {
      const serviceHeaders = { authorization: `Bearer ${tokens[sc.who]}` };
      const bareHeaders = { 'x-bench-actor': sc.who };
      // The same answer from both, or the comparison means nothing.
      const [a, b] = await Promise.all([
        fetch(`${serviceUrl}${sc.paths[0]}`, { headers: serviceHeaders }).then(async (r) => ({ status: r.status, body: await r.json() })),
        fetch(`${bare.url}${sc.paths[0]}`, { headers: bareHeaders }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ]);
      const same = a.status === b.status && canonical(a.body) === canonical(b.body);
      if (!same) say(`  WARNING: ${sc.name} as ${sc.who}: the service answered ${a.status}, the bare route ${b.status}, with different bodies`);
      // The same-work baseline: the same bare route, called with the service's token, so it checks
      // the caller and writes the audit row as the service must.
      const work = await fetch(`${bare.url}${sc.paths[0]}`, { headers: serviceHeaders }).then(async (r) => ({ status: r.status, body: await r.json() }));
      const sameWork = work.status === a.status && canonical(work.body) === canonical(a.body);
      if (!sameWork) say(`  WARNING: ${sc.name} as ${sc.who}: the service answered ${a.status}, the same-work route ${work.status}, with different bodies`);
      // With the JavaScript CPU time this process (which hosts the service and the bare routes, the
      // load generator being a child) spent per answer: a figure less swayed than req/s by other
      // work on a shared machine. The database's own CPU is not in it.
      const load = async (url: string, headers: Record<string, string>, seconds: number) => {
        const before = process.cpuUsage();
        const result = await runLoad({ url, paths: sc.paths, headers, connections, durationSeconds: seconds });
        const used = process.cpuUsage(before);
        return { ...result, cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, result.requests) };
      };
      // Warm all three (JIT, caches), then measure back to back.
      await load(serviceUrl, serviceHeaders, 2);
      await load(bare.url, bareHeaders, 2);
      await load(bare.url, serviceHeaders, 2);
      memory.enter('service');
      const svc = await load(serviceUrl, serviceHeaders, duration);
      memory.enter('harness');
      const raw = await load(bare.url, bareHeaders, duration);
      const withWork = await load(bare.url, serviceHeaders, duration);
      const label = `${sc.name} as ${sc.who === 'commune' ? 'commune worker' : 'province officer'}`;
      const rate = (r: LoadResult & { cpuMsPerRequest: number }) =>
        `${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p99 ${r.p99Ms} ms, CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req`;
      const ok = svc.non2xx === 0 && svc.errors === 0;
      const ratio = svc.requestsPerSecond / raw.requestsPerSecond;
      const workRatio = svc.requestsPerSecond / withWork.requestsPerSecond;
      rows.push({
        case: `${label}, vs the pure read`,
        service: rate(svc),
        baseline: rate(raw),
        ratio,
        target: '≥ 0.5x req/s',
        met: ratio >= 0.5 && ok,
        detail: { service: svc, baseline: raw, sameAnswer: same, firstPath: sc.paths[0].replace(/q=[^&]*/, 'q=…') },
      });
      rows.push({
        case: `${label}, vs the same work`,
        service: rate(svc),
        baseline: `${rate(withWork)} (JWT, caller check, audit row)`,
        ratio: workRatio,
        target: '≥ 0.8x req/s',
        met: workRatio >= 0.8 && ok && withWork.non2xx === 0 && withWork.errors === 0,
        detail: { service: svc, baseline: withWork, sameAnswer: sameWork, firstPath: sc.paths[0].replace(/q=[^&]*/, 'q=…') },
      });
      say(`  ${sc.name} as ${sc.who}: ${Math.round(svc.requestsPerSecond)} req/s; pure read ${Math.round(raw.requestsPerSecond)}, same work ${Math.round(withWork.requestsPerSecond)}`);
    }
    await bare.close();
    cases.reads = { commune: commune.code, province: province.code, connections, durationSeconds: duration };
  }

  // ---- c. reminder planning for new supervisions vs raw addBulk ----
  if (wanted.has('reminders')) {
    const reminders = app.get(ReminderPlanner);
    const queue = jobs.queue('reminders');
    const db = app.get(DataSource);
    const people = (
      await pool.query<{ id: string }>(
        `SELECT p.id FROM persons p
          WHERE p.closed_on IS NULL AND NOT EXISTS (SELECT 1 FROM supervisions s WHERE s.person_id = p.id AND s.status = 'active')
          ORDER BY md5(p.id::text) LIMIT $1`,
        [supervisionCount],
      )
    ).rows.map((r) => r.id);
    const end = supervisionEndDate(today, 1);
    const dues = planFollowUps(today, end, 30);
    // New supervisions as the supervision feature writes them, in one statement each.
    const created = await db.query(
      `INSERT INTO supervisions (person_id, start_date, end_date, interval_days)
       SELECT unnest($1::uuid[]), $2::date, $3::date, 30 RETURNING id`,
      [people, today, end],
    );
    const supervisionIds: string[] = (created as { id: string }[]).map((r) => r.id);
    await db.query(
      `INSERT INTO follow_ups (supervision_id, due_date) SELECT s.id, d.due FROM unnest($1::uuid[]) AS s(id) CROSS JOIN unnest($2::date[]) AS d(due)`,
      [supervisionIds, dues],
    );
    await pool.query(`ANALYZE supervisions; ANALYZE follow_ups`);
    say(`reminder planning for ${people.length.toLocaleString('en')} new supervisions (${dues.length} follow-ups each)`);

    await queue.obliterate({ force: true });
    memory.enter('service');
    // What a bulk path (supervisions opened by an import or a batch) calls: the bulk form.
    const t0 = performance.now();
    await reminders.replanForPersons(people);
    const serviceMs = performance.now() - t0;
    memory.enter('harness');
    const planned = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
    const bulk = planned.map((j) => ({ name: j.name, data: j.data as unknown, opts: { jobId: j.id as string, delay: j.opts.delay ?? 0 } }));
    await queue.obliterate({ force: true });

    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const raw = new Queue('reminders', { connection: redis, prefix: config.queuePrefix, defaultJobOptions: jobs.defaultJobOptions() });
    const t1 = performance.now();
    for (let i = 0; i < bulk.length; i += 1_000) await raw.addBulk(bulk.slice(i, i + 1_000));
    const baselineMs = performance.now() - t1;
    const rawCount = (await raw.getJobCounts('delayed', 'waiting', 'prioritized')) as Record<string, number>;
    await raw.obliterate({ force: true });

    // The bulk form that exists: the re-plan of every pending reminder (at start and daily).
    memory.enter('service');
    const t2 = performance.now();
    const allPlanned = await reminders.plan(null);
    const planAllMs = performance.now() - t2;
    memory.enter('harness');
    const allJobs = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
    const allBulk = allJobs.map((j) => ({ name: j.name, data: j.data as unknown, opts: { jobId: j.id as string, delay: j.opts.delay ?? 0 } }));
    await queue.obliterate({ force: true });
    const t3 = performance.now();
    for (let i = 0; i < allBulk.length; i += 1_000) await raw.addBulk(allBulk.slice(i, i + 1_000));
    const allBaselineMs = performance.now() - t3;
    await raw.obliterate({ force: true });
    await raw.close();
    redis.disconnect();

    const rate = (n: number, t: number) => (n * 1000) / t;
    const ratio = baselineMs / serviceMs;
    rows.push({
      case: `reminder jobs for ${people.length.toLocaleString('en')} new supervisions (replanForPersons)`,
      service: `${Math.round(rate(bulk.length, serviceMs)).toLocaleString('en')} jobs/s (${ms(serviceMs)})`,
      baseline: `${Math.round(rate(bulk.length, baselineMs)).toLocaleString('en')} jobs/s (${ms(baselineMs)})`,
      ratio,
      target: '≥ 0.5x jobs/s',
      met: ratio >= 0.5,
      detail: { jobs: bulk.length, rawJobs: rawCount, serviceMs, baselineMs },
    });
    const allRatio = allBaselineMs / planAllMs;
    rows.push({
      case: `reminder jobs, re-plan of the whole database (plan(null))`,
      service: `${Math.round(rate(allPlanned, planAllMs)).toLocaleString('en')} jobs/s (${ms(planAllMs)})`,
      baseline: `${Math.round(rate(allBulk.length, allBaselineMs)).toLocaleString('en')} jobs/s (${ms(allBaselineMs)})`,
      ratio: allRatio,
      target: '≥ 0.5x jobs/s',
      met: allRatio >= 0.5,
      detail: { jobs: allPlanned, serviceMs: planAllMs, baselineMs: allBaselineMs },
    });
    say(`  ${bulk.length} jobs: ${Math.round(serviceMs)} ms through the planner, ${Math.round(baselineMs)} ms raw; re-plan all: ${allPlanned} jobs in ${Math.round(planAllMs)} ms`);

    await db.transaction(async (m) => {
      await m.query(`DELETE FROM follow_ups WHERE supervision_id = ANY($1::uuid[])`, [supervisionIds]);
      await m.query(`DELETE FROM supervisions WHERE id = ANY($1::uuid[])`, [supervisionIds]);
    });
    cases.reminders = { supervisions: people.length, followUpsEach: dues.length };
  }

  // ---- d. memory ----
  memory.stop();
  const servicePeak = memory.peaks.get('service') ?? { rss: 0, heapUsed: 0 };
  const hwm = MemorySampler.vmHwm();
  rows.push({
    case: 'peak memory of the service process (during service phases)',
    service: `RSS ${mb(servicePeak.rss)}, heap ${mb(servicePeak.heapUsed)}`,
    baseline: `idle after start: RSS ${mb(idle.rss)}, heap ${mb(idle.heapUsed)}`,
    ratio: servicePeak.rss / idle.rss,
    target: 'reported',
    met: null,
    detail: { peaks: Object.fromEntries(memory.peaks), idle, vmHwmBytes: hwm },
  });

  await app.close();

  // ---- e. import of an N-row XLSX register through a service with its workers ----
  // After the other cases and outside their memory row: bench/import-bench.ts boots its own app
  // (workers on) in this process, on this database, with its own BullMQ prefix.
  if (importRows > 0 && wanted.has('import')) {
    const target = importRows === 100_000 ? '100,000 in ≈ 1 min' : `100,000 in ≈ 1 min (≤ ${((90 * importRows) / 100_000).toFixed(1)} s)`;
    const limitMs = (90_000 * importRows) / 100_000;
    const importMemory = new MemorySampler();
    try {
      await clearImportQueues(config.redisUrl);
      (globalThis as { gc?: () => void }).gc?.();
      importMemory.enter('import');
      say(`import of ${importRows.toLocaleString('en')} new rows (XLSX), then the same file again; queue prefix ${IMPORT_QUEUE_PREFIX}`);
      const result: ImportBenchResult = await benchImport({
        rows: importRows,
        databaseUrl,
        config: { queuePrefix: IMPORT_QUEUE_PREFIX, logLevel: config.logLevel, accessTokenTtlSeconds: 3600 },
        log: (line) => say(`  ${line}`),
      });
      importMemory.stop();
      await clearImportQueues(config.redisUrl);
      const { first, second } = result;
      say(`  baseline: the same ${importRows.toLocaleString('en')} files' rows inserted raw with pg`);
      const baseline = await rawInsertBaseline(pool, result.provinceId);
      const rate = (t: number) => `${Math.round((importRows * 1000) / t).toLocaleString('en')} rows/s (${(t / 1000).toFixed(1)} s)`;
      const correct = first.status === 'done' && first.counts.created === importRows && first.counts.rejected === 0 && baseline.persons === importRows;
      if (!correct) say(`  WARNING: the first import ended ${first.status} with ${JSON.stringify(first.counts)}; ${baseline.persons} files found`);
      rows.push({
        case: `import of ${importRows.toLocaleString('en')} new rows (XLSX)`,
        service: rate(first.ms),
        baseline: rate(baseline.ms),
        ratio: baseline.ms / first.ms,
        target,
        met: correct && first.ms <= limitMs,
        detail: { ...first, limitMs, baseline },
      });
      if (second) {
        if (second.status !== 'done' || second.counts.unchanged !== importRows) {
          say(`  WARNING: the re-import ended ${second.status} with ${JSON.stringify(second.counts)}`);
        }
        rows.push({
          case: 're-import of the same file (unchanged)',
          service: rate(second.ms),
          baseline: '—',
          ratio: null,
          target: 'reported',
          met: null,
          detail: { ...second },
        });
      }
      cases.import = {
        rows: importRows,
        fileBytes: result.fileBytes,
        generateMs: result.generateMs,
        provinceId: result.provinceId,
        communes: result.unitCodes.length,
        queuePrefix: IMPORT_QUEUE_PREFIX,
        first,
        second,
        limitMs,
        baseline: { ...baseline, rowsPerStatement: IMPORT_BASELINE_CHUNK },
        /** Of this process (the bench and the import's service alike), from before the case to its end. */
        memory: { before: importMemory.peaks.get('idle'), peak: importMemory.peaks.get('import') },
      };
    } catch (err) {
      importMemory.stop();
      say(`  import case failed: ${(err as Error).message}`);
      rows.push({
        case: `import of ${importRows.toLocaleString('en')} new rows (XLSX)`,
        service: 'failed',
        baseline: '—',
        ratio: null,
        target,
        met: false,
        detail: { error: (err as Error).message },
      });
      cases.import = { rows: importRows, error: (err as Error).message };
      await clearImportQueues(config.redisUrl).catch(() => undefined);
    }
  }

  await pool.end();
  await baselinePool.end();

  // ---- report ----
  const header = ['case', 'service', 'baseline', 'ratio', 'target', 'met?'];
  const table = rows.map((r) => [r.case, r.service, r.baseline, r.ratio === null ? '—' : `${r.ratio.toFixed(2)}x`, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const markdown = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.map(line)].join('\n');
  console.log(`\n${markdown}\n`);

  const result = {
    startedAt: started.toISOString(),
    wallSeconds: (performance.now() - wall) / 1000,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    params: { persons: personCount, duration, connections, supervisions: supervisionCount, repeat, skipSeed, database: dbName },
    seed: seed && { seed: seed.seed, asOf: seed.asOf, seconds: seed.ms.total / 1000, rows: seed.rows },
    cases,
    rows,
    markdown,
  };
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  writeFileSync(join(benchDir, 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  say(`wrote bench/results/latest.json`);
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.stack ?? err.message}`);
  process.exitCode = 1;
});

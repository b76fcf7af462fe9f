import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { migrate } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/config.js';
import { checkFlags, databaseExists, intFlag, parseFlags, recreateDatabase, stringFlag } from './database.js';
import { DEFAULT_PASSWORD, seedDatabase } from './generator.js';
import { freePort, waitForHealth } from './service-process.js';

/**
 * `npm run bench:web -- [--persons N] [--skip-seed] [--database-url URL] [--repeat R] [--province CODE]`
 *
 * The coverage dashboard of a province, drawn in a real browser: seeds (or reuses) a benchmark
 * database at the national scale (250,000 people by default, as `npm run seed:demo`), starts the
 * built service (`npm run build` first) on it, computes the province's report for last month,
 * then opens the dashboard in Debian's Chromium as the province officer R times. Each time the page
 * itself records, from its navigation start, when the coverage table and the ECharts trend were
 * drawn (performance marks `coverage:table` and `coverage:chart`). Target: both under 2 s.
 * Writes bench/results/web-dashboard.json.
 */

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const TARGET_MS = 2_000;

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  checkFlags(flags, ['persons', 'skip-seed', 'database-url', 'repeat', 'province']);
  const persons = intFlag(flags, 'persons', 250_000, 1);
  const repeat = intFlag(flags, 'repeat', 5, 1);
  const databaseUrl = stringFlag(flags, 'database-url') ?? `postgres://postgres@127.0.0.1:5432/cmbench_web${persons >= 1000 ? `${Math.round(persons / 1000)}k` : persons}`;
  const dbName = new URL(databaseUrl).pathname.slice(1);
  if (!/bench/i.test(dbName)) throw new Error(`refusing to use a database whose name does not say "bench": ${dbName}`);
  const wall = performance.now();
  const say = (line: string) => console.log(`[${((performance.now() - wall) / 1000).toFixed(1).padStart(6)} s] ${line}`);

  // The seed encrypts with DATA_KEY: the service is started below with the same one.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: process.env.JWT_SECRET ?? 'bench-web-dashboard-secret-0123456789abcdef',
    DATA_KEY: process.env.DATA_KEY ?? '5b'.repeat(32),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'bench-admin-password',
    LOG_LEVEL: 'warn',
  };
  if (flags.get('skip-seed') === true) {
    if (!(await databaseExists(databaseUrl))) throw new Error(`--skip-seed: database ${dbName} does not exist`);
    say(`reusing ${dbName}`);
  } else {
    say(`seeding ${dbName} with ${persons.toLocaleString('en')} people`);
    await recreateDatabase(databaseUrl);
    await migrate(databaseUrl);
    const seeded = await seedDatabase({ databaseUrl, config: loadConfig(env), persons, seed: 1, log: () => undefined });
    say(`seeded ${seeded.persons.toLocaleString('en')} people in ${(seeded.ms.total / 1000).toFixed(1)} s`);
  }

  // The most populous province, or the one asked for.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const [province] = (
    await db.query<{ id: string; code: string; name: string; people: string }>(
      `SELECT u.id, u.code, u.name, count(p.id) AS people
         FROM admin_units u JOIN admin_units c ON c.path LIKE u.path || '%' LEFT JOIN persons p ON p.residence_unit_id = c.id
        WHERE u.level = 'province' ${stringFlag(flags, 'province') ? 'AND u.code = $1' : ''}
        GROUP BY u.id ORDER BY count(p.id) DESC, u.code LIMIT 1`,
      stringFlag(flags, 'province') ? [stringFlag(flags, 'province')] : [],
    )
  ).rows;
  await db.end();
  if (!province) throw new Error('no province found');
  say(`province ${province.name} (${province.code}): ${Number(province.people).toLocaleString('en')} people`);

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', QUEUE_PREFIX: `cmbench:web:${process.pid}` },
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    await waitForHealth(baseURL, child, 300);
    const username = `po.${province.code.toLowerCase()}`;
    const { accessToken } = await json<{ accessToken: string }>(
      await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEFAULT_PASSWORD }) }),
    );
    // Last month's report, computed once before the dashboard is opened (the dashboard reads it).
    const now = new Date(Date.now() + 7 * 3600_000);
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const { jobId } = await json<{ jobId: string }>(
      await fetch(`${baseURL}/api/v1/reports/coverage`, { method: 'POST', headers: auth, body: JSON.stringify({ unitId: province.id, from, to }) }),
    );
    const computing = performance.now();
    for (;;) {
      const job = await json<{ status: string }>(await fetch(`${baseURL}/api/v1/reports/coverage/jobs/${jobId}`, { headers: auth }));
      if (job.status === 'done') break;
      if (job.status === 'failed') throw new Error('the coverage job failed');
      await new Promise((r) => setTimeout(r, 250));
    }
    say(`report of ${from}..${to} computed in ${Math.round(performance.now() - computing)} ms`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Danh mục chính' }).waitFor();

    const runs: { table: number; chart: number }[] = [];
    for (let i = 0; i < repeat; i++) {
      // A full page load each time: the session comes back through the refresh cookie.
      await page.goto(`${baseURL}/coverage`);
      const times = await page.waitForFunction(
        () => {
          const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime;
          const table = at('coverage:table');
          const chart = at('coverage:chart');
          return table !== undefined && chart !== undefined ? { table, chart } : null;
        },
        undefined,
        { timeout: 60_000 },
      );
      const run = (await times.jsonValue())!;
      runs.push({ table: Math.round(run.table), chart: Math.round(run.chart) });
      say(`run ${i + 1}: table drawn at ${runs[i]!.table} ms, chart at ${runs[i]!.chart} ms after navigation${i === 0 ? ' (cold browser cache)' : ''}`);
    }
    const drawn = runs.map((r) => Math.max(r.table, r.chart));
    const result = {
      case: `coverage dashboard of a province (${Number(province.people).toLocaleString('en')} people of ${persons.toLocaleString('en')})`,
      province: province.code,
      persons,
      first: drawn[0],
      median: median(drawn),
      max: Math.max(...drawn),
      target: `< ${TARGET_MS} ms`,
      met: median(drawn) < TARGET_MS,
      runs,
      at: new Date().toISOString(),
    };
    console.log(
      `\n${result.case}: navigation to table and chart drawn, median ${result.median} ms (first ${result.first} ms, max ${result.max} ms) ` +
        `over ${repeat} loads; target < ${TARGET_MS} ms: ${result.met ? 'met' : 'NOT met'}`,
    );
    mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/results/web-dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

main().catch((err: Error) => {
  console.error(`web dashboard bench failed: ${err.message}`);
  process.exitCode = 1;
});

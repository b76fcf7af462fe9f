import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { LoadResult, LoadSpec } from './load.js';
import { formatSummary, summarise } from './profile-summary.js';
import { freePort, waitForHealth } from './service-process.js';

/**
 * The service's own CPU time per answer on the person reads, apart from the bench process: starts
 * the built service (`dist/src/main.js`, API only) as a child process, optionally under
 * `node --cpu-prof`, signs in as the commune worker of the busiest commune or the officer of the
 * busiest province of a seeded bench database (`npm run bench` seeds one), loads one read route
 * with autocannon from another child, and reads the service's CPU time (user + system, from
 * /proc) over the load. With `--cpu-prof DIR` it then stops the service and summarises its profile
 * over the load's samples only (bench/profile-summary.ts).
 *
 *   node dist/bench/profile-reads.js --database-url postgres://…/cmbench_perf [--route id|search]
 *     [--who commune|province] [--duration 10] [--connections 10] [--cpu-prof DIR] [--password PW]
 *
 * The service gets the environment of this process (so the same DATA_KEY and JWT_SECRET, or the
 * same `.data/dev-secrets.json` when run from the same folder) with the database, `RUN_WORKERS=false`,
 * `RUN_MIGRATIONS=false` and `LOG_LEVEL` (warn, as the bench) set.
 */

const here = dirname(fileURLToPath(import.meta.url));
const CLOCK_TICKS = 100;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** CPU time of a process so far (user + system), in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cmprofile-'));
  const file = join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((ok, fail) => {
    execFile(process.execPath, [join(here, 'load.js'), file], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (err) return fail(new Error(`load generator failed: ${stderr || err.message}`));
      ok(JSON.parse(stdout.trim().split('\n').pop() as string) as LoadResult);
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const databaseUrl = flag(args, 'database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cmbench';
  const route = flag(args, 'route') ?? 'id';
  const who = flag(args, 'who') ?? 'commune';
  const duration = Number(flag(args, 'duration') ?? '10');
  const connections = Number(flag(args, 'connections') ?? '10');
  const password = flag(args, 'password') ?? 'bench-password-2025';
  const profileDir = flag(args, 'cpu-prof');
  if (!['id', 'search'].includes(route) || !['commune', 'province'].includes(who)) throw new Error('--route id|search, --who commune|province');

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const [commune] = (
    await pool.query<{ code: string; path: string }>(
      `SELECT r.code, r.path, count(*)::int AS people FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id
        GROUP BY r.id ORDER BY people DESC, r.code LIMIT 1`,
    )
  ).rows;
  const [province] = (
    await pool.query<{ code: string; path: string }>(
      `SELECT u.code, u.path FROM (
         SELECT split_part(r.path, '/', 1)::uuid AS id, count(*)::int AS people
           FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id GROUP BY 1 ORDER BY 2 DESC LIMIT 1) x
       JOIN admin_units u ON u.id = x.id`,
    )
  ).rows;
  const unit = who === 'commune' ? commune : province;
  const username = `${who === 'commune' ? 'cw' : 'po'}.${unit.code}`;
  const paths =
    route === 'id'
      ? (
          await pool.query<{ id: string }>(
            `SELECT p.id FROM persons p JOIN admin_units r ON r.id = p.residence_unit_id WHERE r.path LIKE $1 ORDER BY md5(p.id::text) LIMIT 500`,
            [`${unit.path}%`],
          )
        ).rows.map((r) => `/api/v1/persons/${r.id}`)
      : ['nguyễn', 'tran van', 'Hùng', 'le thi', 'Phạm Minh', 'dung'].map((q) => `/api/v1/persons?q=${encodeURIComponent(q)}&status=addicted&page=1`);
  await pool.end();

  const port = await freePort();
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir)] : [];
  const child = spawn(process.execPath, [...nodeArgs, join(here, '..', 'src', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      RUN_WORKERS: 'false',
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      QUEUE_PREFIX: 'cmbench-profile',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (login.status !== 200) throw new Error(`login of ${username} answered ${login.status}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const spec = { url, paths, headers: { authorization: `Bearer ${accessToken}` }, connections };
    await runLoad({ ...spec, durationSeconds: 2 });
    const cpu0 = cpuMsOf(child.pid as number);
    const fromUs = monotonicUs();
    const result = await runLoad({ ...spec, durationSeconds: duration });
    const toUs = monotonicUs();
    const cpuMs = cpuMsOf(child.pid as number) - cpu0;
    console.log(
      `${route === 'id' ? 'GET /persons/:id' : 'GET /persons?q&status'} as ${username}: ${Math.round(result.requestsPerSecond)} req/s, ` +
        `${result.requests} requests (${result.non2xx} non-2xx, ${result.errors} errors), p99 ${result.p99Ms} ms, ` +
        `service CPU ${(cpuMs / Math.max(1, result.requests)).toFixed(3)} ms/req`,
    );
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGINT');
    await exited;
    if (profileDir) {
      const files = readdirSync(profileDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(profileDir, f));
      const newest = files.sort().pop();
      if (!newest) throw new Error(`no profile in ${profileDir}`);
      console.log(`profile: ${newest} (the load: --from-us ${fromUs} --to-us ${toUs} --requests ${result.requests})`);
      const summary = summarise(JSON.parse(readFileSync(newest, 'utf8')), Number(flag(args, 'top') ?? '30'), { fromUs, toUs });
      console.log(formatSummary(summary, result.requests));
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

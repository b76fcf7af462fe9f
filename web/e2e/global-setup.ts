import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, waitForHealth } from '../../bench/service-process.js';
import { seed, SITE_NAMES, STATE_FILE, type SiteName } from './seed';

const ROOT = resolve(import.meta.dirname, '../..');

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface Service {
  baseURL: string;
  adminPassword: string;
  stop: () => Promise<void>;
}

/**
 * Starts the built service (npm run build first) on a free port with a fresh, empty database named
 * as a test database and its own Redis key prefix; `stop` ends it and drops both.
 */
export async function startService(name = 'web'): Promise<Service> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const database = `cmtest_${name}_${runId}`;
  const prefix = `cmtest:${name}:${runId}`;
  const serverUrl = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  serverUrl.pathname = `/${database}`;
  await onServer(`CREATE DATABASE ${database}`);
  // Commits need not wait for the WAL flush: nothing here must survive a crash of the server.
  await onServer(`ALTER DATABASE ${database} SET synchronous_commit = off`);

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const adminPassword = 'admin-password-for-web-tests';
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: serverUrl.toString(),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: prefix,
      JWT_SECRET: 'web-test-secret-web-test-secret-0123456789',
      DATA_KEY: '0e'.repeat(32),
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: adminPassword,
      ARGON2_MEMORY_KIB: '1024',
      LOG_LEVEL: 'warn',
      // Short access tokens: every screen also exercises the silent renewal through the cookie.
      ACCESS_TOKEN_TTL_SECONDS: '20',
      WEB_IDLE_MINUTES: '30',
      LOGIN_MAX_FAILURES: '1000',
    },
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  };
  try {
    await waitForHealth(baseURL, child, 120);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseURL, adminPassword, stop };
}

/** The sites to seed: WEB_SITES (comma-separated, as web/run-tests.mjs sets it per run), else both. */
function sitesToSeed(): SiteName[] {
  const asked = (process.env.WEB_SITES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = asked.filter((s) => !(SITE_NAMES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`WEB_SITES names no known site: ${unknown.join(', ')} (known: ${SITE_NAMES.join(', ')})`);
  return asked.length ? (asked as SiteName[]) : [...SITE_NAMES];
}

/** Starts the service and seeds it through the API for the tests; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const sites = sitesToSeed();
  const { baseURL, adminPassword, stop } = await startService();
  try {
    const state = await seed(baseURL, adminPassword, sites);
    mkdirSync(dirname(STATE_FILE), { recursive: true });
    writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
    process.env.WEB_BASE_URL = baseURL;
  } catch (err) {
    await stop();
    throw err;
  }
  return stop;
}

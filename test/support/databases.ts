import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.js';

/** The server the test databases live on; a maintenance database, never used for data. */
export const serverUrl = () => process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Refuses any database whose name does not say it is a test database. */
export function assertTestDatabase(name: string): void {
  if (!/^cmtest_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch a database not named as a test database: ${name}`);
}

export async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a test database (a clone of `template` when given). Its sessions commit without waiting
 * for the WAL flush (synchronous_commit off): what a commit makes visible is the same, only a crash
 * of the server could lose the last commits, which a test database never needs to survive.
 */
export async function createDatabase(name: string, template?: string): Promise<void> {
  assertTestDatabase(name);
  if (template) assertTestDatabase(template);
  await onServer(async (c) => {
    // CREATE DATABASE ... TEMPLATE fails if another session is cloning the same template at once.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
        await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
        return;
      } catch (err) {
        if (attempt < 20 && /being accessed by other users/.test((err as Error).message)) {
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          continue;
        }
        throw err;
      }
    }
  });
}

export async function dropDatabase(name: string): Promise<void> {
  assertTestDatabase(name);
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Creates and migrates this run's template database once; the first test file to arrive does it
 * while the others wait on the advisory lock.
 */
export async function ensureTemplate(template: string): Promise<void> {
  assertTestDatabase(template);
  await onServer(async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      await c.query(`CREATE DATABASE ${template}`);
      await c.query(`ALTER DATABASE ${template} SET synchronous_commit = off`);
      const ds = new DataSource(dataSourceOptions(databaseUrl(template), { extra: { max: 1 } }));
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
      } finally {
        await ds.destroy();
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
}

/**
 * A database of a migration test's own, created before its suite and dropped after (with the
 * DataSource the test leaves in `ds`). Call it inside `describe`.
 */
export function migrationTestDatabase(prefix: string): { name: string; ds?: DataSource } {
  const db: { name: string; ds?: DataSource } = { name: `cmtest_${prefix}_${randomBytes(4).toString('hex')}_${process.env.CM_TEST_RUN_ID}` };
  beforeAll(async () => {
    await createDatabase(db.name);
  });
  afterAll(async () => {
    if (db.ds?.isInitialized) await db.ds.destroy();
    await dropDatabase(db.name);
  });
  return db;
}

import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createHttpApp } from '../../src/bootstrap.js';
import { grantAppRole } from '../../src/database/app-role.js';
import { onServer } from '../support/databases.js';
import { admin } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The service can run as a database role that owns nothing (DATABASE_APP_ROLE, as docker-compose
 * does): it works, and that role can neither rewrite the audit log nor switch its triggers off.
 */
describe('the service as a role that owns nothing', () => {
  let t: TestApp;
  const role = `cmtest_app_${randomBytes(4).toString('hex')}`;
  let roleUrl: string;
  let client: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    await onServer((c) => c.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`));
    await grantAppRole(t.db, role);
    const url = new URL(t.databaseUrl);
    url.username = role;
    url.password = '';
    roleUrl = url.toString();
    client = new pg.Client({ connectionString: roleUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await t?.db.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await t?.close();
    await onServer((c) => c.query(`DROP ROLE IF EXISTS ${role}`));
  });

  const refusal = (sql: string) => client.query(sql).then(
    () => 'accepted',
    (err: { code?: string }) => err.code,
  );

  it('reads and writes the tables and appends to the audit log', async () => {
    await client.query(`SELECT count(*) FROM persons`);
    await client.query(`INSERT INTO audit_logs (action, entity) VALUES ('test', 'role')`);
    const owners: { n: number }[] = (await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`)).rows;
    expect(owners[0].n).toBe(0);
  });

  it('cannot change, delete, truncate or unprotect the audit log, nor change the schema', async () => {
    expect(await refusal(`UPDATE audit_logs SET action = 'x'`)).toBe('42501');
    expect(await refusal(`DELETE FROM audit_logs`)).toBe('42501');
    expect(await refusal(`TRUNCATE audit_logs`)).toBe('42501');
    expect(await refusal(`ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_update_delete`)).toBe('42501');
    expect(await refusal(`SET session_replication_role = replica`)).toBe('42501');
    expect(await refusal(`DROP TRIGGER audit_logs_no_update_delete ON audit_logs`)).toBe('42501');
    expect(await refusal(`DROP TABLE persons`)).toBe('42501');
    expect(await refusal(`DELETE FROM schema_migrations`)).toBe('42501');
  });

  it('serves requests as that role', async () => {
    const app = await createHttpApp(t.config, roleUrl);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.getHttpServer().address() as { port: number };
      const base = `http://127.0.0.1:${address.port}`;
      const root = await admin(t);
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: root.username, password: root.password }),
      });
      expect(res.status).toBe(200);
      const rows: unknown[] = await t.db.query(`SELECT 1 FROM audit_logs WHERE action = 'login' AND actor_id = $1`, [root.id]);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

import type { DataSource } from 'typeorm';

/** A PostgreSQL role name the grants may name (quoted as an identifier anyway). */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives the role the service runs as (DATABASE_APP_ROLE) what it needs and nothing more, after the
 * migrations ran as the owner: read and write the tables, never own them. Not owning `audit_logs`,
 * it cannot disable or drop its append-only triggers, and UPDATE, DELETE and TRUNCATE on it are not
 * even granted; without superuser it cannot set session_replication_role to skip them.
 */
export async function grantAppRole(ds: DataSource, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error('DATABASE_APP_ROLE must be a plain lower-case role name');
  const r = `"${role}"`;
  await ds.transaction(async (m) => {
    await m.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await m.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await m.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_logs FROM ${r}`);
    // The migration history is the owner's business.
    await m.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${r}`);
  });
}

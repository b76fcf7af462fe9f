import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service caches who an active caller is per process (src/modules/auth/callers.ts) and drops
 * it when told on the channel `caller_state`. These triggers tell it, from the database itself, so
 * that no write path can forget to: any update or deletion of a user (deactivation, role, unit or
 * facility, password), a refresh token revoked (logout, an ended session, a reused refresh token, a
 * password change or reset) send the user's id; a unit's path changed sends `*` (everybody).
 * A notification is delivered when its transaction commits, and never if it rolls back.
 */
export class CallerStateNotify1766300000000 implements MigrationInterface {
  name = 'CallerStateNotify1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_caller_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('caller_state', OLD.id::text);
        ELSIF TG_TABLE_NAME = 'refresh_tokens' THEN
          PERFORM pg_notify('caller_state', NEW.user_id::text);
        ELSE
          PERFORM pg_notify('caller_state', '*');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tr_users_caller_state AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_caller_state()`);
    await q.query(
      `CREATE TRIGGER tr_refresh_tokens_caller_state AFTER UPDATE OF revoked_at ON refresh_tokens
         FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION notify_caller_state()`,
    );
    await q.query(`CREATE TRIGGER tr_admin_units_caller_state AFTER UPDATE OF path ON admin_units FOR EACH STATEMENT EXECUTE FUNCTION notify_caller_state()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_admin_units_caller_state ON admin_units`);
    await q.query(`DROP TRIGGER tr_refresh_tokens_caller_state ON refresh_tokens`);
    await q.query(`DROP TRIGGER tr_users_caller_state ON users`);
    await q.query(`DROP FUNCTION notify_caller_state()`);
  }
}

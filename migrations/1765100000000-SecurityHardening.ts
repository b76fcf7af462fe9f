import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_REMINDER_KINDS = ['follow_up_due', 'follow_up_overdue', 'missed_doses', 'supervision_ending', 'enrollment_ending', 'management_ending'];
const NEW_REMINDER_KINDS = [...OLD_REMINDER_KINDS, 'transfer_in', 'conflict_cap'];
const kinds = (list: string[]) => list.map((k) => `'${k}'`).join(', ');

/**
 * Transfers of a file between communes, request to decision; fixed-window counters for the limits
 * that are not logins (lookups, heavy reports); the addresses a user has logged in from (their
 * failures are not held back by the per-username limit); usernames stored lower case; an index for
 * counting one user's audit rows of a kind (national-id conflicts per day); two reminder kinds.
 */
export class SecurityHardening1765100000000 implements MigrationInterface {
  name = 'SecurityHardening1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE transfer_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        from_unit_id uuid NOT NULL REFERENCES admin_units(id),
        to_unit_id uuid NOT NULL REFERENCES admin_units(id),
        approver_unit_id uuid REFERENCES admin_units(id),
        origin text NOT NULL CHECK (origin IN ('request', 'national_id_conflict')),
        reason text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
        requested_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        refusal_reason text,
        moved_on date,
        CONSTRAINT ck_transfer_requests_units CHECK (from_unit_id <> to_unit_id),
        CONSTRAINT ck_transfer_requests_decided CHECK ((status = 'pending') = (decided_at IS NULL)),
        CONSTRAINT ck_transfer_requests_refused CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
        CONSTRAINT ck_transfer_requests_moved CHECK ((status = 'accepted') = (moved_on IS NOT NULL))
      )`);
    // One pending request per file and receiving commune: a second conflict joins the first.
    await q.query(`CREATE UNIQUE INDEX uq_transfer_requests_pending ON transfer_requests (person_id, to_unit_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix_transfer_requests_approver ON transfer_requests (approver_unit_id, status, created_at)`);
    await q.query(`CREATE INDEX ix_transfer_requests_from ON transfer_requests (from_unit_id, created_at)`);
    await q.query(`CREATE INDEX ix_transfer_requests_to ON transfer_requests (to_unit_id, created_at)`);

    await q.query(`
      CREATE TABLE rate_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_start timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE login_known_addresses (
        username text NOT NULL,
        ip text NOT NULL,
        last_login_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (username, ip)
      )`);
    await q.query(`CREATE INDEX ix_audit_logs_actor_action ON audit_logs (actor_id, action, at)`);
    // Usernames were compared case-blind already (the unique index is on lower(username)), so no two collide.
    await q.query(`UPDATE users SET username = lower(username) WHERE username <> lower(username)`);

    await q.query(`ALTER TABLE reminders DROP CONSTRAINT IF EXISTS reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${kinds(NEW_REMINDER_KINDS)}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminders WHERE kind IN ('transfer_in', 'conflict_cap')`);
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT IF EXISTS reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${kinds(OLD_REMINDER_KINDS)}))`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_logs_actor_action`);
    await q.query(`DROP TABLE IF EXISTS login_known_addresses`);
    await q.query(`DROP TABLE IF EXISTS rate_counters`);
    await q.query(`DROP TABLE IF EXISTS transfer_requests`);
  }
}

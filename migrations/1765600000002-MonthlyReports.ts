import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly commune reports. A submitted report is a stored snapshot of the month's figures that
 * never changes (triggers refuse UPDATE and DELETE, as for the audit log); a correction is a new
 * version beside it. Notices tell communes a report is due and the province that one is overdue.
 * Social support is recorded as service contacts: job placements and loans join vocational training.
 */
export class MonthlyReports1765600000002 implements MigrationInterface {
  name = 'MonthlyReports1765600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monthly_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES admin_units(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        version integer NOT NULL CHECK (version >= 1),
        figures jsonb NOT NULL,
        comment text,
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL,
        CONSTRAINT uq_monthly_reports_version UNIQUE (unit_id, month, version)
      )`);
    await q.query(`CREATE INDEX ix_monthly_reports_month ON monthly_reports (month, unit_id, version DESC)`);
    await q.query(`
      CREATE FUNCTION monthly_reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a submitted monthly report never changes: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER monthly_reports_no_update_delete BEFORE UPDATE OR DELETE ON monthly_reports
      FOR EACH ROW EXECUTE FUNCTION monthly_reports_immutable()`);

    await q.query(`
      CREATE TABLE monthly_report_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('report_due', 'report_overdue')),
        unit_id uuid NOT NULL REFERENCES admin_units(id),
        month date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_monthly_report_notices_once UNIQUE (kind, unit_id, month)
      )`);

    await q.query(`ALTER TABLE service_contacts DROP CONSTRAINT service_contacts_type_check`);
    await q.query(
      `ALTER TABLE service_contacts ADD CONSTRAINT service_contacts_type_check CHECK (type IN ('counseling', 'support', 'medical', 'vocational', 'job', 'loan'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM service_contacts WHERE type IN ('job', 'loan')`);
    await q.query(`ALTER TABLE service_contacts DROP CONSTRAINT service_contacts_type_check`);
    await q.query(
      `ALTER TABLE service_contacts ADD CONSTRAINT service_contacts_type_check CHECK (type IN ('counseling', 'support', 'medical', 'vocational'))`,
    );
    await q.query(`DROP TABLE monthly_report_notices`);
    await q.query(`DROP TABLE monthly_reports`);
    await q.query(`DROP FUNCTION monthly_reports_immutable()`);
  }
}

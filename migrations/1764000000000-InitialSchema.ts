import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema, written by hand. Enumerations are CHECK constraints on text, so a new
 * value is a one-line migration; dates without a time of day are `date`.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE admin_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        parent_id uuid REFERENCES admin_units(id),
        path text NOT NULL,
        population integer CHECK (population >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_admin_units_code UNIQUE (code),
        CONSTRAINT ck_admin_units_root CHECK ((parent_id IS NULL) = (level = 'province'))
      )`);
    await q.query(`CREATE UNIQUE INDEX ix_admin_units_path ON admin_units (path text_pattern_ops)`);
    await q.query(`CREATE INDEX ix_admin_units_parent ON admin_units (parent_id)`);

    await q.query(`
      CREATE TABLE facilities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('methadone_clinic', 'rehab_facility', 'health_station')),
        admin_unit_id uuid NOT NULL REFERENCES admin_units(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_facilities_code UNIQUE (code)
      )`);
    await q.query(`CREATE INDEX ix_facilities_unit ON facilities (admin_unit_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        password_hash text NOT NULL,
        full_name text,
        role text NOT NULL CHECK (role IN ('admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff')),
        admin_unit_id uuid REFERENCES admin_units(id),
        facility_id uuid REFERENCES facilities(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Only an administrator may have no unit (the first one is created before any unit exists).
        CONSTRAINT ck_users_unit CHECK (role = 'admin' OR admin_unit_id IS NOT NULL),
        CONSTRAINT ck_users_facility CHECK (role NOT IN ('clinic_staff', 'facility_staff') OR facility_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_username ON users (lower(username))`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id)`);

    // Failed logins per key (a username or an address) within a window; the database is the truth.
    await q.query(`
      CREATE TABLE login_failures (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_start timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE audit_logs (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        fields text[] NOT NULL DEFAULT '{}',
        ip text,
        request_id text,
        meta jsonb
      )`);
    await q.query(`CREATE INDEX ix_audit_logs_at ON audit_logs (at)`);
    await q.query(`CREATE INDEX ix_audit_logs_entity ON audit_logs (entity, entity_id)`);
    await q.query(`CREATE INDEX ix_audit_logs_actor ON audit_logs (actor_id, at)`);
    await q.query(`
      CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON audit_logs
      FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
      FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only()`);

    // Case codes: one counter per unit and year, incremented atomically by an upsert.
    await q.query(`
      CREATE TABLE case_code_counters (
        unit_id uuid NOT NULL REFERENCES admin_units(id),
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (unit_id, year)
      )`);

    await q.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_code text NOT NULL,
        full_name text NOT NULL,
        search_text text NOT NULL,
        date_of_birth date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('male', 'female')),
        national_id_cipher bytea,
        national_id_hash bytea,
        residence_unit_id uuid NOT NULL REFERENCES admin_units(id),
        address_cipher bytea,
        phone_cipher bytea,
        status text NOT NULL CHECK (status IN ('using', 'addicted')),
        substances text[] NOT NULL DEFAULT '{}',
        registered_on date NOT NULL,
        management_decision_on date,
        in_detention boolean NOT NULL DEFAULT false,
        closed_on date,
        close_reason text CHECK (close_reason IN ('moved_away', 'deceased', 'management_ended', 'detained', 'other')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_persons_case_code UNIQUE (case_code),
        CONSTRAINT ck_persons_closed CHECK ((closed_on IS NULL) = (close_reason IS NULL)),
        CONSTRAINT ck_persons_closed_after_registered CHECK (closed_on IS NULL OR closed_on >= registered_on)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_persons_national_id_open ON persons (national_id_hash) WHERE closed_on IS NULL AND national_id_hash IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_persons_national_id_hash ON persons (national_id_hash)`);
    await q.query(`CREATE INDEX ix_persons_residence ON persons (residence_unit_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_persons_created ON persons (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_persons_search ON persons USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE person_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        kind text NOT NULL,
        event_date date NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_person_events_person ON person_events (person_id, event_date)`);

    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        type text NOT NULL CHECK (type IN ('community', 'methadone', 'facility')),
        mode text CHECK (mode IN ('voluntary', 'compulsory')),
        facility_id uuid REFERENCES facilities(id),
        start_date date NOT NULL,
        planned_end_date date,
        end_date date,
        outcome text CHECK (outcome IN ('completed', 'dropped_out', 'transferred', 'relapsed', 'deceased', 'other')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_enrollments_facility CHECK (type = 'community' OR facility_id IS NOT NULL),
        CONSTRAINT ck_enrollments_planned_end CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
        CONSTRAINT ck_enrollments_end CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT ck_enrollments_ended CHECK ((status = 'ended') = (end_date IS NOT NULL AND outcome IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_enrollments_active_type ON enrollments (person_id, type) WHERE status = 'active'`);
    await q.query(`CREATE INDEX ix_enrollments_person ON enrollments (person_id, start_date)`);
    await q.query(`CREATE INDEX ix_enrollments_facility ON enrollments (facility_id, status)`);

    await q.query(`
      CREATE TABLE methadone_doses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        date date NOT NULL,
        dose_mg numeric(7, 2),
        status text NOT NULL CHECK (status IN ('taken', 'missed')),
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_methadone_doses_day UNIQUE (enrollment_id, date),
        CONSTRAINT ck_methadone_doses_taken CHECK (status <> 'taken' OR dose_mg > 0)
      )`);

    await q.query(`
      CREATE TABLE service_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        type text NOT NULL CHECK (type IN ('counseling', 'support', 'medical', 'vocational')),
        date date NOT NULL,
        facility_id uuid REFERENCES facilities(id),
        notes text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_service_contacts_person ON service_contacts (person_id, date)`);

    await q.query(`
      CREATE TABLE supervisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        source_enrollment_id uuid REFERENCES enrollments(id),
        start_date date NOT NULL,
        end_date date NOT NULL,
        interval_days integer NOT NULL DEFAULT 30 CHECK (interval_days BETWEEN 1 AND 366),
        supervisor_user_id uuid REFERENCES users(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
        outcome text CHECK (outcome IN ('completed', 'relapsed', 'moved_away', 'deceased', 'other')),
        ended_on date,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_supervisions_dates CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_supervisions_active ON supervisions (person_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX ix_supervisions_person ON supervisions (person_id, start_date)`);

    await q.query(`
      CREATE TABLE follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supervision_id uuid NOT NULL REFERENCES supervisions(id),
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'missed', 'cancelled')),
        visit_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_follow_ups_supervision ON follow_ups (supervision_id, due_date)`);
    await q.query(`CREATE INDEX ix_follow_ups_open_due ON follow_ups (due_date) WHERE status = 'scheduled'`);

    await q.query(`
      CREATE TABLE visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supervision_id uuid NOT NULL REFERENCES supervisions(id),
        follow_up_id uuid REFERENCES follow_ups(id),
        visit_date date NOT NULL,
        method text NOT NULL CHECK (method IN ('home_visit', 'phone', 'office')),
        drug_test text NOT NULL CHECK (drug_test IN ('negative', 'positive', 'not_done')),
        relapse boolean NOT NULL DEFAULT false,
        notes text,
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_visits_supervision ON visits (supervision_id, visit_date)`);
    await q.query(`ALTER TABLE follow_ups ADD CONSTRAINT fk_follow_ups_visit FOREIGN KEY (visit_id) REFERENCES visits(id)`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('follow_up_due', 'follow_up_overdue', 'missed_doses', 'supervision_ending', 'enrollment_ending', 'management_ending')),
        person_id uuid NOT NULL REFERENCES persons(id),
        subject_id uuid NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        message text NOT NULL,
        facility_id uuid REFERENCES facilities(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id),
        resolved_at timestamptz,
        CONSTRAINT uq_reminders_once UNIQUE (kind, subject_id, due_date)
      )`);
    await q.query(`CREATE INDEX ix_reminders_person ON reminders (person_id)`);
    await q.query(`CREATE INDEX ix_reminders_open ON reminders (status, due_date)`);

    await q.query(`
      CREATE TABLE coverage_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES admin_units(id),
        period_from date NOT NULL,
        period_to date NOT NULL,
        result jsonb NOT NULL,
        job_id text,
        computed_at timestamptz NOT NULL,
        CONSTRAINT uq_coverage_reports_period UNIQUE (unit_id, period_from, period_to),
        CONSTRAINT ck_coverage_reports_period CHECK (period_to >= period_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'coverage_reports',
      'reminders',
      'follow_ups',
      'visits',
      'supervisions',
      'service_contacts',
      'methadone_doses',
      'enrollments',
      'person_events',
      'persons',
      'case_code_counters',
      'audit_logs',
      'login_failures',
      'refresh_tokens',
      'users',
      'facilities',
      'admin_units',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_logs_append_only()`);
  }
}

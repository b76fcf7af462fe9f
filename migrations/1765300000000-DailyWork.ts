import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables of the day's work: methadone prescriptions kept as dated history (a change of dose is
 * a new row, never an overwrite), drug tests as records of their own, and the task a relapse
 * raises for the person's responsible worker with the decision taken on it. Supervisions are
 * looked up by their responsible worker for the task list.
 */
export class DailyWork1765300000000 implements MigrationInterface {
  name = 'DailyWork1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dose_prescriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        effective_from date NOT NULL,
        dose_mg numeric(7, 2) NOT NULL CHECK (dose_mg > 0),
        note text,
        prescribed_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_dose_prescriptions_day UNIQUE (enrollment_id, effective_from)
      )`);

    await q.query(`
      CREATE TABLE drug_tests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        test_date date NOT NULL,
        method text NOT NULL CHECK (method IN ('urine_rapid', 'saliva', 'blood', 'hair', 'other')),
        result text NOT NULL CHECK (result IN ('negative', 'positive', 'invalid')),
        substances text[] NOT NULL DEFAULT '{}',
        facility_id uuid REFERENCES facilities(id),
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_drug_tests_person ON drug_tests (person_id, test_date)`);

    await q.query(`
      CREATE TABLE relapse_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        supervision_id uuid REFERENCES supervisions(id),
        source text NOT NULL CHECK (source IN ('visit', 'drug_test')),
        source_id uuid NOT NULL,
        detected_on date NOT NULL,
        assigned_user_id uuid REFERENCES users(id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
        decision text CHECK (decision IN ('re_enroll_treatment', 'refer_compulsory_treatment', 'no_action')),
        decision_note text,
        decided_on date,
        decided_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_relapse_tasks_source UNIQUE (source, source_id),
        CONSTRAINT ck_relapse_tasks_decided CHECK ((status = 'decided') = (decision IS NOT NULL AND decided_on IS NOT NULL))
      )`);
    // One open relapse task per person: a second positive test before the decision adds nothing to do.
    await q.query(`CREATE UNIQUE INDEX uq_relapse_tasks_open ON relapse_tasks (person_id) WHERE status = 'open'`);

    await q.query(`CREATE INDEX ix_supervisions_supervisor ON supervisions (supervisor_user_id) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_supervisions_supervisor`);
    await q.query(`DROP TABLE IF EXISTS relapse_tasks`);
    await q.query(`DROP TABLE IF EXISTS drug_tests`);
    await q.query(`DROP TABLE IF EXISTS dose_prescriptions`);
  }
}

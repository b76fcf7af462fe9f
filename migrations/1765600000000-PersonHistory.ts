import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The state of each file over time: status, residence and detention, one row per span of days
 * [valid_from, valid_to) (`valid_to` null for the current one). Reports count a person with the
 * status and in the unit they had at the period's end, so a later change leaves a past period alone.
 *
 * Kept by triggers on `persons`, so every writer (the routes, imports, merges, raw fixtures) keeps
 * it: a new file opens a span from '-infinity'; an update that changes one of the three values
 * closes the open span and opens one on the effective date. That date is the transaction's
 * `cm.effective_date` setting (the service sets it to its clock's today, as it dates the file's
 * events), else the database's current date. Statement-level triggers, so a 500-row import batch
 * costs one insert. Existing files are backfilled from their `status_changed` and `moved` events.
 */
export class PersonHistory1765600000000 implements MigrationInterface {
  name = 'PersonHistory1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_history (
        person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        valid_from date NOT NULL,
        valid_to date,
        status text NOT NULL,
        residence_unit_id uuid NOT NULL REFERENCES admin_units(id),
        in_detention boolean NOT NULL,
        PRIMARY KEY (person_id, valid_from),
        CONSTRAINT ck_person_history_span CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_person_history_open ON person_history (person_id) WHERE valid_to IS NULL`);
    // Reports read the people of a subtree at a date: by residence unit, then the span.
    await q.query(
      `CREATE INDEX ix_person_history_residence ON person_history (residence_unit_id, valid_from) INCLUDE (valid_to, person_id, status, in_detention)`,
    );

    await q.query(`
      CREATE FUNCTION person_history_opened() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO person_history (person_id, valid_from, valid_to, status, residence_unit_id, in_detention)
        SELECT n.id, '-infinity', NULL, n.status, n.residence_unit_id, n.in_detention FROM new_rows n;
        RETURN NULL;
      END $$`);
    // The changed rows are read from the transition tables in each statement: an update that
    // changes none of the three values (most of them) finds none and writes nothing.
    const changed = `SELECT n.id, n.status, n.residence_unit_id, n.in_detention
                       FROM new_rows n JOIN old_rows o ON o.id = n.id
                      WHERE (n.status, n.residence_unit_id, n.in_detention) IS DISTINCT FROM (o.status, o.residence_unit_id, o.in_detention)`;
    await q.query(`
      CREATE FUNCTION person_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        d date := COALESCE(NULLIF(current_setting('cm.effective_date', true), '')::date, current_date);
      BEGIN
        -- A second change on the day the open span began (or with a clock set back) rewrites that span.
        UPDATE person_history h SET status = c.status, residence_unit_id = c.residence_unit_id, in_detention = c.in_detention
          FROM (${changed}) c WHERE h.person_id = c.id AND h.valid_to IS NULL AND h.valid_from >= d;
        UPDATE person_history h SET valid_to = d
          FROM (${changed}) c WHERE h.person_id = c.id AND h.valid_to IS NULL AND h.valid_from < d;
        INSERT INTO person_history (person_id, valid_from, valid_to, status, residence_unit_id, in_detention)
        SELECT c.id, CASE WHEN EXISTS (SELECT 1 FROM person_history h WHERE h.person_id = c.id) THEN d ELSE '-infinity' END,
               NULL, c.status, c.residence_unit_id, c.in_detention
          FROM (${changed}) c
         WHERE NOT EXISTS (SELECT 1 FROM person_history h WHERE h.person_id = c.id AND h.valid_to IS NULL)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER person_history_on_insert AFTER INSERT ON persons
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_history_opened()`);
    await q.query(`
      CREATE TRIGGER person_history_on_update AFTER UPDATE ON persons
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_history_changed()`);

    // Backfill: a span starts at '-infinity' and at each date with a status change or a move; the
    // values in it are those after the last such event on or before its start, or, before the
    // first, the first event's "from" value, or the file's current value. Detention has no history.
    await q.query(`
      WITH points AS (
        SELECT p.id AS person_id, '-infinity'::date AS d FROM persons p
        UNION
        SELECT e.person_id, e.event_date FROM person_events e WHERE e.kind IN ('status_changed', 'moved')
      ),
      spans AS (
        SELECT person_id, d AS valid_from, lead(d) OVER (PARTITION BY person_id ORDER BY d) AS valid_to FROM points
      )
      INSERT INTO person_history (person_id, valid_from, valid_to, status, residence_unit_id, in_detention)
      SELECT s.person_id, s.valid_from, s.valid_to,
             COALESCE(
               (SELECT e.data->>'to' FROM person_events e WHERE e.person_id = s.person_id AND e.kind = 'status_changed'
                   AND e.event_date <= s.valid_from ORDER BY e.event_date DESC, e.recorded_at DESC LIMIT 1),
               (SELECT e.data->>'from' FROM person_events e WHERE e.person_id = s.person_id AND e.kind = 'status_changed'
                 ORDER BY e.event_date, e.recorded_at LIMIT 1),
               p.status),
             COALESCE(
               (SELECT (e.data->>'toUnitId')::uuid FROM person_events e WHERE e.person_id = s.person_id AND e.kind = 'moved'
                   AND e.event_date <= s.valid_from ORDER BY e.event_date DESC, e.recorded_at DESC LIMIT 1),
               (SELECT (e.data->>'fromUnitId')::uuid FROM person_events e WHERE e.person_id = s.person_id AND e.kind = 'moved'
                 ORDER BY e.event_date, e.recorded_at LIMIT 1),
               p.residence_unit_id),
             p.in_detention
        FROM spans s JOIN persons p ON p.id = s.person_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER person_history_on_update ON persons`);
    await q.query(`DROP TRIGGER person_history_on_insert ON persons`);
    await q.query(`DROP FUNCTION person_history_changed()`);
    await q.query(`DROP FUNCTION person_history_opened()`);
    await q.query(`DROP TABLE person_history`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal rules as the law states them (Law 73/2021/QH14, Decree 116/2021/ND-CP):
 * - public holidays as dated data, so self-termination and the post-rehab deadlines count working days;
 * - a reason on a missed methadone dose (a missed dose with a reason is not an absence without one);
 * - the legal basis of a compulsory stay (administrative measure for an adult, court decision for a
 *   minor, from the age at the decision), the decisions and certificates with their numbers and
 *   dates, the post-rehab deadlines they start, and prior treatments known from paper files;
 * - the ways `using` management ends early (Art 23) as close reasons;
 * - the reminder kinds for self-termination and the post-rehab deadlines.
 *
 * The holidays seeded are the days off of the Labour Code 2019 Art 112 as announced for public
 * servants each year (Tết and the National Day spans, and the days off moved to a weekday); 2027
 * is projected from the lunar calendar and must be checked against that year's announcement.
 */
const HOLIDAYS: [string, string, string][] = [
  // [date, name, source]
  ['2025-01-01', 'Tết Dương lịch (New Year)', 'Labour Code 2019 Art 112; 2025 announcement'],
  ['2025-01-27', 'Tết Nguyên đán (28 Tháng Chạp)', 'Labour Code 2019 Art 112; 2025 announcement (days off 25 Jan-2 Feb)'],
  ['2025-01-28', 'Tết Nguyên đán (29 Tháng Chạp)', 'Labour Code 2019 Art 112; 2025 announcement (days off 25 Jan-2 Feb)'],
  ['2025-01-29', 'Tết Nguyên đán (Mùng 1)', 'Labour Code 2019 Art 112; 2025 announcement (days off 25 Jan-2 Feb)'],
  ['2025-01-30', 'Tết Nguyên đán (Mùng 2)', 'Labour Code 2019 Art 112; 2025 announcement (days off 25 Jan-2 Feb)'],
  ['2025-01-31', 'Tết Nguyên đán (Mùng 3)', 'Labour Code 2019 Art 112; 2025 announcement (days off 25 Jan-2 Feb)'],
  ['2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 lunar)', 'Labour Code 2019 Art 112; 2025 announcement'],
  ['2025-04-30', 'Ngày Chiến thắng (30/4)', 'Labour Code 2019 Art 112'],
  ['2025-05-01', 'Quốc tế Lao động (1/5)', 'Labour Code 2019 Art 112'],
  ['2025-05-02', 'Day off moved from Saturday 26 April', '2025 announcement (days off 30 Apr-4 May)'],
  ['2025-09-01', 'Quốc khánh (adjacent day)', 'Labour Code 2019 Art 112; 2025 announcement'],
  ['2025-09-02', 'Quốc khánh (2/9)', 'Labour Code 2019 Art 112'],
  ['2026-01-01', 'Tết Dương lịch (New Year)', 'Labour Code 2019 Art 112'],
  ['2026-02-16', 'Tết Nguyên đán (29 Tháng Chạp)', 'Labour Code 2019 Art 112; 2026 announcement (days off 14-22 Feb)'],
  ['2026-02-17', 'Tết Nguyên đán (Mùng 1)', 'Labour Code 2019 Art 112; 2026 announcement (days off 14-22 Feb)'],
  ['2026-02-18', 'Tết Nguyên đán (Mùng 2)', 'Labour Code 2019 Art 112; 2026 announcement (days off 14-22 Feb)'],
  ['2026-02-19', 'Tết Nguyên đán (Mùng 3)', 'Labour Code 2019 Art 112; 2026 announcement (days off 14-22 Feb)'],
  ['2026-02-20', 'Tết Nguyên đán (Mùng 4)', 'Labour Code 2019 Art 112; 2026 announcement (days off 14-22 Feb)'],
  ['2026-04-27', 'Giỗ Tổ Hùng Vương (26 April is a Sunday: day off moved)', 'Labour Code 2019 Art 112'],
  ['2026-04-30', 'Ngày Chiến thắng (30/4)', 'Labour Code 2019 Art 112'],
  ['2026-05-01', 'Quốc tế Lao động (1/5)', 'Labour Code 2019 Art 112'],
  ['2026-09-01', 'Quốc khánh (adjacent day, to check against the 2026 announcement)', 'Labour Code 2019 Art 112'],
  ['2026-09-02', 'Quốc khánh (2/9)', 'Labour Code 2019 Art 112'],
  ['2027-01-01', 'Tết Dương lịch (New Year)', 'Labour Code 2019 Art 112'],
  ['2027-02-04', 'Tết Nguyên đán (projected)', 'Labour Code 2019 Art 112; projected, check the 2027 announcement'],
  ['2027-02-05', 'Tết Nguyên đán (30 Tháng Chạp, projected)', 'Labour Code 2019 Art 112; projected, check the 2027 announcement'],
  ['2027-02-08', 'Tết Nguyên đán (Mùng 3, projected)', 'Labour Code 2019 Art 112; projected, check the 2027 announcement'],
  ['2027-02-09', 'Tết Nguyên đán (projected day off for Mùng 1 on a Saturday)', 'Labour Code 2019 Art 112; projected, check the 2027 announcement'],
  ['2027-02-10', 'Tết Nguyên đán (projected day off for Mùng 2 on a Sunday)', 'Labour Code 2019 Art 112; projected, check the 2027 announcement'],
  ['2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 lunar, projected)', 'Labour Code 2019 Art 112; projected, check the 2027 announcement'],
  ['2027-04-30', 'Ngày Chiến thắng (30/4)', 'Labour Code 2019 Art 112'],
  ['2027-05-03', 'Quốc tế Lao động (1 May is a Saturday: day off moved)', 'Labour Code 2019 Art 112'],
  ['2027-09-02', 'Quốc khánh (2/9)', 'Labour Code 2019 Art 112'],
  ['2027-09-03', 'Quốc khánh (adjacent day, projected)', 'Labour Code 2019 Art 112; projected, check the 2027 announcement'],
];

// The kinds as SecurityHardening1765100000000 left them (transfers, the conflict cap).
const REMINDER_KINDS_BEFORE = [
  'follow_up_due', 'follow_up_overdue', 'missed_doses', 'supervision_ending', 'enrollment_ending', 'management_ending',
  'transfer_in', 'conflict_cap',
];
const REMINDER_KINDS_AFTER = [...REMINDER_KINDS_BEFORE, 'self_termination', 'post_rehab_file_due', 'post_rehab_decision_due'];
const CLOSE_REASONS_BEFORE = ['moved_away', 'deceased', 'management_ended', 'detained', 'other'];
const CLOSE_REASONS_AFTER = [...CLOSE_REASONS_BEFORE, 'commune_education', 'reformatory', 'imprisoned'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');

export class LegalRules1765500000000 implements MigrationInterface {
  name = 'LegalRules1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE public_holidays (
        date date PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `INSERT INTO public_holidays (date, name, source) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`,
      [HOLIDAYS.map((h) => h[0]), HOLIDAYS.map((h) => h[1]), HOLIDAYS.map((h) => h[2])],
    );

    await q.query(`
      ALTER TABLE methadone_doses
        ADD COLUMN missed_reason text CHECK (missed_reason IN ('sick', 'hospitalised', 'detained', 'permitted_travel', 'other')),
        ADD CONSTRAINT ck_methadone_doses_reason CHECK (status = 'missed' OR missed_reason IS NULL)`);

    await q.query(`
      ALTER TABLE enrollments
        ADD COLUMN legal_basis text CHECK (legal_basis IN ('administrative_measure', 'court_decision')),
        ADD COLUMN age_at_decision integer CHECK (age_at_decision BETWEEN 0 AND 150),
        ADD COLUMN decision_no text CHECK (length(decision_no) BETWEEN 1 AND 100),
        ADD COLUMN decision_on date,
        ADD COLUMN certificate_no text CHECK (length(certificate_no) BETWEEN 1 AND 100),
        ADD COLUMN certificate_on date,
        ADD COLUMN early_completion_decision_no text CHECK (length(early_completion_decision_no) BETWEEN 1 AND 100),
        ADD COLUMN early_completion_decision_on date,
        ADD COLUMN post_rehab_file_due date,
        ADD COLUMN post_rehab_decision_due date,
        ADD COLUMN prior_completed_on_paper integer NOT NULL DEFAULT 0 CHECK (prior_completed_on_paper BETWEEN 0 AND 100),
        ADD CONSTRAINT ck_enrollments_legal_basis CHECK (legal_basis IS NULL OR (type = 'facility' AND mode = 'compulsory'))`);

    await q.query(`
      ALTER TABLE supervisions
        ADD COLUMN decision_no text CHECK (length(decision_no) BETWEEN 1 AND 100),
        ADD COLUMN decision_on date,
        ADD COLUMN term_rule text`);

    await q.query(`ALTER TABLE persons ADD COLUMN management_decision_no text CHECK (length(management_decision_no) BETWEEN 1 AND 100)`);
    await q.query(`ALTER TABLE persons DROP CONSTRAINT persons_close_reason_check`);
    await q.query(`ALTER TABLE persons ADD CONSTRAINT persons_close_reason_check CHECK (close_reason IN (${list(CLOSE_REASONS_AFTER)}))`);

    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${list(REMINDER_KINDS_AFTER)}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminders WHERE kind NOT IN (${list(REMINDER_KINDS_BEFORE)})`);
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (${list(REMINDER_KINDS_BEFORE)}))`);
    // Files closed for a reason the old schema lacks keep their closure, as 'management_ended'.
    await q.query(`UPDATE persons SET close_reason = 'management_ended' WHERE close_reason NOT IN (${list(CLOSE_REASONS_BEFORE)})`);
    await q.query(`ALTER TABLE persons DROP CONSTRAINT persons_close_reason_check`);
    await q.query(`ALTER TABLE persons ADD CONSTRAINT persons_close_reason_check CHECK (close_reason IN (${list(CLOSE_REASONS_BEFORE)}))`);
    await q.query(`ALTER TABLE persons DROP COLUMN management_decision_no`);
    await q.query(`ALTER TABLE supervisions DROP COLUMN decision_no, DROP COLUMN decision_on, DROP COLUMN term_rule`);
    await q.query(`
      ALTER TABLE enrollments
        DROP CONSTRAINT ck_enrollments_legal_basis,
        DROP COLUMN legal_basis, DROP COLUMN age_at_decision, DROP COLUMN decision_no, DROP COLUMN decision_on,
        DROP COLUMN certificate_no, DROP COLUMN certificate_on, DROP COLUMN early_completion_decision_no,
        DROP COLUMN early_completion_decision_on, DROP COLUMN post_rehab_file_due, DROP COLUMN post_rehab_decision_due,
        DROP COLUMN prior_completed_on_paper`);
    await q.query(`ALTER TABLE methadone_doses DROP CONSTRAINT ck_methadone_doses_reason, DROP COLUMN missed_reason`);
    await q.query(`DROP TABLE public_holidays`);
  }
}

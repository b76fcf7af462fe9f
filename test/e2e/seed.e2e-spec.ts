import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_PASSWORD, seedDatabase, type SeedOptions, type SeedResult } from '../../bench/generator.js';
import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import { createDatabase, databaseUrl, dropDatabase } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The synthetic data generator of the benchmark: deterministic, and valid by the domain's rules. */

const AS_OF = '2026-06-30';
const PERSONS = 200;

/** An independent statement of the search folding rule: NFD, no combining marks, đ → d, lower case. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** Every generated value (ids included; ciphertexts excluded: their IVs are random by design). */
const CHECKSUM_SQL = `
SELECT md5(string_agg(x, '|' ORDER BY x)) AS sum, count(*)::int AS n FROM (
  SELECT concat_ws(',', id, code, name, level, parent_id, path, population) AS x FROM admin_units
  UNION ALL SELECT concat_ws(',', id, code, name, type, admin_unit_id) FROM facilities
  UNION ALL SELECT concat_ws(',', id, case_code, full_name, search_text, date_of_birth, sex, encode(national_id_hash, 'hex'),
    residence_unit_id, status, substances::text, registered_on, management_decision_on, in_detention, closed_on, close_reason,
    created_by, created_at) FROM persons
  UNION ALL SELECT concat_ws(',', id, person_id, kind, event_date, data::text) FROM person_events
  UNION ALL SELECT concat_ws(',', id, person_id, type, mode, facility_id, start_date, planned_end_date, end_date, outcome, status) FROM enrollments
  UNION ALL SELECT concat_ws(',', id, enrollment_id, date, dose_mg, status) FROM methadone_doses
  UNION ALL SELECT concat_ws(',', id, person_id, type, date, facility_id, notes_cipher IS NOT NULL) FROM service_contacts
  UNION ALL SELECT concat_ws(',', id, person_id, source_enrollment_id, start_date, end_date, interval_days, status, outcome, ended_on) FROM supervisions
  UNION ALL SELECT concat_ws(',', id, supervision_id, due_date, status, visit_id) FROM follow_ups
  UNION ALL SELECT concat_ws(',', id, supervision_id, follow_up_id, visit_date, method, drug_test, relapse) FROM visits
) t`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe('synthetic data generator (bench/generator.ts)', () => {
  let t: TestApp;
  let seeded: SeedResult;
  const extra: string[] = [];
  const options = (url: string, seed: number): SeedOptions => ({
    databaseUrl: url,
    config: t.config,
    persons: PERSONS,
    seed,
    provinces: 3,
    communesPerProvince: 6,
    asOf: AS_OF,
    chunk: 64,
  });
  /** A second, empty migrated database from this run's template. */
  const freshDatabase = async () => {
    const name = `cmtest_seed_${randomBytes(4).toString('hex')}_${process.env.CM_TEST_RUN_ID}`;
    await createDatabase(name, process.env.CM_TEST_TEMPLATE);
    extra.push(name);
    return databaseUrl(name);
  };
  const rows = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => query<T>(t.databaseUrl, sql, params);

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedDatabase(options(t.databaseUrl, 42));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    for (const name of extra) await dropDatabase(name);
  });

  it('writes the people and a province tree with and without districts', async () => {
    expect(seeded.rows.persons).toBe(PERSONS);
    const [count] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM persons`);
    expect(count.n).toBe(PERSONS);
    const levels = await rows<{ level: string; parent_level: string | null; n: number }>(
      `SELECT u.level, p.level AS parent_level, count(*)::int AS n FROM admin_units u LEFT JOIN admin_units p ON p.id = u.parent_id
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    // 3 provinces; the first and third of the list keep districts (Hà Nội, Tuyên Quang), Cao Bằng has none.
    expect(levels.find((l) => l.level === 'province')?.n).toBe(3);
    expect(levels.filter((l) => l.level === 'commune').reduce((s, l) => s + l.n, 0)).toBe(18);
    expect(levels.some((l) => l.level === 'commune' && l.parent_level === 'district')).toBe(true);
    expect(levels.some((l) => l.level === 'commune' && l.parent_level === 'province')).toBe(true);
    const [paths] = await rows<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM admin_units u LEFT JOIN admin_units p ON p.id = u.parent_id
        WHERE u.path <> COALESCE(p.path, '') || u.id || '/'`,
    );
    expect(paths.bad).toBe(0);
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', async () => {
    const [first] = await rows<{ sum: string; n: number }>(CHECKSUM_SQL);
    const again = await freshDatabase();
    await seedDatabase(options(again, 42));
    const [second] = await query<{ sum: string; n: number }>(again, CHECKSUM_SQL);
    expect(second).toEqual(first);
    const codes = `SELECT case_code, full_name FROM persons ORDER BY case_code LIMIT 5`;
    expect(await query(again, codes)).toEqual(await rows(codes));

    const other = await freshDatabase();
    await seedDatabase(options(other, 43));
    const [third] = await query<{ sum: string; n: number }>(other, CHECKSUM_SQL);
    expect(third.sum).not.toBe(first.sum);
  }, 60_000);

  it('stores the folded name and the case code as search text, and Vietnamese names with diacritics', async () => {
    const people = await rows<{ full_name: string; case_code: string; search_text: string }>(`SELECT full_name, case_code, search_text FROM persons`);
    for (const p of people) {
      expect(p.search_text).toBe(`${fold(p.full_name)} ${p.case_code.toLowerCase()}`);
      expect(p.full_name).toBe(p.full_name.normalize('NFC'));
    }
    expect(people.some((p) => /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(p.full_name))).toBe(true);
    // Case codes follow the service's rule: commune code, year registered, 5-digit sequence.
    const [codes] = await rows<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM persons p JOIN admin_units u ON u.id = p.residence_unit_id
        WHERE p.case_code !~ ('^' || u.code || '-' || extract(year FROM p.registered_on) || '-\\d{5}$')`,
    );
    expect(codes.bad).toBe(0);
  });

  it('fills the files by the domain rules', async () => {
    const [p] = await rows<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE status = 'using')::int AS using,
              count(*) FILTER (WHERE status = 'addicted')::int AS addicted,
              count(*) FILTER (WHERE closed_on IS NOT NULL)::int AS closed,
              count(*) FILTER (WHERE registered_on < date_of_birth OR registered_on > $1::date OR closed_on > $1::date)::int AS bad_dates,
              count(*) FILTER (WHERE status = 'using' AND management_decision_on IS NULL)::int AS using_without_decision,
              count(*) FILTER (WHERE management_decision_on < registered_on)::int AS decision_before_file,
              count(*) FILTER (WHERE in_detention AND (closed_on IS NOT NULL OR status <> 'addicted'))::int AS odd_detention,
              count(*) FILTER (WHERE national_id_cipher IS NOT NULL)::int AS with_national_id,
              count(*) FILTER (WHERE (national_id_cipher IS NULL) <> (national_id_hash IS NULL))::int AS half_national_id
         FROM persons`,
      [AS_OF],
    );
    expect(p.using).toBeGreaterThan(0);
    expect(p.addicted).toBeGreaterThan(0);
    expect(p.closed).toBeGreaterThan(0);
    expect(p.with_national_id).toBeGreaterThan(0);
    expect([p.bad_dates, p.using_without_decision, p.decision_before_file, p.odd_detention, p.half_national_id]).toEqual([0, 0, 0, 0, 0]);
  });

  it('writes enrollments of every type and mode inside the open period, one active per type, doses only for methadone', async () => {
    const kinds = await rows<{ type: string; mode: string | null; status: string }>(`SELECT DISTINCT type, mode, status FROM enrollments`);
    for (const [type, mode] of [['community', 'voluntary'], ['methadone', null], ['facility', 'voluntary'], ['facility', 'compulsory']]) {
      expect(kinds.some((k) => k.type === type && k.mode === mode)).toBe(true);
    }
    expect(new Set(kinds.map((k) => k.status))).toEqual(new Set(['active', 'ended']));
    const [e] = await rows<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE e.start_date < p.registered_on OR e.end_date > COALESCE(p.closed_on, $1::date)
                                OR e.start_date > COALESCE(p.closed_on, $1::date))::int AS outside_file,
              count(*) FILTER (WHERE e.planned_end_date < e.start_date OR e.end_date < e.start_date)::int AS unordered,
              count(*) FILTER (WHERE e.status = 'active' AND p.closed_on IS NOT NULL)::int AS active_on_closed,
              count(*) FILTER (WHERE (e.type = 'methadone') <> (e.planned_end_date IS NULL))::int AS odd_planned_end,
              count(*) FILTER (WHERE e.type <> 'community' AND e.facility_id IS NULL)::int AS missing_facility
         FROM enrollments e JOIN persons p ON p.id = e.person_id`,
      [AS_OF],
    );
    expect(e).toEqual({ outside_file: 0, unordered: 0, active_on_closed: 0, odd_planned_end: 0, missing_facility: 0 });
    const [active] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT person_id, type FROM enrollments WHERE status = 'active' GROUP BY 1, 2 HAVING count(*) > 1) x`,
    );
    expect(active.n).toBe(0);
    const [d] = await rows<Record<string, number>>(
      `SELECT count(*)::int AS doses,
              count(*) FILTER (WHERE e.type <> 'methadone')::int AS not_methadone,
              count(*) FILTER (WHERE d.status = 'taken' AND NOT (d.dose_mg > 0))::int AS taken_without_dose,
              count(*) FILTER (WHERE d.status = 'missed' AND d.dose_mg IS NOT NULL)::int AS missed_with_dose,
              count(*) FILTER (WHERE d.status = 'missed')::int AS missed,
              count(*) FILTER (WHERE d.date < e.start_date OR d.date > COALESCE(e.end_date, $1::date - 1))::int AS outside
         FROM methadone_doses d JOIN enrollments e ON e.id = d.enrollment_id`,
      [AS_OF],
    );
    expect(d.doses).toBeGreaterThan(0);
    expect(d.missed).toBeGreaterThan(0);
    expect([d.not_methadone, d.taken_without_dose, d.missed_with_dose, d.outside]).toEqual([0, 0, 0, 0]);
  });

  it('writes supervisions with follow-ups and visits that agree with each other', async () => {
    const [s] = await rows<Record<string, number>>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE s.status = 'active')::int AS active,
              count(*) FILTER (WHERE s.status = 'active' AND (s.ended_on IS NOT NULL OR s.outcome IS NOT NULL))::int AS odd_active,
              count(*) FILTER (WHERE s.status = 'ended' AND (s.ended_on IS NULL OR s.outcome IS NULL OR s.ended_on < s.start_date))::int AS odd_ended,
              count(*) FILTER (WHERE s.status = 'active' AND p.closed_on IS NOT NULL)::int AS active_on_closed
         FROM supervisions s JOIN persons p ON p.id = s.person_id`,
    );
    expect(s.n).toBeGreaterThan(0);
    expect(s.active).toBeGreaterThan(0);
    expect([s.odd_active, s.odd_ended, s.active_on_closed]).toEqual([0, 0, 0]);
    const [f] = await rows<Record<string, number>>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE f.due_date <= s.start_date OR f.due_date > s.end_date)::int AS outside,
              count(*) FILTER (WHERE (f.status = 'done') <> (f.visit_id IS NOT NULL))::int AS done_without_visit,
              count(*) FILTER (WHERE f.status = 'cancelled' AND s.status = 'active')::int AS cancelled_on_active,
              count(*) FILTER (WHERE f.status = 'scheduled' AND f.due_date + 7 <= $1::date)::int AS overdue_scheduled,
              count(*) FILTER (WHERE (f.due_date - s.start_date) % s.interval_days <> 0)::int AS off_interval
         FROM follow_ups f JOIN supervisions s ON s.id = f.supervision_id`,
      [AS_OF],
    );
    expect(f.n).toBeGreaterThan(0);
    expect([f.outside, f.done_without_visit, f.cancelled_on_active, f.overdue_scheduled, f.off_interval]).toEqual([0, 0, 0, 0, 0]);
    const [v] = await rows<Record<string, number>>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE f.visit_id <> v.id OR f.supervision_id <> v.supervision_id)::int AS mislinked,
              count(*) FILTER (WHERE v.visit_date < s.start_date OR v.visit_date > LEAST($1::date, COALESCE(s.ended_on, s.end_date)))::int AS outside
         FROM visits v JOIN follow_ups f ON f.id = v.follow_up_id JOIN supervisions s ON s.id = v.supervision_id`,
      [AS_OF],
    );
    expect(v.n).toBeGreaterThan(0);
    expect([v.mislinked, v.outside]).toEqual([0, 0]);
    const [c] = await rows<{ n: number; outside: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE c.date < p.registered_on OR c.date > COALESCE(p.closed_on, $1::date))::int AS outside
         FROM service_contacts c JOIN persons p ON p.id = c.person_id`,
      [AS_OF],
    );
    expect(c.n).toBeGreaterThan(0);
    expect(c.outside).toBe(0);
  });

  it('encrypts contact fields with the service key and keys the national id hash', async () => {
    const cipher = t.app.get(FieldCipher);
    const sample = await rows<{ national_id_cipher: Buffer; national_id_hash: Buffer; phone_cipher: Buffer | null }>(
      `SELECT national_id_cipher, national_id_hash, phone_cipher FROM persons WHERE national_id_cipher IS NOT NULL ORDER BY case_code LIMIT 5`,
    );
    for (const s of sample) {
      const nationalId = cipher.decrypt(s.national_id_cipher);
      expect(nationalId).toMatch(/^\d{12}$/);
      expect(cipher.lookupHash(nationalId).equals(s.national_id_hash)).toBe(true);
      if (s.phone_cipher) expect(cipher.decrypt(s.phone_cipher)).toMatch(/^0\d{9}$/);
    }
  });

  it('lets a seeded commune worker sign in and read a file of its commune through the API', async () => {
    const [p] = await rows<{ id: string; full_name: string; code: string }>(
      `SELECT p.id, p.full_name, u.code FROM persons p JOIN admin_units u ON u.id = p.residence_unit_id ORDER BY p.case_code LIMIT 1`,
    );
    const login = await t.http.post('/api/v1/auth/login', { username: `cw.${p.code}`, password: DEFAULT_PASSWORD });
    expect(login.status).toBe(200);
    const res = await t.as(login.body.accessToken).get(`/api/v1/persons/${p.id}`);
    expect(res.status).toBe(200);
    expect(res.body.fullName).toBe(p.full_name);
  });
});

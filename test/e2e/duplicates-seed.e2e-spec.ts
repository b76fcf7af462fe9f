import { seedDatabase, withoutDiacritics } from '../../bench/generator.js';
import { DuplicatesService } from '../../src/modules/duplicates/duplicates.service.js';
import { foldForSearch } from '../../src/modules/persons/person-search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The seed's planted duplicates (bench/generator.ts) and the duplicates job that must find them (issue 19). */
describe('planted duplicates of the synthetic data set', () => {
  let t: TestApp;
  let planted: { dup: string; orig: string }[];
  beforeAll(async () => {
    t = await startTestApp();
    const seeded = await seedDatabase({
      databaseUrl: t.databaseUrl,
      config: t.config,
      persons: 400,
      seed: 7,
      provinces: 2,
      communesPerProvince: 5,
      asOf: '2025-06-15',
      chunk: 100,
      duplicateShare: 0.2,
    });
    planted = await t.db.query(
      `SELECT person_id AS dup, data->>'plantedDuplicateOf' AS orig FROM person_events WHERE kind = 'registered' AND data ? 'plantedDuplicateOf'`,
    );
    expect(planted.length).toBe(seeded.duplicates);
    expect(seeded.rows.persons).toBe(400 + seeded.duplicates);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('plants second files of open files: same birth and sex, another commune of the province, no national id, the name with or without diacritics', async () => {
    expect(planted.length).toBeGreaterThan(30);
    const rows: { dup_name: string; orig_name: string; same_birth: boolean; same_sex: boolean; dup_unit: string; orig_unit: string; same_province: boolean; dup_nid: boolean; open: boolean }[] =
      await t.db.query(
        `SELECT d.full_name AS dup_name, o.full_name AS orig_name, d.date_of_birth = o.date_of_birth AS same_birth, d.sex = o.sex AS same_sex,
                d.residence_unit_id AS dup_unit, o.residence_unit_id AS orig_unit,
                split_part(du.path, '/', 1) = split_part(ou.path, '/', 1) AS same_province,
                d.national_id_hash IS NOT NULL AS dup_nid, (d.closed_on IS NULL AND o.closed_on IS NULL) AS open
           FROM unnest($1::uuid[], $2::uuid[]) AS x(dup, orig)
           JOIN persons d ON d.id = x.dup JOIN persons o ON o.id = x.orig
           JOIN admin_units du ON du.id = d.residence_unit_id JOIN admin_units ou ON ou.id = o.residence_unit_id`,
        [planted.map((p) => p.dup), planted.map((p) => p.orig)],
      );
    expect(rows).toHaveLength(planted.length);
    for (const r of rows) {
      expect(r).toMatchObject({ same_birth: true, same_sex: true, same_province: true, dup_nid: false, open: true });
      expect(r.dup_unit).not.toBe(r.orig_unit);
      expect([r.orig_name, withoutDiacritics(r.orig_name)]).toContain(r.dup_name);
      expect(foldForSearch(r.dup_name)).toBe(foldForSearch(r.orig_name));
    }
    expect(rows.some((r) => r.dup_name !== r.orig_name)).toBe(true);
  });

  it('the duplicates job finds every planted pair', async () => {
    const result = await t.app.get(DuplicatesService).findInEveryProvince();
    expect(result.people).toBe(Number((await t.db.query(`SELECT count(*) AS n FROM persons WHERE closed_on IS NULL`))[0].n));
    const found = new Set(
      ((await t.db.query(`SELECT person_a_id AS a, person_b_id AS b FROM duplicate_pairs WHERE status = 'pending'`)) as { a: string; b: string }[]).map(
        (r) => `${r.a}|${r.b}`,
      ),
    );
    const missed = planted.filter((p) => !found.has(p.dup < p.orig ? `${p.dup}|${p.orig}` : `${p.orig}|${p.dup}`));
    expect(missed).toEqual([]);
    expect(result).toMatchObject({ found: found.size, pending: found.size });
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { searchTextOf } from '../../src/modules/persons/person-search.js';
import { admin, facility, insertPerson, user, world, type TestUser, type Unit, type World } from '../support/factories.js';
import { at } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

interface Stay {
  enrollmentId: string;
  personId: string;
  caseCode: string;
  fullName: string;
}

/**
 * The residents of a rehabilitation or detention facility: its active stays in one paged list,
 * sorted as Vietnamese lists are (by the given name), searched by name or case code, kept to the
 * caller's facility and scope, and audited per person shown.
 */
describe('facility residents', () => {
  let t: TestApp;
  let w: World;
  let detP: string;
  let adm: TestUser;
  let staff: TestUser;
  let staffQ: TestUser;
  let detStaff: TestUser;
  let clin: TestUser;
  let cw: TestUser;
  let officer: TestUser;
  const run = randomBytes(3).toString('hex').toUpperCase();
  let n = 0;

  /** Residents of P's rehab facility in their expected order: by given name, then whole name, then case code. */
  const sorted: Stay[] = [];
  const absent: Record<'ended' | 'future' | 'otherFacility' | 'detention', Stay> = {} as never;

  const residents = (u: TestUser, qs = '') => t.as(u.token).get(`/api/v1/facilities/residents${qs}`);
  const ids = (body: { items: { enrollmentId: string }[] }) => body.items.map((i) => i.enrollmentId);

  async function stay(
    fullName: string,
    residence: Unit,
    e: { type?: 'facility' | 'detention'; facilityId: string; mode?: string | null; startDate?: string; plannedEndDate?: string | null; endDate?: string },
  ): Promise<Stay> {
    const caseCode = `RS-${run}-${String(++n).padStart(3, '0')}`;
    const personId = await insertPerson(t.db, {
      caseCode,
      fullName,
      searchText: searchTextOf(fullName, caseCode),
      dateOfBirth: '1990-05-01',
      residenceUnitId: residence.id,
      status: 'addicted',
      registeredOn: '2024-01-01',
    });
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO enrollments (person_id, type, mode, facility_id, start_date, planned_end_date, end_date, outcome, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        personId,
        e.type ?? 'facility',
        e.mode === undefined ? 'voluntary' : e.mode,
        e.facilityId,
        e.startDate ?? '2026-09-01',
        e.plannedEndDate === undefined ? '2027-03-01' : e.plannedEndDate,
        e.endDate ?? null,
        e.endDate ? 'dropped_out' : null,
        e.endDate ? 'ended' : 'active',
      ],
    );
    return { enrollmentId: row.id, personId, caseCode, fullName };
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    detP = await facility(t, 'detention_facility', w.p);
    adm = await admin(t);
    staff = await user(t, 'facility_staff', w.p, w.rehabP);
    staffQ = await user(t, 'facility_staff', w.q, w.rehabQ);
    detStaff = await user(t, 'facility_staff', w.p, detP);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    cw = await user(t, 'commune_worker', w.c1);
    officer = await user(t, 'province_officer', w.p);

    // Written out of order; the case codes rise in writing order, so the two "Nguyễn Văn An" sort by writing order.
    const made: Record<string, Stay> = {};
    for (const name of [
      'Ngô Thị Nga',
      'Nguyễn Văn An',
      'Bùi Văn Khánh',
      'Trần Thị Bình',
      'Võ Văn Hùng',
      'Hồ Văn Minh',
      'Lê Văn Cường',
      'Đặng Thị Hoa',
      'Dương Văn An',
      'Phạm Thị Dung',
      'Đỗ Thị Lan',
    ]) {
      made[name] = await stay(name, w.c1, { facilityId: w.rehabP, mode: name === 'Bùi Văn Khánh' ? 'compulsory' : 'voluntary' });
    }
    const secondAn = await stay('Nguyễn Văn An', w.c2, { facilityId: w.rehabP, plannedEndDate: null });
    sorted.push(
      made['Dương Văn An'],
      made['Nguyễn Văn An'],
      secondAn,
      made['Trần Thị Bình'],
      made['Lê Văn Cường'],
      made['Phạm Thị Dung'],
      made['Đặng Thị Hoa'],
      made['Võ Văn Hùng'],
      made['Bùi Văn Khánh'],
      made['Đỗ Thị Lan'],
      made['Hồ Văn Minh'],
      made['Ngô Thị Nga'],
    );
    absent.ended = await stay('Trịnh Văn Tâm', w.c1, { facilityId: w.rehabP, startDate: '2026-05-01', endDate: '2026-11-01' });
    absent.future = await stay('Mai Văn Phúc', w.c1, { facilityId: w.rehabP, startDate: '2026-12-01' });
    absent.otherFacility = await stay('Lương Văn Quang', w.qc, { facilityId: w.rehabQ });
    absent.detention = await stay('Lý Văn Tuấn', w.c3, { type: 'detention', facilityId: detP, mode: null, plannedEndDate: null });
    // A methadone patient of the province is no resident.
    await stay('Kiều Văn Sơn', w.c1, { facilityId: w.clinicP, mode: null }).then(({ enrollmentId }) =>
      t.db.query(`UPDATE enrollments SET type = 'methadone' WHERE id = $1`, [enrollmentId]),
    );
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('lists the active stays sorted by given name, a page at a time, with the stay as the enrollment names it', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await residents(staff, `?page=${page}&pageSize=5`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 12, page, pageSize: 5 });
      expect(res.body.items).toHaveLength(page === 3 ? 2 : 5);
      seen.push(...ids(res.body));
    }
    expect(seen).toEqual(sorted.map((s) => s.enrollmentId));
    expect((await residents(staff, '?page=4&pageSize=5')).body).toEqual({ items: [], total: 12, page: 4, pageSize: 5 });

    const all = await residents(staff, '?pageSize=100');
    expect(all.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(sorted.map((s) => s.fullName));
    const khanh = sorted.find((s) => s.fullName === 'Bùi Văn Khánh')!;
    expect(all.body.items.find((i: { enrollmentId: string }) => i.enrollmentId === khanh.enrollmentId)).toEqual({
      enrollmentId: khanh.enrollmentId,
      personId: khanh.personId,
      caseCode: khanh.caseCode,
      fullName: 'Bùi Văn Khánh',
      type: 'facility',
      mode: 'compulsory',
      startDate: '2026-09-01',
      plannedEndDate: '2027-03-01',
    });
    expect(all.body.items[2]).toMatchObject({ enrollmentId: sorted[2].enrollmentId, plannedEndDate: null });
    // Ended stays, stays not yet begun, other facilities' stays, detention elsewhere and methadone are not residents.
    for (const s of Object.values(absent)) expect(ids(all.body)).not.toContain(s.enrollmentId);
  });

  it('searches by name with or without diacritics, and by case code', async () => {
    const an = sorted.filter((s) => s.fullName === 'Nguyễn Văn An').map((s) => s.enrollmentId);
    for (const q of ['nguyen van an', 'Nguyễn Văn An', 'NGUYEN VAN']) {
      const res = await residents(staff, `?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect({ q, ids: ids(res.body), total: res.body.total }).toEqual({ q, ids: an, total: 2 });
    }
    const hung = sorted.find((s) => s.fullName === 'Võ Văn Hùng')!;
    expect(ids((await residents(staff, '?q=hung')).body)).toEqual([hung.enrollmentId]);
    expect(ids((await residents(staff, `?q=${hung.caseCode.toLowerCase()}`)).body)).toEqual([hung.enrollmentId]);
    // The ended stay is not found by its name either.
    expect((await residents(staff, `?q=${encodeURIComponent('Trịnh Văn Tâm')}`)).body).toMatchObject({ items: [], total: 0 });
    // LIKE wildcards are matched as text.
    expect((await residents(staff, '?q=%25')).body.total).toBe(0);
  });

  it("keeps facility staff to their own facility: another facility's residents, detention staff their detention stays", async () => {
    const q = await residents(staffQ);
    expect(q.status).toBe(200);
    expect(ids(q.body)).toEqual([absent.otherFacility.enrollmentId]);

    const det = await residents(detStaff);
    expect(det.status).toBe(200);
    expect(det.body).toEqual({
      items: [
        {
          enrollmentId: absent.detention.enrollmentId,
          personId: absent.detention.personId,
          caseCode: absent.detention.caseCode,
          fullName: 'Lý Văn Tuấn',
          type: 'detention',
          mode: null,
          startDate: '2026-09-01',
          plannedEndDate: null,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });

    // Naming another facility is refused as the clinic roster refuses another clinic; naming one's own is fine.
    const foreign = await residents(staff, `?facilityId=${w.rehabQ}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toEqual(["facilityId: facility staff see their own facility's residents only"]);
    expect((await residents(staffQ, `?facilityId=${w.rehabP}`)).status).toBe(400);
    expect((await residents(staff, `?facilityId=${w.rehabP}`)).body.total).toBe(12);
  });

  it('has the admin name a rehabilitation or detention facility', async () => {
    const none = await residents(adm);
    expect(none.status).toBe(400);
    expect(none.body.message).toEqual(['facilityId: is required (the rehabilitation or detention facility whose residents)']);
    const unknown = await residents(adm, `?facilityId=${randomUUID()}`);
    expect(unknown.status).toBe(404);
    const clinic = await residents(adm, `?facilityId=${w.clinicP}`);
    expect(clinic.status).toBe(400);
    expect(JSON.stringify(clinic.body.message)).toContain('facilityId');

    const rehab = await residents(adm, `?facilityId=${w.rehabP}&pageSize=100`);
    expect(rehab.status).toBe(200);
    expect(ids(rehab.body)).toEqual(sorted.map((s) => s.enrollmentId));
    const det = await residents(adm, `?facilityId=${detP}`);
    expect(ids(det.body)).toEqual([absent.detention.enrollmentId]);
  });

  it('refuses clinic staff, commune workers and province officers', async () => {
    for (const u of [clin, cw, officer]) expect((await residents(u)).status).toBe(403);
    expect((await residents(clin, `?facilityId=${w.rehabP}`)).status).toBe(403);
  });

  it('audits every person shown as a read, naming the stay', async () => {
    const reader = await user(t, 'facility_staff', w.p, w.rehabP);
    const res = await residents(reader, '?page=2&pageSize=5');
    expect(res.status).toBe(200);
    const rows: { action: string; entity: string; entity_id: string; meta: { view: string; enrollmentId: string } }[] = await t.db.query(
      `SELECT action, entity, entity_id, meta FROM audit_logs WHERE actor_id = $1 AND meta->>'view' = 'residents' ORDER BY entity_id`,
      [reader.id],
    );
    const shown = sorted.slice(5, 10);
    expect(rows).toEqual(
      shown
        .map((s) => ({ action: 'read', entity: 'person', entity_id: s.personId, meta: { view: 'residents', enrollmentId: s.enrollmentId } }))
        .sort((a, b) => a.entity_id.localeCompare(b.entity_id)),
    );
    // An empty page audits nothing.
    await residents(reader, `?q=nobody-${run}`);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_logs WHERE actor_id = $1 AND meta->>'view' = 'residents'`, [reader.id])).toEqual([{ n: 5 }]);
  });

  it('refuses a malformed query, naming the field', async () => {
    for (const [qs, field] of [
      ['?facilityId=not-a-uuid', 'facilityId'],
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=101', 'pageSize'],
      ['?page=0', 'page'],
      ['?page=x', 'page'],
      [`?q=${'a'.repeat(101)}`, 'q'],
      ['?q=a%00b', 'q'],
    ] as const) {
      const res = await residents(staff, qs);
      expect({ qs, status: res.status }).toEqual({ qs, status: 400 });
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
  });
});

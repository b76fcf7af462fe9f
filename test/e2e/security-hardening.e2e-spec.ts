import { facility } from '../support/factories.js';
import { createPerson, enrollmentRow, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { download, importFile, xlsx } from '../support/imports-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Attacks of the security review (lookups by brute force, reads without a usable audit trail,
 * expensive endpoints), each reproduced and shown to fail.
 */
describe('security hardening', () => {
  let t: TestApp;
  let c: PersonsCast;
  const LOOKUPS = 4;
  const HEAVY = 3;
  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true, lookupsPerHour: LOOKUPS, heavyRequestsPerMinute: HEAVY });
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const audits = (actorId: string, action: string) =>
    t.db.query(`SELECT entity, entity_id, fields, meta FROM audit_logs WHERE actor_id = $1 AND action = $2 ORDER BY at, id`, [actorId, action]) as Promise<
      any[]
    >;

  it('a case code with a date of birth is not enough to identify someone; lookups are limited per user and name the person found', async () => {
    const target = await createPerson(t, c.workerQC.token, c.w.qc.id, { fullName: 'Hoàng Thị Lan', dateOfBirth: '1988-08-08' });
    const code = encodeURIComponent(target.caseCode);
    const get = (qs: string) => t.as(c.clinicP.token).get(`/api/v1/persons?${qs}`);
    // The guessable pair of the attack: nothing beyond the clinic's own patients, and no lookup spent.
    for (let i = 0; i < LOOKUPS + 2; i++) expect((await get(`caseCode=${code}&dateOfBirth=1988-08-08`)).body.total).toBe(0);
    // With the name as well it is a lookup: it finds the file, and the audit row names the person.
    const found = await get(`caseCode=${code}&dateOfBirth=1988-08-08&fullName=hoang thi lan`);
    expect(found.body.items.map((p: any) => p.id)).toEqual([target.id]);
    const rows = await audits(c.clinicP.id, 'lookup');
    expect(rows.at(-1)).toMatchObject({ entity: 'person', entity_id: target.id, meta: { results: 1, personIds: [target.id] } });
    // Walking through case codes is cut off after LOOKUPS_PER_HOUR lookups.
    const statuses: number[] = [];
    for (let n = 1; n <= LOOKUPS; n++) {
      statuses.push((await get(`caseCode=${code.slice(0, -1)}${n}&dateOfBirth=1988-08-08&fullName=hoang thi lan`)).status);
    }
    expect(statuses).toEqual([...Array(LOOKUPS - 1).fill(200), 429]);
    const refused = await get(`nationalId=${target.nationalId}`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, error: 'Too Many Requests', code: 'too_many_requests', message: 'too many lookups; try again later' });
    // Other users keep their own allowance.
    expect((await t.as(c.rehabP.token).get(`/api/v1/persons?nationalId=${target.nationalId}`)).body.total).toBe(1);
  });

  it('every list that shows names writes, with the read, an audit row naming the people shown', async () => {
    const a = await createPerson(t, c.workerC1.token, c.w.c1.id, { status: 'addicted' });
    const b = await createPerson(t, c.workerC1.token, c.w.c1.id, { status: 'addicted' });

    const list = await t.as(c.workerC1.token).get('/api/v1/persons?pageSize=100');
    expect(list.headers.get('cache-control')).toBe('no-store');
    const shown = list.body.items.map((p: any) => p.id);
    expect(shown).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await audits(c.workerC1.id, 'read')).at(-1)).toMatchObject({ entity: 'person', entity_id: null, meta: { view: 'list', personIds: shown } });

    await t.db.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_due', $1, gen_random_uuid(), '2025-06-20', 'due')`,
      [a.id],
    );
    const reminders = await t.as(c.workerC1.token).get('/api/v1/reminders');
    expect(reminders.body.items.map((r: any) => r.personId)).toEqual([a.id]);
    expect((await audits(c.workerC1.id, 'read')).at(-1)).toMatchObject({ meta: { view: 'reminders', personIds: [a.id] } });

    const today = t.clock.today();
    const unreached = await t.as(c.workerC1.token).get(`/api/v1/reports/coverage/unreached?unitId=${c.w.c1.id}&from=${today}&to=${today}&pageSize=100`);
    expect(unreached.status).toBe(200);
    const unreachedIds = unreached.body.items.map((p: any) => p.id);
    expect(unreachedIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await audits(c.workerC1.id, 'read')).at(-1)).toMatchObject({ meta: { view: 'unreached', personIds: unreachedIds } });

    // The error report of an import holds decrypted rows: its download is audited too.
    const done = await importFile(t, c.workerC1.token, await xlsx(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị cư trú', 'Tình trạng (sử dụng/nghiện)'], [['Sai Ngày', '31/02/1990', 'Nam', c.w.c1.code, 'Nghiện']]));
    const report = await download(t, c.workerC1.token, `/api/v1/imports/${done.id}/errors.xlsx`);
    expect(report.status).toBe(200);
    expect(await audits(c.workerC1.id, 'download')).toEqual([{ entity: 'import', entity_id: done.id, fields: [], meta: { view: 'errors.xlsx', rows: 1 } }]);
  });

  it('coverage jobs and the unreached list are limited per user', async () => {
    const today = t.clock.today();
    const statuses: number[] = [];
    for (let i = 0; i < HEAVY + 1; i++) {
      statuses.push((await t.as(c.officerP.token).get(`/api/v1/reports/coverage/unreached?unitId=${c.w.p.id}&from=${today}&to=${today}`)).status);
    }
    expect(statuses).toEqual([...Array(HEAVY).fill(200), 429]);
    const job = await t.as(c.officerP.token).post('/api/v1/reports/coverage', { unitId: c.w.p.id, from: today, to: today });
    expect(job.status).toBe(429);
    expect(job.body.message).toBe('too many report requests; try again in a minute');
    expect((await t.as(c.admin.token).post('/api/v1/reports/coverage', { unitId: c.w.p.id, from: today, to: today })).status).toBe(202);
  });

  it('work is credited only to a facility the caller may act for', async () => {
    const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
    await enrollmentRow(t, p.id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2025-01-01' });
    const today = t.clock.today();
    // Clinic staff: their own clinic only.
    const foreign = await t.as(c.clinicP.token).post(`/api/v1/persons/${p.id}/services`, { type: 'counseling', date: today, facilityId: c.w.clinicQ });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toBe('facilityId: staff act only for their own facility');
    const own = await t.as(c.clinicP.token).post(`/api/v1/persons/${p.id}/services`, { type: 'counseling', date: today });
    expect(own.status).toBe(201);
    expect(own.body.facilityId).toBe(c.w.clinicP);
    expect(await t.db.query(`SELECT 1 FROM service_contacts WHERE person_id = $1 AND facility_id = $2`, [p.id, c.w.clinicQ])).toEqual([]);

    // Commune workers: a facility of their area; on a community enrollment only a health station.
    const stationC1 = await facility(t, 'health_station', c.w.c1);
    const stationQC = await facility(t, 'health_station', c.w.qc);
    const enroll = (facilityId: string) =>
      t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'community', mode: 'voluntary', startDate: '2025-02-01', facilityId });
    const clinic = await enroll(c.w.clinicP);
    expect({ status: clinic.status, message: clinic.body.message }).toEqual({ status: 400, message: ['facilityId: must be a health station for community enrollments'] });
    const elsewhere = await enroll(stationQC);
    expect({ status: elsewhere.status, message: elsewhere.body.message }).toEqual({ status: 400, message: ["facilityId: is not a facility of the caller's area"] });
    const service = await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/services`, { type: 'support', date: today, facilityId: c.w.clinicQ });
    expect(service.status).toBe(400);
    expect((await enroll(stationC1)).status).toBe(201);
  });

  it('stores free-text notes encrypted, and names without bidi controls or zero-width characters', async () => {
    const disguised = 'Nguy\u202Eễn\u200B Văn\u2066 Bảy\u2069\uFEFF';
    const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { fullName: disguised });
    expect(p.fullName).toBe('Nguyễn Văn Bảy');
    const [row] = await t.db.query(`SELECT full_name FROM persons WHERE id = $1`, [p.id]);
    expect(row.full_name).toBe('Nguyễn Văn Bảy');
    const patched = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: p.version, fullName: '\u200FTrần\u200D Thị Tám' });
    expect(patched.body.fullName).toBe('Trần Thị Tám');

    const note = 'Tư vấn riêng: đang điều trị HIV';
    const service = await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/services`, { type: 'counseling', date: t.clock.today(), notes: note });
    expect(service.body.notes).toBe(note);
    const [stored] = await t.db.query(`SELECT notes_cipher FROM service_contacts WHERE id = $1`, [service.body.id]);
    expect(Buffer.isBuffer(stored.notes_cipher)).toBe(true);
    expect(stored.notes_cipher.toString('utf8')).not.toContain('HIV');
    expect((await t.as(c.workerC1.token).get(`/api/v1/persons/${p.id}/services`)).body.items[0].notes).toBe(note);
    // No clear column is left in either table.
    const columns = await t.db.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('service_contacts', 'visits') AND column_name LIKE 'notes%' ORDER BY 1`,
    );
    expect(columns).toEqual([
      { table_name: 'service_contacts', column_name: 'notes_cipher' },
      { table_name: 'visits', column_name: 'notes_cipher' },
    ]);
  });
});

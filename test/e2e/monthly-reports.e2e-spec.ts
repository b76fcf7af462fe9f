import ExcelJS from 'exceljs';
import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { CoverageService } from '../../src/modules/reports/coverage.service.js';
import { admin, unit, user, type TestUser, type Unit } from '../support/factories.js';
import { createPerson, enrollmentRow, supervisionRow, visitRow } from '../support/persons-factories.js';
import { at } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Monthly commune reports, March 2025: P (population 100,000) > D > C1 (1,000), C2; C3 directly
 * under P; C4 named like a formula. C1's figures were counted by hand from the people below.
 */
describe('monthly commune reports', () => {
  let t: TestApp;
  let p: Unit, d: Unit, c1: Unit, c2: Unit, c3: Unit, c4: Unit;
  let root: TestUser, officer: TestUser, worker1: TestUser, worker2: TestUser;
  let personA: { id: string; version: number };
  let supervisionA: string;
  const MONTH = '2025-03';
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const draft = (u: TestUser, unitId: string, month = MONTH) => t.as(u.token).get(`/api/v1/reports/monthly?unitId=${unitId}&month=${month}`);
  const rollup = (u: TestUser, unitId: string) => t.as(u.token).get(`/api/v1/reports/monthly/rollup?unitId=${unitId}&month=${MONTH}`);
  const submit = (u: TestUser, body: Record<string, unknown>) => t.as(u.token).post('/api/v1/reports/monthly', { unitId: c1.id, month: MONTH, ...body });
  const download = async (u: TestUser, unitId: string, format: 'csv' | 'xlsx') => {
    const res = await fetch(`${t.baseUrl}/api/v1/reports/monthly/export?unitId=${unitId}&month=${MONTH}&format=${format}`, {
      headers: { authorization: `Bearer ${u.token}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };

  // C1 in March: A (addicted, female, 34) reached by community treatment started 03-01 and a
  // counseling contact; supervised with one visit (positive test, relapse). B (using, male, 17)
  // had vocational training, a job and a loan. Everyone else lives elsewhere.
  const C1_MARCH = {
    filesOpen: 2, filesUsing: 1, filesAddicted: 1, filesMale: 1, filesFemale: 1,
    ageUnder18: 1, age18to29: 0, age30to49: 1, age50plus: 0, filesRegistered: 1,
    communityStarted: 1, communityActive: 1, communityCompleted: 0,
    methadoneStarted: 0, methadoneActive: 0, methadoneCompleted: 0,
    facilityStarted: 0, facilityActive: 0, facilityCompleted: 0,
    detentionStarted: 0, detentionActive: 0, detentionCompleted: 0,
    supervised: 1, supported: 1, vocational: 1, jobs: 1, loans: 1, relapses: 1, drugTests: 1, drugTestsPositive: 1,
    held: 0, treated: 0, withFiles: 1, reached: 1, population: 1000,
  }; // prettier-ignore

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    t.clock.set(at(t, '2025-03-20'));
    p = await unit(t, 'province', undefined, { name: 'Tỉnh Báo Cáo', population: 100_000 });
    d = await unit(t, 'district', p, { name: 'Huyện Một' });
    c1 = await unit(t, 'commune', d, { name: 'Xã An Bình', population: 1000 });
    c2 = await unit(t, 'commune', d, { name: 'Xã Bình Minh', population: 2000 });
    c3 = await unit(t, 'commune', p, { name: 'Xã Cẩm Lý' });
    c4 = await unit(t, 'commune', p, { name: '=HYPERLINK("http://x","y")' });
    root = await admin(t);
    officer = await user(t, 'province_officer', p);
    worker1 = await user(t, 'commune_worker', c1);
    worker2 = await user(t, 'commune_worker', c2);

    const a = await createPerson(t, worker1.token, c1.id, {
      sex: 'female', dateOfBirth: '1990-06-01', status: 'addicted', registeredOn: '2025-01-05', managementDecisionOn: undefined,
    }); // prettier-ignore
    personA = { id: a.id, version: a.version };
    const b = await createPerson(t, worker1.token, c1.id, { sex: 'male', dateOfBirth: '2008-01-01', registeredOn: '2025-03-02', managementDecisionOn: '2025-03-02' });
    await createPerson(t, worker2.token, c2.id, { status: 'addicted', registeredOn: '2024-05-05', managementDecisionOn: undefined });
    await enrollmentRow(t, a.id, { type: 'community', mode: 'voluntary', startDate: '2025-03-01' });
    for (const [who, type] of [[a.id, 'counseling'], [b.id, 'vocational'], [b.id, 'job'], [b.id, 'loan']] as const) {
      const res = await t.as(worker1.token).post(`/api/v1/persons/${who}/services`, { type, date: '2025-03-10' });
      expect(res.status).toBe(201);
    }
    supervisionA = await supervisionRow(t, a.id, { startDate: '2024-10-01', endDate: '2025-09-30' });
    await visitRow(t, supervisionA, { visitDate: '2025-03-12', method: 'home_visit', drugTest: 'positive', relapse: true });
    t.clock.set(at(t, '2025-04-02'));
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('shows a commune worker the live draft of its month, and nobody outside the commune', async () => {
    const res = await draft(worker1, c1.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      unit: { id: c1.id, name: 'Xã An Bình', level: 'commune' },
      month: MONTH,
      from: '2025-03-01',
      to: '2025-03-31',
      asOf: '2025-03-31',
      dueOn: '2025-04-03',
      status: 'due',
      live: C1_MARCH,
      submitted: null,
      versions: [],
      differs: [],
    });
    expect(res.body.liveShares).toEqual({
      coverage: { value: 1, target: 0.8, met: true },
      postRehab: { value: 1, target: 0.9, met: true },
      detention: { value: 0, target: 1, met: false },
      filesOfResidents: { value: 0.002, target: 0.005, met: false },
    });
    expect((await draft(worker1, c2.id)).status).toBe(404);
    const district = await draft(worker1, d.id);
    expect([district.status, district.body.code]).toEqual([404, 'not_found']); // the district is above the worker
    const byOfficer = await draft(officer, d.id);
    expect(byOfficer.status).toBe(400);
    expect(JSON.stringify(byOfficer.body.message)).toContain('unitId');
    const bad = await t.as(worker1.token).get(`/api/v1/reports/monthly?unitId=${c1.id}&month=2025-13`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('month');
  });

  it('submits an ended month once as a snapshot, refuses a second submission and other roles', async () => {
    const early = await submit(worker1, { month: '2025-04' });
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body.message)).toContain('month');
    expect((await submit(officer, {})).status).toBe(403);
    expect((await t.as(worker2.token).post('/api/v1/reports/monthly', { unitId: c1.id, month: MONTH })).status).toBe(404);

    const res = await submit(worker1, { comment: 'Đã rà soát' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unit: { id: c1.id }, month: MONTH, version: 1, figures: C1_MARCH, comment: 'Đã rà soát', submittedBy: worker1.id });
    const again = await submit(worker1, {});
    expect([again.status, again.body.code]).toEqual([409, 'conflict']);
    const audit = await t.db.query(`SELECT action, entity, meta FROM audit_logs WHERE entity = 'monthly_report' AND entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'submit', entity: 'monthly_report', meta: { unitId: c1.id, month: MONTH, version: 1 } }]);
    // The stored snapshot cannot be changed, even by SQL.
    await expect(t.db.query(`UPDATE monthly_reports SET comment = 'x' WHERE id = $1`, [res.body.id])).rejects.toThrow(/never changes/);
  });

  it('keeps the submitted figures after a move, a status change and a late entry, and shows the live figure beside them', async () => {
    const moved = await t.as(root.token).patch(`/api/v1/persons/${personA.id}`, { version: personA.version, residenceUnitId: c2.id, status: 'using', managementDecisionOn: '2025-04-02' });
    expect(moved.status).toBe(200);
    // A drug test of March entered late.
    await visitRow(t, supervisionA, { visitDate: '2025-03-28', method: 'office', drugTest: 'negative' });
    const res = await draft(worker1, c1.id);
    expect(res.body.submitted.figures).toEqual(C1_MARCH);
    // The move and status change happened after March: March still counts A in C1, as addicted.
    expect(res.body.live).toEqual({ ...C1_MARCH, drugTests: 2 });
    expect(res.body.differs).toEqual(['drugTests']);
    expect(res.body.status).toBe('submitted');

    const roll = await rollup(officer, p.id);
    expect(roll.status).toBe(200);
    expect(roll.body).toMatchObject({ unit: { id: p.id }, month: MONTH, communes: 4, submittedCommunes: 1 });
    const fig = (key: string) => roll.body.figures.find((f: { key: string }) => f.key === key);
    expect(fig('drugTests')).toEqual({ key: 'drugTests', label: 'Số lần xét nghiệm ma túy', submitted: 1, live: 2 });
    expect(fig('withFiles')).toMatchObject({ submitted: 1, live: null });
    const byId = Object.fromEntries(roll.body.units.map((u: { unit: { id: string } }) => [u.unit.id, u]));
    expect(byId[c1.id]).toMatchObject({ submitted: true, version: 1, overdue: false, differs: ['drugTests'] });
    expect(byId[c2.id]).toMatchObject({ submitted: false, version: null, figures: null, overdue: false });
    expect((await rollup(worker1, c1.id)).status).toBe(403);
  });

  it('keeps the old version when a correction is submitted', async () => {
    const res = await submit(worker1, { correction: true, comment: 'Bổ sung xét nghiệm' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, figures: { ...C1_MARCH, drugTests: 2 } });
    const view = await draft(worker1, c1.id);
    expect(view.body.versions.map((v: { version: number; figures: { drugTests: number } }) => [v.version, v.figures.drugTests])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(view.body.differs).toEqual([]);
    const firstOfC2 = await t.as(worker2.token).post('/api/v1/reports/monthly', { unitId: c2.id, month: MONTH, correction: true });
    expect(firstOfC2.status).toBe(409);
  });

  it('exports the roll-up as XLSX, a sheet per level with a title block, and as CSV, formulas defused', async () => {
    const xlsx = await download(officer, p.id, 'xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tỉnh', 'Huyện', 'Xã']);
    const communes = wb.getWorksheet('Xã')!;
    expect(communes.getRow(1).getCell(1).value).toBe('Báo cáo tháng 03/2025 về công tác cai nghiện và quản lý sau cai');
    expect(communes.getRow(2).getCell(1).value).toBe('Đơn vị: Tỉnh Báo Cáo');
    expect(communes.getRow(3).getCell(1).value).toBe('Kỳ báo cáo: từ 2025-03-01 đến 2025-03-31');
    expect(communes.getRow(4).getCell(1).value).toBe('Người nộp: 1/4 xã đã nộp');
    const header = (communes.getRow(6).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['Mã đơn vị', 'Đơn vị', 'Người nộp / số xã đã nộp', 'Thời điểm nộp', 'Số người có hồ sơ quản lý (cuối tháng)']);
    const rows = [7, 8, 9, 10].map((n) => (communes.getRow(n).values as unknown[]).slice(1));
    const c1Row = rows.find((r) => r[1] === 'Xã An Bình')!;
    expect(c1Row[4]).toBe(2);
    expect(c1Row[4 + header.indexOf('Số lần xét nghiệm ma túy') - 4]).toBe(2);
    expect(rows.find((r) => r[1] === 'Xã Bình Minh')![2]).toBe('Chưa nộp');
    expect(rows.some((r) => r[1] === `'=HYPERLINK("http://x","y")`)).toBe(true);
    const province = (wb.getWorksheet('Tỉnh')!.getRow(7).values as unknown[]).slice(1);
    expect(province.slice(0, 5)).toEqual([p.code, 'Tỉnh Báo Cáo', '1/4', null, 2].map((v) => (v === null ? undefined : v)));

    const csv = await download(officer, p.id, 'csv');
    expect(csv.type).toContain('text/csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Cấp: Xã');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

    const commune = await download(worker1, c1.id, 'xlsx');
    const wc = new ExcelJS.Workbook();
    await wc.xlsx.load(commune.bytes as unknown as ArrayBuffer);
    expect(wc.worksheets.map((s) => s.name)).toEqual(['Xã']);
    expect(String(wc.worksheets[0].getRow(4).getCell(1).value)).toMatch(/^Người nộp: .+ \(phiên bản 2\), lúc 2025-04-02T/);
    expect((await download(worker2, c2.id, 'xlsx')).status).toBe(404); // nothing submitted
  });

  it('tells communes on the 1st that the report is due and the province after the 3rd which are overdue', async () => {
    const queue = t.app.get(JobsService).queue('reports');
    let due = await queue.getJobScheduler('monthly-report-due');
    for (let i = 0; !due && i < 50; i++) {
      await sleep(50);
      due = await queue.getJobScheduler('monthly-report-due');
    }
    expect(due).toMatchObject({ pattern: '0 7 1 * *', tz: 'Asia/Ho_Chi_Minh' });
    expect(await queue.getJobScheduler('monthly-report-overdue')).toMatchObject({ pattern: '0 7 4 * *' });

    const run = async (kind: string) => {
      const job = await queue.add('monthly-report-notices', { kind }); // the month before 2025-04-xx: March
      for (let i = 0; i < 200 && !(await job.isCompleted()); i++) await sleep(50);
      return (await queue.getJob(job.id!))?.returnvalue;
    };
    expect(await run('report_due')).toMatchObject({ kind: 'report_due', month: MONTH });
    const forWorker = await t.as(worker2.token).get('/api/v1/reports/monthly/notices');
    expect(forWorker.body.items.map((n: { kind: string; unit: { id: string } }) => [n.kind, n.unit.id])).toEqual([['report_due', c2.id]]);
    expect(forWorker.body.items[0]).toMatchObject({ month: MONTH, dueOn: '2025-04-03', submitted: false });
    expect((await t.as(officer.token).get('/api/v1/reports/monthly/notices')).body.total).toBe(0);

    t.clock.set(at(t, '2025-04-04'));
    expect(await run('report_overdue')).toMatchObject({ raised: 3 });
    expect(await run('report_overdue')).toMatchObject({ raised: 0 }); // once per commune and month
    const forProvince = await t.as(officer.token).get(`/api/v1/reports/monthly/notices?month=${MONTH}`);
    expect(forProvince.body.items.map((n: { unit: { id: string } }) => n.unit.id).sort()).toEqual([c2.id, c3.id, c4.id].sort());
    const roll = await rollup(officer, d.id);
    expect(Object.fromEntries(roll.body.units.map((u: { unit: { id: string }; overdue: boolean }) => [u.unit.id, u.overdue]))).toEqual({
      [c1.id]: false,
      [c2.id]: true,
    });
  });

  it('draws a trend of an indicator from the monthly snapshots, with gaps where none is stored', async () => {
    const coverage = t.app.get(CoverageService);
    await coverage.computeAllUnits('2025-02-01', '2025-02-28', null);
    await coverage.computeAllUnits('2025-03-01', '2025-03-31', null);
    const res = await t.as(officer.token).get(`/api/v1/reports/trends?unitId=${c1.id}&indicator=withFiles&months=3&to=${MONTH}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      unit: { id: c1.id, code: c1.code, name: 'Xã An Bình', level: 'commune' },
      indicator: 'withFiles',
      target: null,
      points: [
        { month: '2025-01', value: null },
        { month: '2025-02', value: 1 },
        { month: '2025-03', value: 1 },
      ],
    });
    const share = await t.as(worker1.token).get(`/api/v1/reports/trends?unitId=${c1.id}&indicator=share&months=1&to=${MONTH}`);
    expect(share.body).toMatchObject({ target: 0.8, points: [{ month: MONTH, value: 1 }] });
    for (const query of ['indicator=nope&months=3', 'indicator=share&months=37', 'indicator=share&to=2025-3']) {
      const bad = await t.as(officer.token).get(`/api/v1/reports/trends?unitId=${p.id}&${query}`);
      expect(bad.status).toBe(400);
    }
    expect((await t.as(worker1.token).get(`/api/v1/reports/trends?unitId=${c2.id}&indicator=share`)).status).toBe(404);
  });
});

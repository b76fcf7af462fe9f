import ExcelJS from 'exceljs';
import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { coverageJobId } from '../../src/modules/reports/coverage.jobs.js';
import { contact, enrollment, person, supervision, visit, type TestPerson } from '../support/coverage-factories.js';
import { admin, facility, unit, user, type TestUser, type Unit } from '../support/factories.js';
import { createPerson } from '../support/persons-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A small province built by hand, March 2025, computed on 2025-04-10; residence, status and
 * detention are taken at the period's end (2025-03-31). Every figure below
 * was counted by hand from the people listed in beforeAll.
 *
 *   P "Tỉnh Thử Nghiệm" (100,000)
 *   ├── D "Huyện Đông" (20,000)
 *   │   ├── C1 "Xã An Bình" (1,000)
 *   │   └── C2 "Xã Bình Minh" (2,000)
 *   └── C3 "Xã Cẩm Lý" (500, nobody)          Q "Tỉnh Khác" ── QC (one person, never in P)
 */
const FROM = '2025-03-01';
const TO = '2025-03-31';
const AS_OF_INSTANT = new Date('2025-04-10T03:00:00Z'); // 10:00 on 2025-04-10 in Vietnam

interface Names {
  [key: string]: Unit & { name: string; population: number };
}

describe('coverage reports', () => {
  let t: TestApp;
  let u: Names;
  let people: Record<string, TestPerson>;
  let root: TestUser;
  let officerP: TestUser;
  let officerQ: TestUser;
  let workerC1: TestUser;
  let clinic: TestUser;
  let rehabStaff: TestUser;
  let jobIdP: string;

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const q = (unitId: string, extra = '') => `unitId=${unitId}&from=${FROM}&to=${TO}${extra}`;

  async function waitFinished(token: string, jobId: string) {
    for (let i = 0; i < 200; i++) {
      const res = await t.as(token).get(`/api/v1/reports/coverage/jobs/${jobId}`);
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await sleep(50);
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  async function compute(token: string, unitId: string) {
    const res = await t.as(token).post('/api/v1/reports/coverage', { unitId, from: FROM, to: TO });
    expect(res.status).toBe(202);
    const job = await waitFinished(token, res.body.jobId);
    expect(job.status).toBe('done');
    return job.result;
  }

  /** The figures of one unit as the report gives them; shares are the exact ratios, written out by hand. */
  function figures(
    key: string,
    f: {
      withFiles: number;
      reached: number;
      share: number;
      byService: [number, number, number, number, number, number];
      supervised: number;
      supported: number;
      postShare: number;
      held: number;
      treated: number;
      detShare: number;
      peopleWithFiles: number;
      filesPer1000: number;
      criterion: boolean;
    },
  ) {
    const x = u[key];
    const [community, methadone, facilityStays, counseling, support, medical] = f.byService;
    return {
      unit: { id: x.id, code: x.code, name: x.name, level: key === 'p' || key === 'q' ? 'province' : key === 'd' ? 'district' : 'commune', population: x.population },
      withFiles: f.withFiles,
      reachedServices: f.reached,
      share: f.share,
      target: 0.8,
      byService: { community, methadone, facility: facilityStays, counseling, support, medical },
      postRehab: { supervised: f.supervised, supported: f.supported, share: f.postShare, target: 0.9 },
      detention: { held: f.held, treated: f.treated, share: f.detShare, target: 1 },
      rates: {
        population: x.population,
        peopleWithFiles: f.peopleWithFiles,
        filesPer1000: f.filesPer1000,
        drugComplexThreshold: 0.005,
        drugComplexCriterion: f.criterion,
      },
    };
  }

  // C1: withFiles a1 a2 a4 a10 a11 (a3 closed before, a5 `using`, a6 moved to C2); reached a1 (methadone,
  // medical) and a4 (counseling); supervised a1 (ended late, on 03-05) a2 a5, supported a2 (visit) and
  // a5 (vocational); held a10 (a5 `using`, a3 closed), untreated. Files of either status: 6 of 1,000.
  const c1 = () =>
    figures('c1', {
      withFiles: 5, reached: 2, share: 0.4, byService: [0, 1, 0, 1, 0, 1],
      supervised: 3, supported: 2, postShare: 2 / 3, held: 1, treated: 0, detShare: 0,
      peopleWithFiles: 6, filesPer1000: 6, criterion: true,
    });
  // C2: withFiles a6 (moved here) a7 (closed on the last day) a9 (a8 registered after); reached a6
  // (facility stay ending on `from`, support) and a9 (community from the last day); supervised a7 whose
  // only visit was before; held a9, treated. Files: 3 of 2,000.
  const c2 = () =>
    figures('c2', {
      withFiles: 3, reached: 2, share: 2 / 3, byService: [1, 0, 1, 0, 1, 0],
      supervised: 1, supported: 0, postShare: 0, held: 1, treated: 1, detShare: 1,
      peopleWithFiles: 3, filesPer1000: 1.5, criterion: false,
    });
  const c3 = () =>
    figures('c3', {
      withFiles: 0, reached: 0, share: 0, byService: [0, 0, 0, 0, 0, 0],
      supervised: 0, supported: 0, postShare: 0, held: 0, treated: 0, detShare: 0,
      peopleWithFiles: 0, filesPer1000: 0, criterion: false,
    });
  const sumOf = (key: string, filesPer1000: number) =>
    figures(key, {
      withFiles: 8, reached: 4, share: 0.5, byService: [1, 1, 1, 1, 1, 1],
      supervised: 4, supported: 2, postShare: 0.5, held: 2, treated: 1, detShare: 0.5,
      peopleWithFiles: 9, filesPer1000, criterion: false,
    });
  const expectedP = () => ({
    unitId: u.p.id,
    from: FROM,
    to: TO,
    asOf: TO,
    ...sumOf('p', 0.09),
    children: [sumOf('d', 0.45), c3()],
  });
  const expectedD = () => ({ unitId: u.d.id, from: FROM, to: TO, asOf: TO, ...sumOf('d', 0.45), children: [c1(), c2()] });

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    t.clock.set(AS_OF_INSTANT);
    const mk = async (key: string, level: 'province' | 'district' | 'commune', parent: string | undefined, name: string, population: number) => {
      const made = await unit(t, level, parent ? u[parent] : undefined, { name, population });
      u[key] = { ...made, name, population };
    };
    u = {};
    await mk('p', 'province', undefined, 'Tỉnh Thử Nghiệm', 100_000);
    await mk('d', 'district', 'p', 'Huyện Đông', 20_000);
    await mk('c1', 'commune', 'd', 'Xã An Bình', 1_000);
    await mk('c2', 'commune', 'd', 'Xã Bình Minh', 2_000);
    await mk('c3', 'commune', 'p', 'Xã Cẩm Lý', 500);
    await mk('q', 'province', undefined, 'Tỉnh Khác', 50_000);
    await mk('qc', 'commune', 'q', 'Xã Bên Kia', 3_000);
    const clinicP = await facility(t, 'methadone_clinic', u.c1);
    const rehabP = await facility(t, 'rehab_facility', u.p);
    const clinicQ = await facility(t, 'methadone_clinic', u.qc);
    const detentionP = await facility(t, 'detention_facility', u.p);
    const detentionQ = await facility(t, 'detention_facility', u.q);

    const add = (name: string, unitKey: string, status: 'using' | 'addicted', registeredOn: string, extra = {}) =>
      person(t, { name, residenceUnitId: u[unitKey].id, status, registeredOn, ...extra });
    people = {};
    // C1
    people.a1 = await add('Nguyễn Văn Một', 'c1', 'addicted', '2024-01-10');
    await enrollment(t, people.a1.id, { type: 'methadone', facilityId: clinicP, startDate: '2025-01-05' });
    await contact(t, people.a1.id, 'medical', '2025-03-31');
    await supervision(t, people.a1.id, { startDate: '2024-01-01', endDate: '2025-02-28', endedOn: '2025-03-05' });
    people.a2 = await add('Trần Văn Hai', 'c1', 'addicted', '2024-06-01');
    await enrollment(t, people.a2.id, { type: 'community', startDate: '2024-09-01', endDate: '2025-02-28' });
    const s2 = await supervision(t, people.a2.id, { startDate: '2025-03-01', endDate: '2026-02-28' });
    await visit(t, s2, '2025-03-20');
    people.a3 = await add('Lê Văn Ba', 'c1', 'addicted', '2023-05-05', {
      closedOn: '2025-02-15',
      closeReason: 'detained',
      inDetention: true,
    });
    await contact(t, people.a3.id, 'counseling', '2025-03-10');
    people.a4 = await add('Phạm Văn Bốn', 'c1', 'addicted', '2025-03-20');
    await contact(t, people.a4.id, 'counseling', '2025-03-21');
    people.a5 = await add('Hoàng Văn Năm', 'c1', 'using', '2024-01-01', { inDetention: true });
    await contact(t, people.a5.id, 'medical', '2025-03-05');
    await contact(t, people.a5.id, 'vocational', '2025-03-07');
    await supervision(t, people.a5.id, { startDate: '2024-10-01', endDate: '2025-09-30' });
    people.a10 = await add('Đỗ Văn Mười', 'c1', 'addicted', '2024-07-07', { inDetention: true });
    await supervision(t, people.a10.id, { startDate: '2024-01-01', endDate: '2025-12-31', endedOn: '2025-02-20' });
    await contact(t, people.a10.id, 'vocational', '2025-03-12');
    people.a11 = await add('Vũ Văn Mười Một', 'c1', 'addicted', '2025-01-01');
    // C2
    people.a6 = await add('Bùi Văn Sáu', 'c2', 'addicted', '2024-02-02'); // moved from C1: counts in C2
    await enrollment(t, people.a6.id, { type: 'facility', facilityId: rehabP, startDate: '2025-02-01', endDate: '2025-03-01' });
    await contact(t, people.a6.id, 'support', '2025-03-15');
    await t.db.query(
      `INSERT INTO person_events (person_id, kind, event_date, data) VALUES ($1, 'moved', '2025-01-15', $2)`,
      [people.a6.id, JSON.stringify({ fromUnitId: u.c1.id, toUnitId: u.c2.id })],
    );
    people.a7 = await add('Đặng Văn Bảy', 'c2', 'addicted', '2024-03-03', { closedOn: '2025-03-31', closeReason: 'moved_away' });
    await contact(t, people.a7.id, 'medical', '2025-02-28');
    await contact(t, people.a7.id, 'medical', '2025-04-01');
    const s7 = await supervision(t, people.a7.id, { startDate: '2025-01-01', endDate: '2025-12-31' });
    await visit(t, s7, '2025-02-15');
    people.a8 = await add('Ngô Văn Tám', 'c2', 'addicted', '2025-04-01');
    await contact(t, people.a8.id, 'counseling', '2025-04-02');
    people.a9 = await add('Dương Văn Chín', 'c2', 'addicted', '2024-05-05', { inDetention: true });
    await enrollment(t, people.a9.id, { type: 'community', startDate: '2025-03-31' });
    await enrollment(t, people.a9.id, { type: 'detention', facilityId: detentionP, startDate: '2025-03-20' });
    // Q: never part of P's figures
    people.q1 = await add('Lý Văn Khác', 'qc', 'addicted', '2024-01-01', { inDetention: true });
    await enrollment(t, people.q1.id, { type: 'methadone', facilityId: clinicQ, startDate: '2025-01-01' });
    await enrollment(t, people.q1.id, { type: 'detention', facilityId: detentionQ, startDate: '2024-12-01' });

    root = await admin(t);
    officerP = await user(t, 'province_officer', u.p);
    officerQ = await user(t, 'province_officer', u.q);
    workerC1 = await user(t, 'commune_worker', u.c1);
    clinic = await user(t, 'clinic_staff', u.c1, clinicP);
    rehabStaff = await user(t, 'facility_staff', u.p, rehabP);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers 404 for a report never computed, and for its export', async () => {
    expect((await t.as(root.token).get(`/api/v1/reports/coverage?${q(u.p.id)}`)).status).toBe(404);
    expect((await t.as(root.token).get(`/api/v1/reports/coverage/export?${q(u.p.id, '&format=csv')}`)).status).toBe(404);
  });

  it('validates unit and period, naming the field', async () => {
    const post = (body: unknown) => t.as(root.token).post('/api/v1/reports/coverage', body);
    const cases: [unknown, string][] = [
      [{ unitId: 'nope', from: FROM, to: TO }, 'unitId'],
      [{ unitId: u.p.id, from: '2025-02-30', to: TO }, 'from'],
      [{ unitId: u.p.id, from: FROM, to: '31/03/2025' }, 'to'],
      [{ unitId: u.p.id, from: '2025-04-01', to: TO }, 'to'],
      [{ unitId: u.p.id, from: '2020-01-01', to: '2025-01-01' }, 'to'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual([expect.stringMatching(new RegExp(`^${field}[ :]`))]);
    }
    const get = await t.as(root.token).get(`/api/v1/reports/coverage?unitId=${u.p.id}&from=${FROM}`);
    expect(get.status).toBe(400);
    expect(get.body.message).toEqual([expect.stringMatching(/^to /)]);
    const fmt = await t.as(root.token).get(`/api/v1/reports/coverage/export?${q(u.p.id, '&format=pdf')}`);
    expect(fmt.status).toBe(400);
  });

  it('refuses clinic and facility staff (403) and units outside the caller scope (404)', async () => {
    for (const who of [clinic, rehabStaff]) {
      expect((await t.as(who.token).post('/api/v1/reports/coverage', { unitId: u.c1.id, from: FROM, to: TO })).status).toBe(403);
      expect((await t.as(who.token).get(`/api/v1/reports/coverage?${q(u.c1.id)}`)).status).toBe(403);
      expect((await t.as(who.token).get(`/api/v1/reports/coverage/unreached?${q(u.c1.id)}`)).status).toBe(403);
      expect((await t.as(who.token).get(`/api/v1/reports/coverage/export?${q(u.c1.id)}`)).status).toBe(403);
    }
    const outside: [TestUser, string][] = [
      [officerQ, u.p.id],
      [officerQ, u.c1.id],
      [workerC1, u.p.id],
      [workerC1, u.d.id],
      [workerC1, u.c2.id],
    ];
    for (const [who, unitId] of outside) {
      expect((await t.as(who.token).post('/api/v1/reports/coverage', { unitId, from: FROM, to: TO })).status).toBe(404);
      expect((await t.as(who.token).get(`/api/v1/reports/coverage?${q(unitId)}`)).status).toBe(404);
      expect((await t.as(who.token).get(`/api/v1/reports/coverage/unreached?${q(unitId)}`)).status).toBe(404);
    }
    const unknownUnit = '00000000-0000-4000-8000-000000000000';
    expect((await t.as(root.token).post('/api/v1/reports/coverage', { unitId: unknownUnit, from: FROM, to: TO })).status).toBe(404);
  });

  it('shares one job between requests for the same unit and period while it is queued', async () => {
    const queue = t.app.get(JobsService).queue('reports');
    await queue.pause();
    try {
      const body = { unitId: u.p.id, from: FROM, to: TO };
      const [first, second] = await Promise.all([
        t.as(root.token).post('/api/v1/reports/coverage', body),
        t.as(officerP.token).post('/api/v1/reports/coverage', body),
      ]);
      const third = await t.as(officerP.token).post('/api/v1/reports/coverage', body);
      expect([first.status, second.status, third.status]).toEqual([202, 202, 202]);
      jobIdP = first.body.jobId;
      expect(second.body.jobId).toBe(jobIdP);
      expect(third.body.jobId).toBe(jobIdP);
      const waiting = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
      expect(waiting.filter((j) => j.name === 'coverage').map((j) => j.id)).toEqual([jobIdP]);
      const status = await t.as(officerP.token).get(`/api/v1/reports/coverage/jobs/${jobIdP}`);
      expect(status.status).toBe(200);
      expect(status.body).toEqual({ jobId: jobIdP, status: 'queued' });
      // Still not computed while the job waits.
      expect((await t.as(root.token).get(`/api/v1/reports/coverage?${q(u.p.id)}`)).status).toBe(404);
    } finally {
      await queue.resume();
    }
    const done = await waitFinished(officerP.token, jobIdP);
    expect(done.status).toBe('done');
    expect(done.result).toMatchObject(expectedP());
  });

  it('stores the province report with every figure, its children, computedAt and inputs', async () => {
    const res = await t.as(officerP.token).get(`/api/v1/reports/coverage?${q(u.p.id)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...expectedP(),
      computedAt: AS_OF_INSTANT.toISOString(),
      jobId: jobIdP,
      inputs: { unitId: u.p.id, from: FROM, to: TO, asOf: TO },
    });
    const row = await t.db.query(`SELECT count(*)::int AS n FROM coverage_reports WHERE unit_id = $1`, [u.p.id]);
    expect(row[0].n).toBe(1);
  });

  it('computes a district with its communes, each commune alone, and a commune without people', async () => {
    expect(await compute(root.token, u.d.id)).toMatchObject(expectedD());
    const c1Report = await compute(workerC1.token, u.c1.id);
    expect(c1Report).toMatchObject({ unitId: u.c1.id, ...c1(), children: [] });
    expect(await compute(officerP.token, u.c2.id)).toMatchObject({ unitId: u.c2.id, ...c2(), children: [] });
    const empty = await compute(officerP.token, u.c3.id);
    expect(empty).toMatchObject({ ...c3(), children: [] });
    expect(empty.share).toBe(0);
    // The commune worker reads its own commune's stored report.
    const stored = await t.as(workerC1.token).get(`/api/v1/reports/coverage?${q(u.c1.id)}`);
    expect(stored.status).toBe(200);
    expect(stored.body.withFiles).toBe(5);
  });

  it('hides jobs of units outside the caller scope and unknown jobs (404)', async () => {
    expect((await t.as(workerC1.token).get(`/api/v1/reports/coverage/jobs/${jobIdP}`)).status).toBe(404);
    expect((await t.as(officerQ.token).get(`/api/v1/reports/coverage/jobs/${jobIdP}`)).status).toBe(404);
    const unknown = `coverage_${u.q.id}_${FROM}_${TO}`;
    expect((await t.as(root.token).get(`/api/v1/reports/coverage/jobs/${unknown}`)).status).toBe(404);
    expect((await t.as(root.token).get(`/api/v1/reports/coverage/jobs/whatever`)).status).toBe(404);
  });

  it('lists the people with files not reached, never served first, paged and in scope', async () => {
    const item = (key: string, unitKey: string, lastServiceDate: string | null) => ({
      id: people[key].id,
      caseCode: people[key].caseCode,
      fullName: people[key].fullName,
      residenceUnitId: u[unitKey].id,
      residenceUnitName: u[unitKey].name,
      lastServiceDate,
    });
    const all = await t.as(officerP.token).get(`/api/v1/reports/coverage/unreached?${q(u.p.id)}`);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      items: [
        item('a11', 'c1', null),
        item('a2', 'c1', '2024-09-01'),
        item('a10', 'c1', '2025-03-12'),
        item('a7', 'c2', '2025-04-01'),
      ],
      total: 4,
      page: 1,
      pageSize: 20,
    });
    const second = await t.as(root.token).get(`/api/v1/reports/coverage/unreached?${q(u.p.id, '&page=2&pageSize=3')}`);
    expect(second.body).toEqual({ items: [item('a7', 'c2', '2025-04-01')], total: 4, page: 2, pageSize: 3 });
    const mine = await t.as(workerC1.token).get(`/api/v1/reports/coverage/unreached?${q(u.c1.id)}`);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([people.a11.id, people.a2.id, people.a10.id]);
    expect(mine.body.total).toBe(3);
    const none = await t.as(root.token).get(`/api/v1/reports/coverage/unreached?${q(u.c3.id)}`);
    expect(none.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  // Columns: code, name, withFiles, reached, share, target, six services, supervised, supported,
  // post-rehab share and target, held, treated, detention share and target, population, files,
  // files per 1,000, 0.5% criterion.
  const exportedRows = () => [
    [u.p.code, 'Tỉnh Thử Nghiệm', 8, 4, 0.5, 0.8, 1, 1, 1, 1, 1, 1, 4, 2, 0.5, 0.9, 2, 1, 0.5, 1, 100000, 9, 0.09, 'Không'],
    [u.d.code, 'Huyện Đông', 8, 4, 0.5, 0.8, 1, 1, 1, 1, 1, 1, 4, 2, 0.5, 0.9, 2, 1, 0.5, 1, 20000, 9, 0.45, 'Không'],
    [u.c3.code, 'Xã Cẩm Lý', 0, 0, 0, 0.8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.9, 0, 0, 0, 1, 500, 0, 0, 'Không'],
  ];

  /** RFC 4180: fields separated by commas, quoted when they hold a comma or quote, CRLF rows. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        row.push(field);
        field = '';
      } else if (ch === '\r' && text[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        i++;
      } else field += ch;
    }
    expect(row).toEqual([]); // the file ends with CRLF
    return rows;
  }

  async function download(token: string, path: string) {
    const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type');
    t.checkContract('GET', path, res.status, type, type?.includes('json') ? JSON.parse(bytes.toString('utf8')) : bytes);
    return { status: res.status, headers: res.headers, bytes };
  }

  it('exports the stored report as CSV in UTF-8 with a BOM and Vietnamese headers', async () => {
    const res = await download(officerP.token, `/api/v1/reports/coverage/export?${q(u.p.id, '&format=csv')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(res.bytes.subarray(3).toString('utf8'));
    expect(header).toHaveLength(24);
    expect(header.slice(0, 6)).toEqual(['Mã đơn vị', 'Đơn vị', 'Số người nghiện có hồ sơ', 'Số người được tiếp cận dịch vụ', 'Tỷ lệ', 'Mục tiêu']);
    expect(header).toEqual(
      expect.arrayContaining([
        'Số người quản lý sau cai',
        'Số người nghiện đang bị tạm giữ, tạm giam',
        'Dân số',
        'Số người có hồ sơ trên 1.000 dân',
        'Đạt tiêu chí 0,5% dân số (xã trọng điểm về ma túy)',
      ]),
    );
    expect(rows).toEqual(exportedRows().map((r) => r.map(String)));
  });

  it('exports the same numbers as XLSX that exceljs opens', async () => {
    const res = await download(workerC1.token, `/api/v1/reports/coverage/export?${q(u.c1.id, '&format=xlsx')}`);
    expect(res.status).toBe(200);
    // The report's post-rehab share is 2/3; the export, read by people, rounds it to 4 decimals.
    const c1Row = [u.c1.code, 'Xã An Bình', 5, 2, 0.4, 0.8, 0, 1, 0, 1, 0, 1, 3, 2, 0.6667, 0.9, 1, 0, 0, 1, 1000, 6, 6, 'Có'];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['Mã đơn vị', 'Đơn vị']);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(c1Row);
    expect(ws.rowCount).toBe(3);

    const prov = await download(root.token, `/api/v1/reports/coverage/export?${q(u.p.id, '&format=xlsx')}`);
    expect(prov.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wbP = new ExcelJS.Workbook();
    await wbP.xlsx.load(prov.bytes as unknown as ArrayBuffer);
    const sheet = wbP.worksheets[0];
    const rows = [3, 4, 5].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual(exportedRows());
    expect(sheet.getRow(3).getCell(5).numFmt).toBe('0.00%');
  });

  it('keeps a monthly schedule and computes the previous month for every unit', async () => {
    const queue = t.app.get(JobsService).queue('reports');
    let scheduler = await queue.getJobScheduler('monthly-coverage');
    for (let i = 0; !scheduler && i < 50; i++) {
      await sleep(50);
      scheduler = await queue.getJobScheduler('monthly-coverage');
    }
    expect(scheduler).toMatchObject({ pattern: '0 1 1 * *', tz: 'Asia/Ho_Chi_Minh' });
    // The next run is 01:00 on the 1st of a month in Vietnam (18:00 UTC the day before).
    const next = new Date(Number(scheduler!.next));
    expect(next.getUTCHours()).toBe(18);
    expect(next.getUTCMinutes()).toBe(0);
    expect(new Date(next.getTime() + 7 * 3600_000).getUTCDate()).toBe(1);

    await t.db.query(`DELETE FROM coverage_runs; DELETE FROM coverage_counts`); // every stored report, with its counts
    const job = await queue.add('monthly-coverage', {}); // clock: 2025-04-10, so March 2025
    for (let i = 0; i < 200 && !(await job.isCompleted()); i++) await sleep(50);
    expect(await job.isCompleted()).toBe(true);
    const rows: { unit_id: string; period_from: string; period_to: string; job_id: string }[] = await t.db.query(
      `SELECT unit_id, period_from, period_to, job_id FROM coverage_reports WHERE period_from = $1 ORDER BY unit_id`,
      [FROM],
    );
    expect(rows.map((r) => r.unit_id).sort()).toEqual(Object.values(u).map((x) => x.id).sort());
    for (const r of rows) expect([r.period_from, r.period_to, r.job_id]).toEqual([FROM, TO, job.id]);
    // The scheduled run also stored, once, the 35 months before it (for trends): April 2022 to February 2025.
    const months: { from: string; to: string; units: number }[] = await t.db.query(
      `SELECT period_from AS from, period_to AS to, count(*)::int AS units FROM coverage_reports GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(months).toHaveLength(36);
    expect(months[0]).toEqual({ from: '2022-04-01', to: '2022-04-30', units: Object.keys(u).length });
    expect(months[34]).toEqual({ from: '2025-02-01', to: '2025-02-28', units: Object.keys(u).length });
    expect((await queue.getJob(job.id!))?.returnvalue).toMatchObject({ from: FROM, to: TO, backfilled: months.slice(0, 35).map((m) => m.from.slice(0, 7)) });

    const p = await t.as(officerP.token).get(`/api/v1/reports/coverage?${q(u.p.id)}`);
    expect(p.body).toMatchObject({ ...expectedP(), jobId: job.id });
    const d = await t.as(officerP.token).get(`/api/v1/reports/coverage?${q(u.d.id)}`);
    expect(d.body).toMatchObject(expectedD());
    const c = await t.as(workerC1.token).get(`/api/v1/reports/coverage?${q(u.c1.id)}`);
    expect(c.body).toMatchObject({ ...c1(), children: [] });
    const other = await t.as(officerQ.token).get(`/api/v1/reports/coverage?${q(u.q.id)}`);
    expect(other.body).toMatchObject({
      withFiles: 1,
      reachedServices: 1,
      share: 1,
      byService: { methadone: 1 },
      detention: { held: 1, treated: 1, share: 1 },
      rates: { population: 50_000, peopleWithFiles: 1, filesPer1000: 0.02, drugComplexCriterion: false },
    });
    expect(other.body.children).toHaveLength(1);
    // A second run finds the earlier months stored and backfills nothing.
    const again = await queue.add('monthly-coverage', {});
    for (let i = 0; i < 200 && !(await again.isCompleted()); i++) await sleep(50);
    expect((await queue.getJob(again.id!))?.returnvalue).toMatchObject({ backfilled: [] });
  });

  it('reports a failed run as failed, and a new request runs again under the same id', async () => {
    const queue = t.app.get(JobsService).queue('reports');
    const jobId = coverageJobId({ unitId: u.c3.id, from: FROM, to: TO });
    await (await queue.getJob(jobId))?.remove(); // the run of an earlier test
    // A run that the database refuses (an impossible date), with no retry.
    await queue.add('coverage', { unitId: u.c3.id, from: FROM, to: 'not-a-date' }, { jobId, attempts: 1 });
    const failed = await waitFinished(officerP.token, jobId);
    expect(failed).toEqual({ jobId, status: 'failed' });
    const res = await t.as(officerP.token).post('/api/v1/reports/coverage', { unitId: u.c3.id, from: FROM, to: TO });
    expect(res.body.jobId).toBe(jobId);
    const done = await waitFinished(officerP.token, jobId);
    expect(done.status).toBe('done');
    expect(done.result).toMatchObject({ ...c3(), children: [] });
  });

  it('runs again under the same job id once the previous run has finished', async () => {
    await contact(t, people.a11.id, 'counseling', '2025-03-03');
    const later = new Date(AS_OF_INSTANT.getTime() + 3600_000);
    t.clock.set(later);
    const res = await t.as(officerP.token).post('/api/v1/reports/coverage', { unitId: u.p.id, from: FROM, to: TO });
    expect(res.status).toBe(202);
    expect(res.body.jobId).toBe(jobIdP);
    const done = await waitFinished(officerP.token, jobIdP);
    expect(done.result).toMatchObject({ withFiles: 8, reachedServices: 5, share: 0.625, byService: { counseling: 2 } });
    expect(done.result.children[0]).toMatchObject({ reachedServices: 5, share: 0.625 });
    const stored = await t.as(officerP.token).get(`/api/v1/reports/coverage?${q(u.p.id)}`);
    expect(stored.body).toMatchObject({ reachedServices: 5, computedAt: later.toISOString(), jobId: jobIdP });
    const unreached = await t.as(officerP.token).get(`/api/v1/reports/coverage/unreached?${q(u.p.id)}`);
    expect(unreached.body.items.map((i: { id: string }) => i.id)).toEqual([people.a2.id, people.a10.id, people.a7.id]);
  });

  it('counts a person moved through the API in the commune they lived in at the period end, once in the parent', async () => {
    type Figures = { unit: { id: string }; withFiles: number; reachedServices: number; share: number; byService: { counseling: number } };
    type Report = Figures & { children: Figures[] };
    const childOf = (r: Report, key: string) => {
      const child = r.children.find((c) => c.unit.id === u[key].id);
      if (!child) throw new Error(`no child ${key} in the report of ${r.unit.id}`);
      return child;
    };
    const counted = (f: Figures) => ({ withFiles: f.withFiles, reachedServices: f.reachedServices, counseling: f.byService.counseling });
    const plusOne = (f: Figures) => ({ withFiles: f.withFiles + 1, reachedServices: f.reachedServices + 1, counseling: f.byService.counseling + 1 });

    const before: Report = await compute(root.token, u.d.id);
    expect(before.children.map((c) => c.unit.id)).toEqual([u.c1.id, u.c2.id]);

    // A file opened in C1 by its commune worker, with a counseling contact in March recorded there.
    const created = await createPerson(t, workerC1.token, u.c1.id, {
      fullName: 'Mai Văn Chuyển',
      status: 'addicted',
      registeredOn: '2025-02-10',
      managementDecisionOn: null,
    });
    expect([created.residenceUnitId, created.status]).toEqual([u.c1.id, 'addicted']);
    const served = await t.as(workerC1.token).post(`/api/v1/persons/${created.id}/services`, { type: 'counseling', date: '2025-03-12' });
    expect(served.status).toBe(201);

    // While they live in C1, they count in C1.
    const inC1: Report = await compute(root.token, u.d.id);
    expect(counted(childOf(inC1, 'c1'))).toEqual(plusOne(childOf(before, 'c1')));
    expect(counted(childOf(inC1, 'c2'))).toEqual(counted(childOf(before, 'c2')));
    expect(counted(inC1)).toEqual(plusOne(before));

    // The administrator moves the file to C2.
    const moved = await t.as(root.token).patch(`/api/v1/persons/${created.id}`, { version: created.version, residenceUnitId: u.c2.id });
    expect(moved.status).toBe(200);
    expect(moved.body.residenceUnitId).toBe(u.c2.id);
    const events: { data: unknown }[] = await t.db.query(`SELECT data FROM person_events WHERE person_id = $1 AND kind = 'moved'`, [created.id]);
    expect(events.map((e) => e.data)).toEqual([{ fromUnitId: u.c1.id, toUnitId: u.c2.id }]);

    // The move is dated today (2025-04-10), after March: recomputed, March still counts them in C1,
    // where they lived at its end, and once in D (the residence history, not the residence now).
    const after: Report = await compute(root.token, u.d.id);
    const c1After = childOf(after, 'c1');
    const c2After = childOf(after, 'c2');
    expect(counted(c1After)).toEqual(counted(childOf(inC1, 'c1')));
    expect(c1After.share).toBe(childOf(inC1, 'c1').share);
    expect(counted(c2After)).toEqual(counted(childOf(before, 'c2')));
    expect(counted(after)).toEqual(plusOne(before));
    expect(after.withFiles).toBe(c1After.withFiles + c2After.withFiles);
    expect(after.reachedServices).toBe(c1After.reachedServices + c2After.reachedServices);

    // April, which ends after the move, finds them in C2 and not in C1.
    const unreachedIn = async (key: string) =>
      (await t.as(root.token).get(`/api/v1/reports/coverage/unreached?unitId=${u[key].id}&from=2025-04-01&to=2025-04-30&pageSize=100`)).body.items.map(
        (p: { id: string }) => p.id,
      );
    expect(await unreachedIn('c2')).toContain(created.id);
    expect(await unreachedIn('c1')).not.toContain(created.id);
  });
});

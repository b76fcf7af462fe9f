import { createPerson, enrollmentRow, nationalId, personsCast, serviceContactRow, supervisionRow, visitRow, type PersonsCast } from '../support/persons-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const FROM = '2025-01-01';
const TO = '2025-06-30';

/** The duplicates job across a province, the review of its pairs, and the merge (issue 19). */
describe('duplicates: the province review and the merge', () => {
  let t: TestApp;
  let c: PersonsCast;
  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    t.clock.set(new Date('2025-06-15T05:00:00Z'));
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function until(path: string, token: string): Promise<any> {
    for (let i = 0; i < 300; i++) {
      const res = await t.as(token).get(path);
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await sleep(50);
    }
    throw new Error(`${path} did not finish`);
  }
  async function runJob(token: string, body: Record<string, unknown> = {}) {
    const res = await t.as(token).post('/api/v1/duplicates/runs', body);
    expect(res.status).toBe(202);
    const done = await until(`/api/v1/duplicates/runs/${res.body.jobId}`, token);
    expect(done.status).toBe('done');
    return done.result;
  }
  async function withFilesOfP(): Promise<number> {
    const res = await t.as(c.officerP.token).post('/api/v1/reports/coverage', { unitId: c.w.p.id, from: FROM, to: TO });
    expect(res.status).toBe(202);
    const done = await until(`/api/v1/reports/coverage/jobs/${res.body.jobId}`, c.officerP.token);
    return done.result.withFiles;
  }
  const pairs = async (token: string, qs = '') => t.as(token).get(`/api/v1/duplicates/pairs${qs}`);
  const pairOf = async (token: string, personId: string, qs = '') =>
    ((await pairs(token, qs)).body.items as any[]).find((p) => p.a.id === personId || p.b.id === personId);
  const decide = (token: string, pairId: string, body: Record<string, unknown>) => t.as(token).post(`/api/v1/duplicates/pairs/${pairId}/decision`, body);

  /** One person twice: in C1 without a national id (registered first), in C2 with one, written without diacritics. */
  let first: { id: string; caseCode: string };
  let second: { id: string; caseCode: string };
  const nid = nationalId();

  it('finds a pair of files in two communes of the province, and lists it to the province side by side', async () => {
    const common = { dateOfBirth: '1980-01-01', sex: 'male', status: 'addicted', managementDecisionOn: null };
    first = await createPerson(t, c.workerC1.token, c.w.c1.id, { ...common, fullName: 'Trần Văn Hùng', nationalId: null, registeredOn: '2025-01-10' });
    // C2's worker does not see C1's files: nothing holds this second file back.
    second = await createPerson(t, c.workerC2.token, c.w.c2.id, { ...common, fullName: 'Tran Van Hung', nationalId: nid, registeredOn: '2025-03-01' });
    // The same name and date of birth in province Q is not province P's pair.
    await createPerson(t, c.workerQC.token, c.w.qc.id, { ...common, fullName: 'Trần Văn Hùng', nationalId: null });
    expect(await withFilesOfP()).toBe(2);

    const result = await runJob(c.officerP.token);
    expect(result).toMatchObject({ provinceId: c.w.p.id, people: 2, found: 1, pending: 1 });
    expect(result.ms).toEqual(expect.any(Number));

    const list = await pairs(c.officerP.token);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    const pair = list.body.items[0];
    expect(pair).toMatchObject({ score: 1, reasons: ['name', 'date_of_birth'], status: 'pending', reviewedBy: null, survivorId: null });
    const sides = [pair.a, pair.b].sort((x: any, y: any) => x.registeredOn.localeCompare(y.registeredOn));
    expect(sides[0]).toEqual({
      id: first.id,
      caseCode: first.caseCode,
      fullName: 'Trần Văn Hùng',
      dateOfBirth: '1980-01-01',
      sex: 'male',
      residenceUnitId: c.w.c1.id,
      residenceUnitName: expect.any(String),
      status: 'addicted',
      registeredOn: '2025-01-10',
      closedOn: null,
      closeReason: null,
      mergedIntoId: null,
      hasNationalId: false,
      enrollments: 0,
      services: 0,
      supervisions: 0,
    });
    expect(sides[1]).toMatchObject({ id: second.id, residenceUnitId: c.w.c2.id, fullName: 'Tran Van Hung', hasNationalId: true });
    expect(JSON.stringify(list.body)).not.toContain(nid);
    // Each file shown is recorded as read by the officer.
    const reads = await t.db.query(`SELECT entity_id FROM audit_logs WHERE actor_id = $1 AND action = 'read' AND meta->>'view' = 'duplicate_pairs'`, [c.officerP.id]);
    expect(reads.map((r: { entity_id: string }) => r.entity_id).sort()).toEqual([first.id, second.id].sort());

    // Another province's officer sees none of it; the others may not review at all.
    expect((await pairs(c.officerQ.token)).body.total).toBe(0);
    for (const u of [c.workerC1, c.clinicP, c.rehabP]) {
      expect((await pairs(u.token)).status).toBe(403);
      expect((await t.as(u.token).post('/api/v1/duplicates/runs', {})).status).toBe(403);
      expect((await decide(u.token, pair.id, { decision: 'distinct' })).status).toBe(403);
    }
    expect((await decide(c.officerQ.token, pair.id, { decision: 'distinct' })).status).toBe(404);
    expect((await t.as(c.officerQ.token).post('/api/v1/duplicates/runs', { provinceId: c.w.p.id })).status).toBe(404);
    expect((await t.as(c.admin.token).post('/api/v1/duplicates/runs', { provinceId: c.w.d.id })).status).toBe(400);
    expect((await decide(c.officerP.token, pair.id, { decision: 'maybe' })).status).toBe(400);
    // Run again: the same pair, not a second one.
    expect(await runJob(c.admin.token, { provinceId: c.w.p.id })).toMatchObject({ found: 1, pending: 1 });
  });

  it('never proposes a pair marked distinct again', async () => {
    const common = { fullName: 'Lê Thị Mơ', dateOfBirth: '1992-02-02', sex: 'female', nationalId: null };
    const x = await createPerson(t, c.workerC1.token, c.w.c1.id, common);
    const y = await createPerson(t, c.workerC2.token, c.w.c2.id, common);
    await runJob(c.officerP.token);
    const pair = await pairOf(c.officerP.token, x.id);
    expect([pair.a.id, pair.b.id].sort()).toEqual([x.id, y.id].sort());
    const res = await decide(c.officerP.token, pair.id, { decision: 'distinct' });
    expect(res.status).toBe(200);
    expect(res.body.pair).toMatchObject({ id: pair.id, status: 'distinct', reviewedBy: c.officerP.id, reviewedAt: expect.any(String) });
    expect(res.body).not.toHaveProperty('moved');
    await runJob(c.officerP.token);
    expect(await pairOf(c.officerP.token, x.id)).toBeUndefined();
    expect((await pairOf(c.officerP.token, x.id, '?status=distinct')).id).toBe(pair.id);
    expect((await decide(c.officerP.token, pair.id, { decision: 'same' })).body).toMatchObject({ statusCode: 409, code: 'pair_already_reviewed' });
    const [audit] = await t.db.query(`SELECT meta FROM audit_logs WHERE action = 'distinct' AND entity_id = $1`, [pair.id]);
    expect(audit.meta).toEqual({ personAId: pair.a.id, personBId: pair.b.id });
  });

  it('refuses to merge two files that carry different national ids, or two active enrollments of one type', async () => {
    const common = { fullName: 'Phan Văn Tư', dateOfBirth: '1975-04-04', sex: 'male' };
    const x = await createPerson(t, c.workerC1.token, c.w.c1.id, { ...common, nationalId: nationalId() });
    const y = await createPerson(t, c.workerC2.token, c.w.c2.id, { ...common, nationalId: null });
    await runJob(c.officerP.token);
    const pair = await pairOf(c.officerP.token, x.id);
    expect(pair).toBeDefined();

    const ex = await enrollmentRow(t, x.id, { type: 'community', startDate: '2025-02-01' });
    await enrollmentRow(t, y.id, { type: 'community', startDate: '2025-03-01' });
    const conflict = await decide(c.officerP.token, pair.id, { decision: 'same' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('merge_conflict');
    await t.db.query(`UPDATE enrollments SET status = 'ended', end_date = '2025-03-31', outcome = 'completed' WHERE id = $1`, [ex]);

    // Since the job ran, C2 wrote another national id on its file: two people, never merged.
    const patched = await t.as(c.workerC2.token).patch(`/api/v1/persons/${y.id}`, { version: y.version, nationalId: nationalId() });
    expect(patched.status).toBe(200);
    const refused = await decide(c.admin.token, pair.id, { decision: 'same' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'national_id_mismatch' });
    // Nothing moved, nothing closed.
    const rows = await t.db.query(`SELECT id, closed_on FROM persons WHERE id = ANY($1)`, [[x.id, y.id]]);
    expect(rows.every((r: { closed_on: unknown }) => r.closed_on === null)).toBe(true);
    expect((await t.db.query(`SELECT status FROM duplicate_pairs WHERE id = $1`, [pair.id]))[0].status).toBe('pending');
    // The next run no longer proposes it.
    await runJob(c.officerP.token);
    expect(await pairOf(c.officerP.token, x.id)).toBeUndefined();
  });

  it('merges "same person": the survivor keeps its case code and gains every record; the other answers with a pointer; coverage counts the person once', async () => {
    // The second file's records: a methadone enrollment with doses, a service, a supervision with a follow-up and a visit, a reminder.
    const enrollment = await enrollmentRow(t, second.id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2025-03-05' });
    await t.db.query(`INSERT INTO methadone_doses (enrollment_id, date, dose_mg, status) VALUES ($1, '2025-03-05', 40, 'taken'), ($1, '2025-03-06', 45, 'taken')`, [enrollment]);
    const service = await serviceContactRow(t, second.id, 'counseling', '2025-03-10');
    const supervision = await supervisionRow(t, second.id, { startDate: '2025-04-01', endDate: '2026-03-31' });
    const [followUp] = await t.db.query(`INSERT INTO follow_ups (supervision_id, due_date) VALUES ($1, '2025-05-01') RETURNING id`, [supervision]);
    const visit = await visitRow(t, supervision, { visitDate: '2025-05-02', method: 'home_visit', drugTest: 'negative' });
    const [reminder] = await t.db.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_due', $1, $2, '2025-05-01', 'x') RETURNING id`,
      [second.id, followUp.id],
    );
    // The first file's own record.
    const ownService = await serviceContactRow(t, first.id, 'support', '2025-02-01');

    const pair = await pairOf(c.officerP.token, first.id);
    const res = await decide(c.officerP.token, pair.id, { decision: 'same' });
    expect(res.status).toBe(200);
    expect(res.body.pair).toMatchObject({ id: pair.id, status: 'same', survivorId: first.id, reviewedBy: c.officerP.id });
    expect(res.body.moved).toEqual({ events: 1, enrollments: 1, doses: 2, services: 1, supervisions: 1, followUps: 1, visits: 1, reminders: 1 });

    // Every record now hangs on the survivor.
    const owner = async (table: string, id: string) => (await t.db.query(`SELECT person_id FROM ${table} WHERE id = $1`, [id]))[0].person_id;
    expect(await owner('enrollments', enrollment)).toBe(first.id);
    expect(await owner('service_contacts', service)).toBe(first.id);
    expect(await owner('service_contacts', ownService)).toBe(first.id);
    expect(await owner('supervisions', supervision)).toBe(first.id);
    expect(await owner('reminders', reminder.id)).toBe(first.id);
    const doses = await t.as(c.admin.token).get(`/api/v1/enrollments/${enrollment}/doses`);
    expect(doses.status).toBe(200);
    expect(doses.body.total).toBe(2);

    // The survivor: its case code, the earlier registration, the other's national id, both histories.
    const survivor = await t.as(c.admin.token).get(`/api/v1/persons/${first.id}`);
    expect(survivor.body).toMatchObject({ caseCode: first.caseCode, registeredOn: '2025-01-10', nationalId: nid, closedOn: null, mergedIntoId: null });
    const timeline = await t.as(c.officerP.token).get(`/api/v1/persons/${first.id}/timeline?pageSize=100`);
    expect(timeline.status).toBe(200);
    const kinds = timeline.body.items.map((i: { kind: string; id: string }) => i.kind);
    expect(kinds.filter((k: string) => k === 'registered')).toHaveLength(2);
    expect(kinds).toEqual(expect.arrayContaining(['merged', 'enrollment_started', 'service', 'supervision_started', 'visit']));
    expect(timeline.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([enrollment, service, ownService, supervision, visit]));
    const registeredFromSecond = timeline.body.items.find((i: any) => i.kind === 'registered' && i.mergedFromCaseCode === second.caseCode);
    expect(registeredFromSecond).toBeDefined();

    // The merged file: closed, pointing at the survivor, still readable.
    const merged = await t.as(c.officerP.token).get(`/api/v1/persons/${second.id}`);
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: second.id, caseCode: second.caseCode, closedOn: '2025-06-15', closeReason: 'merged_into', mergedIntoId: first.id });
    const mergedTimeline = await t.as(c.officerP.token).get(`/api/v1/persons/${second.id}/timeline`);
    expect(mergedTimeline.body.items).toEqual([expect.objectContaining({ kind: 'closed', reason: 'merged_into', mergedIntoId: first.id })]);
    // A merged file is not written to, nor found before registering.
    expect((await t.as(c.workerC2.token).patch(`/api/v1/persons/${second.id}`, { version: merged.body.version, fullName: 'X' })).status).toBe(409);
    const found = await t.as(c.admin.token).post('/api/v1/persons/candidates', { fullName: 'Tran Van Hung', dateOfBirth: '1980-01-01', sex: 'male' });
    expect(found.body.items.map((i: { id: string }) => i.id)).not.toContain(second.id);

    // One transaction, audited with both ids.
    const audits = await t.db.query(`SELECT entity_id, meta FROM audit_logs WHERE action = 'merge' ORDER BY entity_id`);
    expect(audits.map((a: { entity_id: string }) => a.entity_id).sort()).toEqual([first.id, second.id].sort());
    for (const a of audits) expect(a.meta).toMatchObject({ survivorId: first.id, mergedId: second.id, pairId: pair.id });

    // Coverage: the person counts once.
    expect(await withFilesOfP()).toBe(1); // was 2 (the other files of this test are `using`, not counted)
    // The pair is not proposed again, and not merged twice.
    await runJob(c.officerP.token);
    expect(await pairOf(c.officerP.token, first.id)).toBeUndefined();
    expect((await decide(c.officerP.token, pair.id, { decision: 'same' })).body.code).toBe('pair_already_reviewed');
  });
});

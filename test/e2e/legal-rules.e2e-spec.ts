import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { createPerson } from '../support/persons-factories.js';
import { remindersOf } from '../support/reminders-factories.js';
import { at, person } from '../support/treatment-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

const messageOf = (r: Reply) => JSON.stringify(r.body.message);

/**
 * The legal rules through the routes: the legal basis of a compulsory stay (Law 73/2021/QH14 Arts
 * 33, 40), decisions and the post-rehab deadlines (Decree 116/2021 Arts 77-78), early completion,
 * first or repeat treatment (Law 120/2025), and the public holidays that working days skip.
 */
describe('legal rules', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let cw1: TestUser;
  let fac: TestUser;

  const enroll = (u: TestUser, personId: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/persons/${personId}/enrollments`, body);
  const end = (u: TestUser, id: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/enrollments/${id}/end`, body);
  const stay = (mode: string, startDate: string, plannedEndDate: string, extra: Record<string, unknown> = {}) => ({
    type: 'facility',
    mode,
    facilityId: w.rehabP,
    startDate,
    plannedEndDate,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, '2026-03-20'));
    w = await world(t);
    adm = await admin(t);
    cw1 = await user(t, 'commune_worker', w.c1);
    fac = await user(t, 'facility_staff', w.p, w.rehabP);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });
  beforeEach(() => t.clock.set(at(t, '2026-03-20')));

  describe('legal basis of a compulsory stay (Law 73/2021/QH14 Arts 33, 40)', () => {
    it('records a court decision for a person 17 at the decision, and refuses to call it an administrative measure', async () => {
      const p = await person(t, w.c1, { dateOfBirth: '2007-10-01' });
      const body = stay('compulsory', '2025-03-01', '2026-02-28', { decisionNo: '05/2025/QĐ-TA', decisionOn: '2025-02-20' });
      const wrong = await enroll(fac, p.id, { ...body, legalBasis: 'administrative_measure' });
      expect(wrong.status).toBe(400);
      expect(messageOf(wrong)).toContain('legalBasis');
      expect(messageOf(wrong)).toContain('Art 33');
      const r = await enroll(fac, p.id, body);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ legalBasis: 'court_decision', ageAtDecision: 17, decisionNo: '05/2025/QĐ-TA', decisionOn: '2025-02-20' });
      // Completed at 18: the post-rehab term is still 1 year.
      const ended = await end(fac, r.body.id, { endDate: '2026-02-28', outcome: 'completed' });
      expect(ended.status).toBe(200);
      expect(ended.body.supervision).toMatchObject({ startDate: '2026-03-01', endDate: '2027-02-28', termRule: 'L73-2021-art40-other' });
    });

    it('gives 2 years of post-rehab management after the administrative measure (an adult at the decision)', async () => {
      const p = await person(t, w.c1, { dateOfBirth: '1990-01-01' });
      const r = await enroll(fac, p.id, stay('compulsory', '2025-03-01', '2026-02-28'));
      expect(r.body).toMatchObject({ legalBasis: 'administrative_measure', ageAtDecision: 35 });
      const ended = await end(fac, r.body.id, { endDate: '2026-02-28', outcome: 'completed' });
      expect(ended.body.supervision).toMatchObject({ endDate: '2028-02-29', termRule: 'L73-2021-art40-administrative' });
    });

    it('refuses a legal basis on a voluntary stay, and a decision number without its date', async () => {
      const p = await person(t, w.c1);
      const basis = await enroll(fac, p.id, stay('voluntary', '2025-09-01', '2026-03-01', { legalBasis: 'court_decision' }));
      expect(basis.status).toBe(400);
      expect(messageOf(basis)).toContain('legalBasis');
      const half = await enroll(fac, p.id, stay('voluntary', '2025-09-01', '2026-03-01', { decisionNo: '1/QĐ' }));
      expect(half.status).toBe(400);
      expect(messageOf(half)).toContain('decisionOn');
    });
  });

  describe('early completion (the legal minimum term)', () => {
    it('refuses `completed` before the minimum term without the decision that allows it, naming the rule', async () => {
      const p = await person(t, w.c1);
      const r = await enroll(fac, p.id, stay('voluntary', '2025-12-01', '2026-06-01'));
      expect(r.status).toBe(201);
      const early = await end(fac, r.body.id, { endDate: '2026-02-01', outcome: 'completed' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('legal_term_not_reached');
      expect(messageOf(early)).toContain('rule L73-2021-voluntary');
      expect((await t.db.query(`SELECT status FROM enrollments WHERE id = $1`, [r.body.id]))[0].status).toBe('active');
      // Other outcomes need no decision; with the decision, completion is accepted.
      const allowed = await end(fac, r.body.id, {
        endDate: '2026-02-01',
        outcome: 'completed',
        earlyCompletionDecisionNo: '31/QĐ',
        earlyCompletionDecisionOn: '2026-01-30',
      });
      expect(allowed.status).toBe(200);
      expect(allowed.body).toMatchObject({ outcome: 'completed', earlyCompletionDecisionNo: '31/QĐ', earlyCompletionDecisionOn: '2026-01-30' });
    });
  });

  describe('first or repeat treatment (Law 120/2025, as reported)', () => {
    it('counts a completed treatment known from paper files, not one dropped out of', async () => {
      t.clock.set(at(t, '2026-11-20'));
      const dropped = await person(t, w.c1);
      const before = await enroll(cw1, dropped.id, { type: 'community', startDate: '2025-01-10' });
      expect((await end(cw1, before.body.id, { endDate: '2025-03-01', outcome: 'dropped_out' })).status).toBe(200);
      // A first treatment: 24 months.
      expect((await enroll(cw1, dropped.id, { type: 'community', startDate: '2026-08-01', plannedEndDate: '2028-07-31' })).status).toBe(201);

      const onPaper = await person(t, w.c1);
      const first = await enroll(cw1, onPaper.id, { type: 'community', startDate: '2026-08-01', plannedEndDate: '2028-07-31', priorCompletedTreatments: 1 });
      expect(first.status).toBe(400);
      expect(messageOf(first)).toContain('L120-2025-repeat');
      const repeat = await enroll(cw1, onPaper.id, { type: 'community', startDate: '2026-08-01', plannedEndDate: '2029-07-31', priorCompletedTreatments: 1 });
      expect(repeat.status).toBe(201);
      expect(repeat.body.priorCompletedOnPaper).toBe(1);
    });
  });

  describe('post-rehab deadlines (Decree 116/2021 Arts 77-78)', () => {
    it('reminds of the file 3 working days after the certificate and of the decision 2 more, until the decision is recorded', async () => {
      const p = await person(t, w.c1);
      const r = await enroll(fac, p.id, stay('voluntary', '2025-09-01', '2026-03-01', { decisionNo: '88/QĐ', decisionOn: '2025-08-25' }));
      // Certificate on Thursday 5 March 2026.
      const ended = await end(fac, r.body.id, { endDate: '2026-03-05', outcome: 'completed', certificateNo: '07/GCN', certificateOn: '2026-03-05' });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({
        certificateNo: '07/GCN',
        certificateOn: '2026-03-05',
        postRehabFileDue: '2026-03-10',
        postRehabDecisionDue: '2026-03-12',
      });
      expect((await t.as(adm.token).post('/api/v1/reminders/replan')).status).toBe(200);
      const raised = (await remindersOf(t.db, p.id)).filter((x) => x.kind.startsWith('post_rehab'));
      expect(raised.map((x) => [x.kind, x.subject_id, x.due_date, x.status])).toEqual([
        ['post_rehab_decision_due', r.body.id, '2026-03-12', 'open'],
        ['post_rehab_file_due', r.body.id, '2026-03-10', 'open'],
      ]);
      expect(raised[1].message).toContain('Decree 116/2021/ND-CP Art 77');
      expect(raised[1].facility_id).toBe(w.rehabP);

      const s = ended.body.supervision;
      const half = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: s.version, decisionNo: '15/QĐ-UBND' });
      expect(half.status).toBe(400);
      expect(messageOf(half)).toContain('decisionOn');
      const decided = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: s.version, decisionNo: '15/QĐ-UBND', decisionOn: '2026-03-11' });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ decisionNo: '15/QĐ-UBND', decisionOn: '2026-03-11' });
      expect((await remindersOf(t.db, p.id)).filter((x) => x.kind.startsWith('post_rehab')).map((x) => x.status)).toEqual(['resolved', 'resolved']);
      await t.as(adm.token).post('/api/v1/reminders/replan');
      expect((await remindersOf(t.db, p.id)).filter((x) => x.kind.startsWith('post_rehab')).map((x) => x.status)).toEqual(['resolved', 'resolved']);
    });

    it('refuses a certificate on an outcome other than completed', async () => {
      const p = await person(t, w.c1);
      const r = await enroll(fac, p.id, stay('voluntary', '2025-09-01', '2026-03-01'));
      const res = await end(fac, r.body.id, { endDate: '2026-03-05', outcome: 'dropped_out', certificateNo: '1', certificateOn: '2026-03-05' });
      expect(res.status).toBe(400);
      expect(messageOf(res)).toContain('certificateOn');
    });
  });

  describe('management of a using person (Law 73/2021/QH14 Art 23)', () => {
    it('records the management decision number, and ends management early for each reason the law names', async () => {
      const created = await createPerson(t, cw1.token, w.c1.id, { managementDecisionNo: '25/QĐ-UBND' });
      expect(created).toMatchObject({ status: 'using', managementDecisionOn: '2025-03-05', managementDecisionNo: '25/QĐ-UBND' });
      const renumbered = await t.as(cw1.token).patch(`/api/v1/persons/${created.id}`, { version: created.version, managementDecisionNo: '26/QĐ-UBND' });
      expect(renumbered.status).toBe(200);
      expect(renumbered.body.managementDecisionNo).toBe('26/QĐ-UBND');

      for (const reason of ['commune_education', 'reformatory', 'imprisoned', 'deceased']) {
        const p = await createPerson(t, cw1.token, w.c1.id);
        const closed = await t.as(cw1.token).post(`/api/v1/persons/${p.id}/close`, { closedOn: '2026-03-01', closeReason: reason });
        expect(closed.status).toBe(200);
        expect(closed.body).toMatchObject({ closedOn: '2026-03-01', closeReason: reason });
      }
      // Closed files are not reminded of: the one-year management ending is not announced.
      const p = await createPerson(t, cw1.token, w.c1.id, { managementDecisionOn: '2025-03-25' });
      await t.as(cw1.token).post(`/api/v1/persons/${p.id}/close`, { closedOn: '2026-03-01', closeReason: 'reformatory' });
      await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(await remindersOf(t.db, p.id)).toEqual([]);
    });
  });

  describe('public holidays (working days for Decree 116/2021 Art 3(5) and Arts 77-78)', () => {
    it('lists the seeded holidays of a year, Tết included, with their source', async () => {
      const r = await t.as(cw1.token).get('/api/v1/public-holidays?year=2026');
      expect(r.status).toBe(200);
      expect(r.body.items.map((h: { date: string }) => h.date)).toEqual(
        expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-02']),
      );
      expect(r.body.items.every((h: { date: string; source: string }) => h.date.startsWith('2026') && h.source.length > 0)).toBe(true);
      expect((await t.as(cw1.token).get('/api/v1/public-holidays?year=twenty')).status).toBe(400);
    });

    it('lets the admin add and remove a day off, which moves the deadlines; others may not', async () => {
      const day = { date: '2026-03-09', name: 'A day off announced late', source: 'test announcement' };
      expect((await t.as(cw1.token).post('/api/v1/public-holidays', day)).status).toBe(403);
      const created = await t.as(adm.token).post('/api/v1/public-holidays', day);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(day);
      expect((await t.as(adm.token).post('/api/v1/public-holidays', day)).status).toBe(409);
      const bad = await t.as(adm.token).post('/api/v1/public-holidays', { ...day, date: '2026-02-30' });
      expect(bad.status).toBe(400);
      expect(messageOf(bad)).toContain('date');

      // Monday 9 March off: a certificate on Thursday 5 March makes the file due on Wednesday 11.
      const p = await person(t, w.c1);
      const r = await enroll(fac, p.id, stay('voluntary', '2025-09-01', '2026-03-01'));
      const ended = await end(fac, r.body.id, { endDate: '2026-03-05', outcome: 'completed', certificateNo: '8/GCN', certificateOn: '2026-03-05' });
      expect(ended.body).toMatchObject({ postRehabFileDue: '2026-03-11', postRehabDecisionDue: '2026-03-13' });

      expect((await t.as(cw1.token).delete('/api/v1/public-holidays/2026-03-09')).status).toBe(403);
      const removed = await t.as(adm.token).delete('/api/v1/public-holidays/2026-03-09');
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual(day);
      expect((await t.as(adm.token).delete('/api/v1/public-holidays/2026-03-09')).status).toBe(404);
      const audit: { action: string; entity_id: string }[] = await t.db.query(
        `SELECT action, entity_id FROM audit_logs WHERE entity = 'public_holiday' ORDER BY at, id`,
      );
      expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
        ['create', '2026-03-09'],
        ['delete', '2026-03-09'],
      ]);
    });
  });
});

import {
  createPerson,
  enrollmentRow,
  nationalId,
  personsCast,
  serviceContactRow,
  supervisionRow,
  visitRow,
  type PersonsCast,
} from '../support/persons-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2025-06-15';

describe('person files: update, move, close, timeline', () => {
  let t: TestApp;
  let c: PersonsCast;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date(`${TODAY}T05:00:00Z`));
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const rowOf = async (id: string) => (await t.db.query(`SELECT row_to_json(p)::text AS json FROM persons p WHERE id = $1`, [id]))[0].json as string;
  const eventsOf = async (id: string) =>
    t.db.query(`SELECT kind, to_char(event_date, 'YYYY-MM-DD') AS date, data FROM person_events WHERE person_id = $1 ORDER BY recorded_at`, [id]);
  const auditsOf = async (id: string, action: string) =>
    t.db.query(`SELECT actor_id, fields, meta FROM audit_logs WHERE entity = 'person' AND entity_id = $1 AND action = $2 ORDER BY at, id`, [
      id,
      action,
    ]);

  describe('PATCH', () => {
    it('changes fields against the version read, bumps the version, and records field names only', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const res = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, {
        version: 1,
        fullName: ' Trần Thị   Mai ',
        phone: '0900 000 001',
        substances: ['methamphetamine', 'heroin'],
        inDetention: true,
        sex: 'male', // unchanged: not recorded
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: p.id,
        caseCode: p.caseCode,
        fullName: 'Trần Thị Mai',
        phone: '0900 000 001',
        nationalId: p.nationalId,
        address: p.address,
        substances: ['methamphetamine', 'heroin'],
        inDetention: true,
        version: 2,
      });
      const events = await eventsOf(p.id);
      expect(events.map((e: { kind: string; date: string }) => [e.kind, e.date])).toEqual([
        ['registered', '2025-03-01'],
        ['management_decision', '2025-03-05'],
        ['updated', TODAY],
      ]);
      expect(Object.keys(events[2].data)).toEqual(['fields']);
      expect([...events[2].data.fields].sort()).toEqual(['fullName', 'inDetention', 'phone', 'substances']);
      const audits = await auditsOf(p.id, 'update');
      expect(audits).toHaveLength(1);
      expect([...audits[0].fields].sort()).toEqual(['fullName', 'inDetention', 'phone', 'substances']);
      expect(JSON.stringify(audits)).not.toContain('0900');
      // The new name is searchable without diacritics; the old one is gone.
      const found = await t.as(c.workerC1.token).get('/api/v1/persons?q=tran%20thi%20mai');
      expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
      const old = await t.as(c.workerC1.token).get(`/api/v1/persons?q=${encodeURIComponent(p.caseCode)}`);
      expect(old.body.items[0].fullName).toBe('Trần Thị Mai');
      // null clears an optional contact field.
      const cleared = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 2, phone: null, address: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ phone: null, address: null, version: 3 });
      const [row] = await t.db.query(`SELECT phone_cipher, address_cipher FROM persons WHERE id = $1`, [p.id]);
      expect(row).toEqual({ phone_cipher: null, address_cipher: null });
    });

    it('answers a stale version with 409 and changes nothing', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      expect((await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 1, inDetention: true })).status).toBe(200);
      const before = await rowOf(p.id);
      const eventsBefore = (await eventsOf(p.id)).length;
      const res = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 1, fullName: 'Người Khác', status: 'addicted' });
      expect(res.status).toBe(409);
      expect(JSON.stringify(res.body.message)).toContain('version');
      expect(await rowOf(p.id)).toBe(before);
      expect(await eventsOf(p.id)).toHaveLength(eventsBefore);
      const future = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 7, fullName: 'Người Khác' });
      expect(future.status).toBe(409);
    });

    it('lets exactly one of ten parallel updates of the same version win', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) => t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 1, fullName: `Tên số ${i}` })),
      );
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      const winner = replies.find((r) => r.status === 200)!;
      const [row] = await t.db.query(`SELECT full_name, version FROM persons WHERE id = $1`, [p.id]);
      expect(row).toEqual({ full_name: winner.body.fullName, version: 2 });
      expect(await auditsOf(p.id, 'update')).toHaveLength(1);
    });

    it('keeps status changes and new management decisions as history', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { status: 'using', managementDecisionOn: '2025-03-05' });
      const a = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 1, status: 'addicted' });
      expect(a.status).toBe(200);
      t.clock.set(new Date('2025-06-20T05:00:00Z'));
      try {
        const b = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 2, status: 'using', managementDecisionOn: '2025-06-18' });
        expect(b.status).toBe(200);
        expect(b.body).toMatchObject({ status: 'using', managementDecisionOn: '2025-06-18', version: 3 });
      } finally {
        t.clock.set(new Date(`${TODAY}T05:00:00Z`));
      }
      expect(await eventsOf(p.id)).toEqual([
        { kind: 'registered', date: '2025-03-01', data: { status: 'using', residenceUnitId: c.w.c1.id } },
        { kind: 'management_decision', date: '2025-03-05', data: {} },
        { kind: 'status_changed', date: TODAY, data: { from: 'using', to: 'addicted' } },
        { kind: 'status_changed', date: '2025-06-20', data: { from: 'addicted', to: 'using' } },
        { kind: 'management_decision', date: '2025-06-18', data: {} },
      ]);
      const audits = await auditsOf(p.id, 'update');
      expect(audits.map((x: { fields: string[] }) => [...x.fields].sort())).toEqual([['status'], ['managementDecisionOn', 'status']]);
    });

    it('refuses bad input with 400 naming the field and changes nothing', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const other = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const before = await rowOf(p.id);
      const cases: [string, Record<string, unknown>][] = [
        ['version', { fullName: 'X' }],
        ['version', { version: 'one', fullName: 'X' }],
        ['fullName', { version: 1, fullName: null }],
        ['fullName', { version: 1, fullName: '   ' }],
        ['status', { version: 1, status: null }],
        ['sex', { version: 1, sex: 'f' }],
        ['registeredOn', { version: 1, registeredOn: '2025-06-16' }],
        ['dateOfBirth', { version: 1, dateOfBirth: '2025-04-01' }],
        ['dateOfBirth', { version: 1, dateOfBirth: '2025-02-29' }],
        ['managementDecisionOn', { version: 1, managementDecisionOn: '2030-01-01' }],
        ['substances', { version: 1, substances: null }],
        ['residenceUnitId', { version: 1, residenceUnitId: c.w.d.id }],
        ['residenceUnitId', { version: 1, residenceUnitId: '00000000-0000-4000-8000-000000000000' }],
        ['residenceUnitId', { version: 1, residenceUnitId: null }],
        ['nationalId', { version: 1, nationalId: '1234' }],
        ['caseCode', { version: 1, caseCode: 'MINE' }],
        ['closedOn', { version: 1, closedOn: '2025-05-01' }],
      ];
      for (const [field, body] of cases) {
        const res = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, body);
        expect([res.status, field]).toEqual([400, field]);
        expect(JSON.stringify(res.body.message)).toContain(field);
      }
      const dup = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 1, nationalId: other.nationalId });
      expect(dup.status).toBe(409);
      expect(JSON.stringify(dup.body.message)).toContain('nationalId');
      expect(await rowOf(p.id)).toBe(before);
    });

    it('is refused to other roles (403) and outside scope (404)', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      await enrollmentRow(t, p.id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2025-04-01' });
      for (const u of [c.officerP, c.clinicP, c.rehabP]) {
        expect((await t.as(u.token).patch(`/api/v1/persons/${p.id}`, { version: 1, inDetention: true })).status).toBe(403);
        expect((await t.as(u.token).post(`/api/v1/persons/${p.id}/close`, { closedOn: TODAY, closeReason: 'other' })).status).toBe(403);
      }
      for (const u of [c.workerC2, c.workerQC]) {
        expect((await t.as(u.token).patch(`/api/v1/persons/${p.id}`, { version: 1, inDetention: true })).status).toBe(404);
        expect((await t.as(u.token).post(`/api/v1/persons/${p.id}/close`, { closedOn: TODAY, closeReason: 'other' })).status).toBe(404);
      }
      expect(await rowOf(p.id)).toContain('"version":1');
    });
  });

  describe('move', () => {
    it('moves a file with its history to a commune of another province; the old commune loses it, the new one sees it', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      expect((await t.as(c.workerQC.token).get(`/api/v1/persons/${p.id}`)).status).toBe(404);
      const res = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 1, residenceUnitId: c.w.qc.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ residenceUnitId: c.w.qc.id, caseCode: p.caseCode, registeredOn: '2025-03-01', version: 2 });

      for (const u of [c.workerC1, c.officerP]) expect((await t.as(u.token).get(`/api/v1/persons/${p.id}`)).status).toBe(404);
      for (const u of [c.workerQC, c.officerQ]) expect((await t.as(u.token).get(`/api/v1/persons/${p.id}`)).status).toBe(200);
      const qcList = await t.as(c.workerQC.token).get('/api/v1/persons');
      expect(qcList.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
      const c1List = await t.as(c.workerC1.token).get('/api/v1/persons?pageSize=100');
      expect(c1List.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);

      const events = await eventsOf(p.id);
      expect(events.map((e: { kind: string }) => e.kind)).toEqual(['registered', 'management_decision', 'moved']);
      expect(events[2]).toEqual({ kind: 'moved', date: TODAY, data: { fromUnitId: c.w.c1.id, toUnitId: c.w.qc.id } });
      expect(await auditsOf(p.id, 'move')).toEqual([
        { actor_id: c.workerC1.id, fields: ['residenceUnitId'], meta: { fromUnitId: c.w.c1.id, toUnitId: c.w.qc.id } },
      ]);
      expect(await auditsOf(p.id, 'update')).toEqual([]);
      // The receiving commune sees the whole history.
      const timeline = await t.as(c.workerQC.token).get(`/api/v1/persons/${p.id}/timeline`);
      expect(timeline.body.items.map((i: { kind: string }) => i.kind)).toEqual(['registered', 'management_decision', 'moved']);
      // And may change it from now on.
      const edit = await t.as(c.workerQC.token).patch(`/api/v1/persons/${p.id}`, { version: 2, inDetention: true });
      expect(edit.status).toBe(200);
    });
  });

  describe('close', () => {
    it('closes with a reason and date, records it, and refuses a second close or later edits', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const bad: [string, Record<string, unknown>][] = [
        ['closedOn', { closedOn: '2025-02-28', closeReason: 'moved_away' }],
        ['closedOn', { closedOn: '2025-06-16', closeReason: 'moved_away' }],
        ['closedOn', { closedOn: 'soon', closeReason: 'moved_away' }],
        ['closedOn', { closeReason: 'moved_away' }],
        ['closeReason', { closedOn: TODAY, closeReason: 'bored' }],
        ['closeReason', { closedOn: TODAY }],
        ['note', { closedOn: TODAY, closeReason: 'other', note: 'x' }],
      ];
      for (const [field, body] of bad) {
        const res = await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/close`, body);
        expect([res.status, field]).toEqual([400, field]);
        expect(JSON.stringify(res.body.message)).toContain(field);
      }
      expect((await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/close`, { closedOn: TODAY, closeReason: 'other', version: 9 })).status).toBe(409);

      const res = await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/close`, { closedOn: '2025-03-01', closeReason: 'management_ended' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: p.id, closedOn: '2025-03-01', closeReason: 'management_ended', version: 2 });
      const again = await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/close`, { closedOn: TODAY, closeReason: 'other' });
      expect(again.status).toBe(409);
      const edit = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 2, inDetention: true });
      expect(edit.status).toBe(409);
      const events = await eventsOf(p.id);
      expect(events[events.length - 1]).toEqual({ kind: 'closed', date: '2025-03-01', data: { reason: 'management_ended' } });
      expect((await auditsOf(p.id, 'close')).map((a: { fields: string[] }) => a.fields)).toEqual([['closedOn', 'closeReason']]);
      // Still readable.
      expect((await t.as(c.workerC1.token).get(`/api/v1/persons/${p.id}`)).body.closedOn).toBe('2025-03-01');
    });
  });

  describe('timeline', () => {
    it('merges the file’s events with enrollments, services, supervisions and visits in date order, without notes or contacts', async () => {
      const nid = nationalId();
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { nationalId: nid, registeredOn: '2024-01-10', managementDecisionOn: '2024-01-12' });
      const community = await enrollmentRow(t, p.id, { type: 'community', startDate: '2024-02-01', endDate: '2024-08-01', outcome: 'completed' });
      const methadone = await enrollmentRow(t, p.id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2024-09-01' });
      const service = await serviceContactRow(t, p.id, 'counseling', '2024-03-15', 'ghi chú riêng tư');
      const sup = await supervisionRow(t, p.id, { startDate: '2024-08-02', endDate: '2025-08-01', endedOn: '2025-02-01', outcome: 'relapsed' });
      const visit = await visitRow(t, sup, { visitDate: '2024-09-01', method: 'home_visit', drugTest: 'negative', notes: 'ghi chú thăm' });
      const visit2 = await visitRow(t, sup, { visitDate: '2025-01-20', method: 'phone', drugTest: 'positive', relapse: true });
      // Recorded today, after the rows above: a same-day event comes after them.
      const st = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: 1, status: 'addicted' });
      expect(st.status).toBe(200);
      const other = await createPerson(t, c.workerC1.token, c.w.c1.id);
      await serviceContactRow(t, other.id, 'medical', '2024-03-15'); // someone else's

      const res = await t.as(c.officerP.token).get(`/api/v1/persons/${p.id}/timeline`);
      expect(res.status).toBe(200);
      const ids = await t.db.query(`SELECT id, kind FROM person_events WHERE person_id = $1 ORDER BY recorded_at`, [p.id]);
      const ev = (kind: string) => ids.find((e: { kind: string }) => e.kind === kind).id;
      expect(res.body).toEqual({
        items: [
          { date: '2024-01-10', kind: 'registered', id: ev('registered'), status: 'using', residenceUnitId: c.w.c1.id },
          { date: '2024-01-12', kind: 'management_decision', id: ev('management_decision') },
          { date: '2024-02-01', kind: 'enrollment_started', id: community, type: 'community', mode: null, facilityId: null, plannedEndDate: null },
          { date: '2024-03-15', kind: 'service', id: service, type: 'counseling', facilityId: null },
          { date: '2024-08-01', kind: 'enrollment_ended', id: community, type: 'community', mode: null, facilityId: null, outcome: 'completed' },
          { date: '2024-08-02', kind: 'supervision_started', id: sup, endDate: '2025-08-01', intervalDays: 30, sourceEnrollmentId: null },
          { date: '2024-09-01', kind: 'enrollment_started', id: methadone, type: 'methadone', mode: null, facilityId: c.w.clinicP, plannedEndDate: null },
          { date: '2024-09-01', kind: 'visit', id: visit, supervisionId: sup, method: 'home_visit', drugTest: 'negative', relapse: false },
          { date: '2025-01-20', kind: 'visit', id: visit2, supervisionId: sup, method: 'phone', drugTest: 'positive', relapse: true },
          { date: '2025-02-01', kind: 'supervision_ended', id: sup, outcome: 'relapsed' },
          { date: TODAY, kind: 'status_changed', id: ev('status_changed'), from: 'using', to: 'addicted' },
        ],
        total: 11,
        page: 1,
        pageSize: 20,
      });
      // Paged like every list, in the same order.
      const second = await t.as(c.officerP.token).get(`/api/v1/persons/${p.id}/timeline?page=2&pageSize=4`);
      expect(second.body).toMatchObject({ total: 11, page: 2, pageSize: 4 });
      expect(second.body.items).toEqual(res.body.items.slice(4, 8));
      expect((await t.as(c.officerP.token).get(`/api/v1/persons/${p.id}/timeline?pageSize=101`)).status).toBe(400);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('ghi chú');
      expect(text).not.toContain('notes');
      expect(text).not.toContain(nid);
      expect(text).not.toContain('0912');
      // Reading the timeline is a read of the file: each page read, not the refused one.
      const audits = await auditsOf(p.id, 'read');
      const read = { actor_id: c.officerP.id, fields: [], meta: { view: 'timeline' } };
      expect(audits).toEqual([read, read]);
    });

    it('is visible to the clinic where the person is enrolled', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      expect((await t.as(c.clinicP.token).get(`/api/v1/persons/${p.id}/timeline`)).status).toBe(404);
      await enrollmentRow(t, p.id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2025-04-01' });
      const res = await t.as(c.clinicP.token).get(`/api/v1/persons/${p.id}/timeline`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { kind: string }) => i.kind)).toEqual(['registered', 'management_decision', 'enrollment_started']);
    });

    it("shows clinic and facility staff only their own facility's enrollments and services, never supervision or visits", async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const own = await enrollmentRow(t, p.id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2025-04-01' });
      const stay = await enrollmentRow(t, p.id, {
        type: 'facility',
        facilityId: c.w.rehabP,
        mode: 'voluntary',
        startDate: '2024-01-10',
        endDate: '2024-07-10',
        outcome: 'completed',
      });
      const sup = await supervisionRow(t, p.id, { startDate: '2024-07-11', endDate: '2025-07-10' });
      const visit = await visitRow(t, sup, { visitDate: '2024-08-10', method: 'home_visit', drugTest: 'positive' });
      const service = async (facilityId: string | null) =>
        ((await t.db.query(`INSERT INTO service_contacts (person_id, type, date, facility_id) VALUES ($1, 'counseling', '2025-05-01', $2) RETURNING id`, [p.id, facilityId])) as { id: string }[])[0].id;
      const atClinic = await service(c.w.clinicP);
      const elsewhere = await service(null);
      const timeline = async (token: string) => {
        const res = await t.as(token).get(`/api/v1/persons/${p.id}/timeline`);
        expect(res.status).toBe(200);
        return (res.body.items as { kind: string; id: string }[]).filter((i) => i.kind !== 'registered' && i.kind !== 'management_decision').map((i) => `${i.kind}:${i.id}`);
      };
      expect((await timeline(c.clinicP.token)).sort()).toEqual([`enrollment_started:${own}`, `service:${atClinic}`].sort());
      // The facility where the stay was sees that stay and nothing of the clinic or the commune.
      expect((await timeline(c.rehabP.token)).sort()).toEqual([`enrollment_started:${stay}`, `enrollment_ended:${stay}`].sort());
      // The commune sees everything.
      expect((await timeline(c.workerC1.token)).sort()).toEqual(
        [
          `enrollment_started:${own}`,
          `enrollment_started:${stay}`,
          `enrollment_ended:${stay}`,
          `supervision_started:${sup}`,
          `visit:${visit}`,
          `service:${atClinic}`,
          `service:${elsewhere}`,
        ].sort(),
      );
    });
  });
});

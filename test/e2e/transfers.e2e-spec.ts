import { createPerson, nationalId, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { importFile, xlsx } from '../support/imports-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2025-06-15';
const HEADERS = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mã đơn vị cư trú', 'Tình trạng (sử dụng/nghiện)'];

const auditOf = (t: TestApp, where: string, params: unknown[]) =>
  t.db.query(`SELECT actor_id, action, entity, entity_id, meta FROM audit_logs WHERE ${where} ORDER BY at, id`, params) as Promise<any[]>;

describe('transfers of files between communes', () => {
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

  it('walks a request to acceptance: the file, its reminders and a notice move; the sender keeps a name-free trace', async () => {
    const nid = nationalId();
    const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { nationalId: nid, fullName: 'Lê Thị Chuyển' });
    // An open reminder about the file (a follow-up due), as the reminder jobs would raise it.
    await t.db.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_due', $1, gen_random_uuid(), '2025-06-20', 'Case x: follow-up')`,
      [p.id],
    );

    // A worker of C2 meets the person and asks for the file by national id.
    const asked = await t.as(c.workerC2.token).post('/api/v1/transfer-requests', { nationalId: nid, toUnitId: c.w.c2.id, reason: 'sống tại xã từ tháng 5' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      origin: 'request',
      fromUnitId: c.w.c1.id,
      toUnitId: c.w.c2.id,
      approverUnitId: c.w.d.id, // the district holds both communes
      direction: 'in',
      // The requester may not see the file until it moves.
      personId: null,
      fullName: null,
      caseCode: null,
    });
    expect(asked.headers.get('cache-control')).toBe('no-store');
    const id = asked.body.id;
    // Asking again joins the same pending request.
    const again = await t.as(c.workerC2.token).post('/api/v1/transfer-requests', { nationalId: nid, toUnitId: c.w.c2.id });
    expect(again.body.id).toBe(id);

    // The sending commune sees the request about its file, by name; another province's worker sees nothing.
    const sender = await t.as(c.workerC1.token).get('/api/v1/transfer-requests?status=pending');
    expect(sender.status).toBe(200);
    expect(sender.body.items.find((r: any) => r.id === id)).toMatchObject({ personId: p.id, fullName: 'Lê Thị Chuyển', direction: 'out' });
    expect((await t.as(c.workerQC.token).get('/api/v1/transfer-requests')).body).toMatchObject({ items: [], total: 0 });
    expect((await t.as(c.officerQ.token).get('/api/v1/transfer-requests')).body.items).toEqual([]);
    // The list that showed the name wrote a row naming the person.
    const reads = await auditOf(t, `actor_id = $1 AND action = 'read' AND meta->>'view' = 'transfer_requests'`, [c.workerC1.id]);
    expect(reads.at(-1).meta.personIds).toEqual([p.id]);

    // Only the officer above both communes decides.
    expect((await t.as(c.workerC2.token).post(`/api/v1/transfer-requests/${id}/accept`)).status).toBe(403);
    expect((await t.as(c.officerQ.token).post(`/api/v1/transfer-requests/${id}/accept`)).status).toBe(404);
    const pending = await t.as(c.officerP.token).get('/api/v1/transfer-requests?status=pending');
    expect(pending.body.items.map((r: any) => r.id)).toContain(id);

    const accepted = await t.as(c.officerP.token).post(`/api/v1/transfer-requests/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', movedOn: TODAY, personId: p.id, fullName: 'Lê Thị Chuyển' });
    expect((await t.as(c.officerP.token).post(`/api/v1/transfer-requests/${id}/accept`)).status).toBe(409);

    // The file lives in C2 now, with its history.
    expect((await t.as(c.workerC2.token).get(`/api/v1/persons/${p.id}`)).body).toMatchObject({ residenceUnitId: c.w.c2.id, version: p.version + 1 });
    expect((await t.as(c.workerC1.token).get(`/api/v1/persons/${p.id}`)).status).toBe(404);
    const [moved] = await t.db.query(`SELECT data FROM person_events WHERE person_id = $1 AND kind = 'moved'`, [p.id]);
    expect(moved.data).toEqual({ fromUnitId: c.w.c1.id, toUnitId: c.w.c2.id, transferRequestId: id });

    // Its reminders went with it, and the receiving workers got a notice.
    const c2Reminders = (await t.as(c.workerC2.token).get(`/api/v1/reminders?personId=${p.id}`)).body.items;
    expect(c2Reminders.map((r: any) => r.kind).sort()).toEqual(['follow_up_due', 'transfer_in']);
    expect(c2Reminders.find((r: any) => r.kind === 'transfer_in').message).toBe(`Case ${p.caseCode}: file moved in from commune ${c.w.c1.code} on ${TODAY}.`);
    expect((await t.as(c.workerC1.token).get(`/api/v1/reminders?personId=${p.id}`)).body.items).toEqual([]);

    // The sender keeps a closed trace without name or case code.
    const trace = (await t.as(c.workerC1.token).get('/api/v1/transfer-requests')).body.items.find((r: any) => r.id === id);
    expect(trace).toMatchObject({ status: 'accepted', personId: null, fullName: null, caseCode: null, direction: 'out', note: `moved out on ${TODAY}` });

    const decisions = await auditOf(t, `actor_id = $1 AND (entity = 'transfer_request' OR action = 'move')`, [c.officerP.id]);
    expect(decisions.map((a) => [a.action, a.entity, a.entity_id])).toEqual([
      ['move', 'person', p.id],
      ['accept', 'transfer_request', id],
    ]);
  });

  it('lets the officer refuse with a reason, and never lets a request reveal a file in the caller’s own area', async () => {
    const nid = nationalId();
    const p = await createPerson(t, c.admin.token, c.w.c3.id, { nationalId: nid });
    const asked = await t.as(c.workerC1.token).post('/api/v1/transfer-requests', { nationalId: nid, toUnitId: c.w.c1.id });
    expect(asked.body.approverUnitId).toBe(c.w.p.id); // C3 hangs directly under P
    // A worker of another commune (C2, same district as C1) never sees it; the officer of P does.
    expect((await t.as(c.workerC2.token).get('/api/v1/transfer-requests?pageSize=100')).body.items.map((r: any) => r.id)).not.toContain(asked.body.id);
    expect((await t.as(c.officerP.token).get('/api/v1/transfer-requests?pageSize=100')).body.items.map((r: any) => r.id)).toContain(asked.body.id);

    const noReason = await t.as(c.officerP.token).post(`/api/v1/transfer-requests/${asked.body.id}/refuse`, {});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.message)).toContain('reason');
    const refused = await t.as(c.officerP.token).post(`/api/v1/transfer-requests/${asked.body.id}/refuse`, { reason: 'người này vẫn sống tại xã cũ' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'người này vẫn sống tại xã cũ', movedOn: null });
    expect((await t.db.query(`SELECT residence_unit_id FROM persons WHERE id = $1`, [p.id]))[0].residence_unit_id).toBe(c.w.c3.id);
    expect(await auditOf(t, `entity = 'transfer_request' AND action = 'refuse' AND entity_id = $1`, [asked.body.id])).toHaveLength(1);

    // The requester sees the refusal (no name); a national id unknown anywhere is 404; one of its own area is 409.
    const mine = (await t.as(c.workerC1.token).get('/api/v1/transfer-requests?status=refused')).body.items;
    expect(mine.find((r: any) => r.id === asked.body.id)).toMatchObject({ fullName: null, refusalReason: 'người này vẫn sống tại xã cũ' });
    expect((await t.as(c.workerC1.token).post('/api/v1/transfer-requests', { nationalId: nationalId(), toUnitId: c.w.c1.id })).status).toBe(404);
    const own = await createPerson(t, c.workerC1.token, c.w.c1.id);
    expect((await t.as(c.workerC1.token).post('/api/v1/transfer-requests', { nationalId: own.nationalId, toUnitId: c.w.c1.id })).status).toBe(409);
    // A commune outside the caller's area cannot be the destination.
    const outside = await t.as(c.workerC1.token).post('/api/v1/transfer-requests', { nationalId: nid, toUnitId: c.w.qc.id });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toEqual(["toUnitId: is not a commune of the caller's area"]);
  });
});

describe('a file created with a national id open elsewhere', () => {
  let t: TestApp;
  let c: PersonsCast;
  beforeAll(async () => {
    t = await startTestApp();
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 409 without writing, audits the finding naming the person, and raises a transfer request', async () => {
    const other = await createPerson(t, c.workerQC.token, c.w.qc.id);
    const before = await t.db.query(`SELECT count(*)::int AS n FROM persons`);
    const res = await t.as(c.workerC1.token).post('/api/v1/persons', { ...personBodyFor(c.w.c1.id), nationalId: other.nationalId });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/^nationalId: .*transfer request/);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM persons`)).toEqual(before);
    const rows = await auditOf(t, `action = 'national_id_conflict'`, []);
    expect(rows.map((a) => [a.actor_id, a.entity_id, a.meta.source])).toEqual([[c.workerC1.id, other.id, 'person_create']]);
    const requests = await t.db.query(`SELECT person_id, from_unit_id, to_unit_id, origin, requested_by FROM transfer_requests`);
    expect(requests).toEqual([{ person_id: other.id, from_unit_id: c.w.qc.id, to_unit_id: c.w.c1.id, origin: 'national_id_conflict', requested_by: c.workerC1.id }]);
    // Within the caller's own area a national id already open is a plain conflict: nothing is revealed.
    const own = await createPerson(t, c.workerC1.token, c.w.c1.id);
    const again = await t.as(c.workerC1.token).post('/api/v1/persons', { ...personBodyFor(c.w.c1.id), nationalId: own.nationalId });
    expect(again.status).toBe(409);
    expect(await auditOf(t, `action = 'national_id_conflict'`, [])).toHaveLength(1);
  });
});

describe('the national-id oracle', () => {
  let t: TestApp;
  let c: PersonsCast;
  const CAP = 3;
  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true, nationalIdConflictsPerDay: CAP });
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a dry run reveals nothing about files outside the caller’s area; the real import records each finding', async () => {
    const elsewhere = [nationalId(), nationalId()];
    const files = [];
    for (const nid of elsewhere) files.push(await createPerson(t, c.workerQC.token, c.w.qc.id, { nationalId: nid }));
    const unknown = nationalId();
    const rows = [...elsewhere, unknown].map((nid, i) => [`Người Thử ${i}`, '01/01/1990', 'Nam', nid, c.w.c1.code, 'Nghiện']);
    const file = await xlsx(HEADERS, rows);

    const dry = await importFile(t, c.workerC1.token, file, { dryRun: true });
    expect(dry.status).toBe('done');
    // Exactly what a register of three unknown people gives.
    expect(dry.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(dry.errors).toEqual([]);
    expect(await auditOf(t, `action = 'national_id_conflict'`, [])).toEqual([]);
    expect(await t.db.query(`SELECT id FROM transfer_requests`)).toEqual([]);

    const real = await importFile(t, c.workerC1.token, file);
    expect(real.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(real.errors.map((e: any) => [e.row, e.code])).toEqual([
      [2, 'file_out_of_scope'],
      [3, 'file_out_of_scope'],
    ]);
    const found = await auditOf(t, `action = 'national_id_conflict'`, []);
    expect(found.map((a) => [a.actor_id, a.entity, a.entity_id, a.meta.source])).toEqual(
      files.map((f) => [c.workerC1.id, 'person', f.id, 'import']),
    );
    const requests = await t.db.query(`SELECT person_id, from_unit_id, to_unit_id, approver_unit_id, origin FROM transfer_requests ORDER BY created_at`);
    expect(requests).toEqual(
      files.map((f) => ({ person_id: f.id, from_unit_id: c.w.qc.id, to_unit_id: c.w.c1.id, approver_unit_id: null, origin: 'national_id_conflict' })),
    );
    // No unit holds two provinces: administrators decide.
    const adminList = (await t.as(c.admin.token).get('/api/v1/transfer-requests?status=pending')).body;
    expect(adminList.total).toBe(2);
  });

  it('PATCH and create with a national id open elsewhere are audited conflicts, capped per day; admins are reminded', async () => {
    const other = await createPerson(t, c.workerQC.token, c.w.qc.id);
    const mine = await createPerson(t, c.workerC1.token, c.w.c1.id, { nationalId: null });
    // Two conflicts were spent by the import above; this is the third, which reaches the cap.
    const patched = await t.as(c.workerC1.token).patch(`/api/v1/persons/${mine.id}`, { version: mine.version, nationalId: other.nationalId });
    expect(patched.status).toBe(409);
    expect(patched.body.message).toMatch(/^nationalId: .*transfer request/);
    const rows = await auditOf(t, `action = 'national_id_conflict' AND entity_id = $1`, [other.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: c.workerC1.id, meta: { source: 'person_update' } });
    // Nothing of the refused write stayed.
    expect((await t.db.query(`SELECT national_id_hash FROM persons WHERE id = $1`, [mine.id]))[0].national_id_hash).toBeNull();
    expect(await t.db.query(`SELECT 1 FROM transfer_requests WHERE person_id = $1 AND to_unit_id = $2`, [other.id, c.w.c1.id])).toHaveLength(1);

    // Past the cap, national ids are refused, even new ones; files without them are still written.
    const refused = await t.as(c.workerC1.token).post('/api/v1/persons', { ...personBodyFor(c.w.c1.id), nationalId: nationalId() });
    expect(refused.status).toBe(429);
    expect(refused.body.message).toBe(`nationalId: the daily limit of ${CAP} national ids found open in other areas is reached; national ids are refused until tomorrow`);
    expect((await t.as(c.workerC1.token).post('/api/v1/persons', { ...personBodyFor(c.w.c1.id), nationalId: null })).status).toBe(201);
    const importRefused = await importFile(t, c.workerC1.token, await xlsx(HEADERS, [['Người Mới', '02/02/1992', 'Nữ', nationalId(), c.w.c1.code, 'Nghiện']]));
    expect(importRefused.errors.map((e: any) => e.code)).toEqual(['national_id_refused']);
    // Other users are not held back.
    expect((await t.as(c.workerC2.token).post('/api/v1/persons', personBodyFor(c.w.c2.id))).status).toBe(201);

    const adminReminders = (await t.as(c.admin.token).get('/api/v1/reminders?kind=conflict_cap')).body.items;
    expect(adminReminders).toHaveLength(1);
    expect(adminReminders[0].subjectId).toBe(c.workerC1.id);
    expect(adminReminders[0].message).toContain(c.workerC1.username);
    expect((await t.as(c.workerQC.token).get('/api/v1/reminders?kind=conflict_cap')).body.items).toEqual([]);
  });
});

function personBodyFor(unitId: string) {
  return {
    fullName: 'Trần Văn Mới',
    dateOfBirth: '1991-01-01',
    sex: 'male',
    nationalId: nationalId(),
    residenceUnitId: unitId,
    status: 'using',
    registeredOn: '2025-01-01',
  };
}

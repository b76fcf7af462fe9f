import { createPerson, nationalId, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { at } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

interface Task {
  kind: string;
  subjectId: string;
  personId: string;
}

/**
 * Transfers in the task lists: the file asked for is waiting in the sending commune's list, the
 * request in the deciding officer's; once accepted, the receiving commune's workers get the file
 * moved in and answer for its supervision and open relapse.
 */
describe('transfers in my tasks', () => {
  let t: TestApp;
  let c: PersonsCast;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    c = await personsCast(t);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  const tasks = async (token: string, kind: string): Promise<Task[]> => {
    const res = await t.as(token).get(`/api/v1/tasks?kind=${kind}&pageSize=100`);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it('walks a transfer from request to acceptance through the task lists of each role', async () => {
    const nid = nationalId();
    const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { nationalId: nid, status: 'addicted' });
    const s = await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/supervisions`, { startDate: '2026-06-01' });
    expect(s.body.supervisorUserId).toBe(c.workerC1.id);
    const positive = await t.as(c.workerC1.token).post(`/api/v1/persons/${p.id}/drug-tests`, { testDate: TODAY, method: 'urine_rapid', result: 'positive' });
    const relapseId = positive.body.relapseTaskId as string;

    const asked = await t.as(c.workerC2.token).post('/api/v1/transfer-requests', { nationalId: nid, toUnitId: c.w.c2.id });
    expect(asked.status).toBe(201);
    const requestId = asked.body.id as string;

    // Waiting: in the sending commune's list, in the deciding officer's; not in the requester's (the file is not theirs yet), nor another province's.
    expect((await tasks(c.workerC1.token, 'transfer_waiting')).map((i) => [i.subjectId, i.personId])).toEqual([[requestId, p.id]]);
    expect(await tasks(c.workerC2.token, 'transfer_waiting')).toEqual([]);
    const decisions = await tasks(c.officerP.token, 'transfer_decision');
    expect(decisions.map((i) => i.subjectId)).toEqual([requestId]);
    expect(await tasks(c.officerQ.token, 'transfer_decision')).toEqual([]);
    expect(await tasks(c.workerC1.token, 'transfer_decision')).toEqual([]);
    const officerAll = await t.as(c.officerP.token).get('/api/v1/tasks');
    expect(officerAll.body.counts).toMatchObject({ transfer_decision: 1, follow_up_due: 0, relapse: 0 });

    expect((await t.as(c.officerP.token).post(`/api/v1/transfer-requests/${requestId}/accept`)).status).toBe(200);

    expect(await tasks(c.officerP.token, 'transfer_decision')).toEqual([]);
    expect(await tasks(c.workerC1.token, 'transfer_waiting')).toEqual([]);
    const movedIn = await tasks(c.workerC2.token, 'transfer_in');
    expect(movedIn.map((i) => i.personId)).toEqual([p.id]);
    // The receiving commune answers for the supervision and the open relapse now.
    const [sup]: { supervisor_user_id: string }[] = await t.db.query(`SELECT supervisor_user_id FROM supervisions WHERE id = $1`, [s.body.id]);
    expect(sup.supervisor_user_id).toBe(c.workerC2.id);
    expect((await tasks(c.workerC2.token, 'relapse')).map((i) => i.subjectId)).toEqual([relapseId]);
    expect(await tasks(c.workerC1.token, 'relapse')).toEqual([]);
    // Acknowledging the notice takes it off the list.
    const reminder = (await t.as(c.workerC2.token).get(`/api/v1/tasks?kind=transfer_in`)).body.items[0].reminderId as string;
    expect((await t.as(c.workerC2.token).post(`/api/v1/reminders/${reminder}/ack`)).status).toBe(200);
    expect(await tasks(c.workerC2.token, 'transfer_in')).toEqual([]);
  });
});

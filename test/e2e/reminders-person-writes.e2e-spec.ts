import { csv, importFile } from '../support/imports-factories.js';
import { createPerson, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { remindersOf, waitFor } from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-03-10';

/**
 * A file written through the API or an import gets its reminders planned as soon as the write
 * commits, as supervisions and enrollments do, instead of waiting for the sweep (every 900 s here)
 * or the daily re-plan. The one-year management of a `using` file whose decision was taken on
 * 2025-03-20 ends on 2026-03-19 and is announced 15 days ahead: on 2026-03-04, already past.
 */
describe('reminders of files written through the API or an import', () => {
  let t: TestApp;
  let c: PersonsCast;
  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true, reminderSweepEverySeconds: 900 });
    // 10:00 in Asia/Ho_Chi_Minh.
    t.clock.set(new Date(`${TODAY}T03:00:00Z`));
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const endingOf = (personId: string) =>
    waitFor(
      async () => {
        const rows = (await remindersOf(t.db, personId)).filter((r) => r.kind === 'management_ending');
        return rows.length ? rows : null;
      },
      10_000,
      'the management-ending reminder',
    ).then((rows) => rows.map((r) => ({ kind: r.kind, due_date: r.due_date, status: r.status })));

  it('raises the reminder of a file created through the API', async () => {
    const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { status: 'using', registeredOn: '2025-03-20', managementDecisionOn: '2025-03-20' });
    expect(await endingOf(p.id)).toEqual([{ kind: 'management_ending', due_date: '2026-03-19', status: 'open' }]);
  });

  it('raises the reminder when a change of the decision date brings the end within notice', async () => {
    const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { status: 'using', registeredOn: '2025-03-01', managementDecisionOn: '2025-09-01' });
    const res = await t.as(c.workerC1.token).patch(`/api/v1/persons/${p.id}`, { version: p.version, managementDecisionOn: '2025-03-20' });
    expect(res.status).toBe(200);
    expect(await endingOf(p.id)).toEqual([{ kind: 'management_ending', due_date: '2026-03-19', status: 'open' }]);
  });

  it('raises the reminders of the files an import creates', async () => {
    const file = csv(
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị cư trú', 'Tình trạng (sử dụng/nghiện)', 'Ngày lập hồ sơ', 'Ngày quyết định quản lý'],
      [['Trần Văn Bình', '02/02/1985', 'Nam', c.w.c1.code, 'Sử dụng', '20/03/2025', '20/03/2025']],
    );
    const done = await importFile(t, c.workerC1.token, file, { filename: 'danh-sach.csv' });
    expect(done).toMatchObject({ status: 'done', counts: { created: 1, rejected: 0 } });
    const [{ id }]: { id: string }[] = await t.db.query(`SELECT id FROM persons WHERE full_name = 'Trần Văn Bình'`);
    expect(await endingOf(id)).toEqual([{ kind: 'management_ending', due_date: '2026-03-19', status: 'open' }]);
  });
});

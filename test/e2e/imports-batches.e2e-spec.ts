import { admin, unit, user, type TestUser, type Unit } from '../support/factories.js';
import { finished, importFile, upload, xlsx, type Cell } from '../support/imports-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HEADERS = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mã đơn vị cư trú', 'Tình trạng'];
const POISON = 'Dòng Gây Lỗi';

/** One row per person (with a national id unless told otherwise); sheet row n is index n - 2. */
function people(n: number, commune: Unit, prefix: string, opts: { withId?: boolean } = {}): Cell[][] {
  return Array.from({ length: n }, (_v, i) => [
    `${prefix} ${i}`,
    `${1 + (i % 28)}/${1 + (i % 12)}/19${60 + (i % 40)}`,
    i % 2 ? 'Nam' : 'Nữ',
    opts.withId === false ? null : `0${prefix === 'Batch' ? '1' : '2'}0${String(i).padStart(9, '0')}`,
    commune.code,
    'Nghiện',
  ]);
}

describe('imports: batches', () => {
  let t: TestApp;
  let province: Unit;
  let commune: Unit;
  let worker: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    province = await unit(t, 'province');
    commune = await unit(t, 'commune', province);
    worker = await user(t, 'commune_worker', commune);
    // A test-only trigger refuses one name, as a constraint would: the batch holding it must fail whole.
    await t.db.query(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.full_name = '${POISON}' THEN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$`);
    await t.db.query(`CREATE TRIGGER refuse_poison BEFORE INSERT ON persons FOR EACH ROW EXECUTE FUNCTION refuse_poison()`);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('rolls back the one batch that fails, reports its rows, and keeps the others', async () => {
    const rows = people(1200, commune, 'Batch');
    rows[700][0] = POISON; // sheet row 702, in the second batch (rows 502-1001)
    const done = await importFile(t, worker.token, await xlsx(HEADERS, rows));
    expect(done).toMatchObject({ status: 'done', progress: { done: 1200, total: 1200 }, counts: { created: 700, updated: 0, unchanged: 0, rejected: 500 } });
    expect(done.errorsTotal).toBe(500);
    expect(done.errors.map((e: any) => e.row)).toEqual(Array.from({ length: 500 }, (_v, i) => 502 + i));
    expect(new Set(done.errors.map((e: any) => e.code))).toEqual(new Set(['batch_failed']));

    const stored: { name: string }[] = await t.db.query(`SELECT full_name AS name FROM persons WHERE residence_unit_id = $1`, [commune.id]);
    const names = new Set(stored.map((s) => s.name));
    expect(names.size).toBe(700);
    for (const i of [0, 499, 1000, 1199]) expect(names.has(`Batch ${i}`)).toBe(true);
    for (const i of [500, 700, 999]) expect(names.has(`Batch ${i}`)).toBe(false);
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM person_events e JOIN persons p ON p.id = e.person_id WHERE p.residence_unit_id = $1`,
      [commune.id],
    );
    expect(events[0].n).toBe(700);
    // Case codes are consecutive, without the numbers of the rolled-back batch.
    const codes: { case_code: string }[] = await t.db.query(
      `SELECT case_code FROM persons WHERE residence_unit_id = $1 ORDER BY case_code`,
      [commune.id],
    );
    const year = t.clock.today().slice(0, 4);
    expect(codes.map((c) => c.case_code)).toEqual(Array.from({ length: 700 }, (_v, i) => `${commune.code}-${year}-${String(i + 1).padStart(5, '0')}`));
    const audit = await t.db.query(`SELECT meta FROM audit_logs WHERE entity = 'import' AND entity_id = $1`, [done.id]);
    expect(audit).toEqual([{ meta: { kind: 'persons', dryRun: false, status: 'done', rows: 1200, created: 700, updated: 0, unchanged: 0, rejected: 500 } }]);

    // Without the poison row the same file now files the 500 missing people and leaves the rest.
    rows[700][0] = 'Batch 700';
    const again = await importFile(t, worker.token, await xlsx(HEADERS, rows));
    expect(again.counts).toEqual({ created: 500, updated: 0, unchanged: 700, rejected: 0 });
  });

  it('refuses one update the person-file rules refuse, alone, while its batch goes on', async () => {
    const existing = await t.as(worker.token).post('/api/v1/persons', {
      fullName: 'Hồ Sơ Cũ',
      dateOfBirth: '1990-01-01',
      sex: 'male',
      nationalId: '003000000001',
      residenceUnitId: commune.id,
      status: 'addicted',
      registeredOn: '2024-01-01',
    });
    expect(existing.status).toBe(201);
    const done = await importFile(
      t,
      worker.token,
      await xlsx(HEADERS, [
        ['Mới Một', '01/01/1991', 'Nam', '003000000002', commune.code, 'Nghiện'],
        // A date of birth after the file's registration date: the update is refused.
        ['Hồ Sơ Cũ', '01/06/2024', 'Nam', '003000000001', commune.code, 'Nghiện'],
        ['Mới Hai', '01/01/1992', 'Nữ', '003000000003', commune.code, 'Nghiện'],
      ]),
    );
    expect(done.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(done.errors).toEqual([
      {
        row: 3,
        column: '',
        field: null,
        code: 'update_refused',
        message: 'Hồ sơ không cập nhật được: registeredOn: must not be before dateOfBirth',
      },
    ]);
    const file = await t.as(worker.token).get(`/api/v1/persons/${existing.body.id}`);
    expect(file.body).toMatchObject({ dateOfBirth: '1990-01-01', version: 1 });
  });

  it('files each person once when the same register is uploaded twice at the same time', async () => {
    const rows = people(1100, commune, 'Twice', { withId: false });
    const file = await xlsx(HEADERS, rows);
    const [a, b] = await Promise.all([upload(t, worker.token, file), upload(t, worker.token, file)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const [da, db] = await Promise.all([finished(t, worker.token, a.body.importId), finished(t, worker.token, b.body.importId)]);
    expect(da.counts.created + db.counts.created).toBe(1100);
    expect(da.counts.unchanged + db.counts.unchanged).toBe(1100);
    expect(da.counts.rejected + db.counts.rejected).toBe(0);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM persons WHERE full_name LIKE 'Twice %'`);
    expect(count[0].n).toBe(1100);
  });

  it('lets an administrator import into any commune and read any import', async () => {
    const root = await admin(t);
    const done = await importFile(t, root.token, await xlsx(HEADERS, [['Quản Trị Nhập', '02/02/1982', 'Nam', null, commune.code, 'Sử dụng']]));
    expect(done.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
    const list = await t.as(root.token).get('/api/v1/imports?pageSize=100');
    expect(list.body.items.some((i: any) => i.createdBy === worker.id)).toBe(true);
  });
});

import { admin, unit, user, world, type TestUser, type Unit, type World } from '../support/factories.js';
import {
  csv,
  download,
  fingerprint,
  finished,
  importFile,
  readWorkbook,
  sheetRows,
  upload,
  xlsx,
  type Cell,
} from '../support/imports-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const nfd = (s: string) => s.normalize('NFD');

/**
 * Headers in another order than the template, some without diacritics or in other case, one in
 * NFD form, plus a column the import does not know (ignored).
 */
const HEADERS = [
  'Ngay sinh',
  'HỌ VÀ TÊN',
  'gioi tinh',
  'Số CCCD',
  nfd('Mã đơn vị cư trú'),
  'Tên đơn vị cư trú',
  'Dia chi',
  'Số điện thoại',
  'Tình trạng (sử dụng/nghiện)',
  'Chất sử dụng',
  'Ngày lập hồ sơ',
  'Ngày quyết định quản lý',
  'Đang bị tạm giữ',
  'Ghi chú',
];

/** One row in HEADERS order. */
function row(v: {
  dob?: Cell;
  name?: Cell;
  sex?: Cell;
  nid?: Cell;
  code?: Cell;
  unitName?: Cell;
  address?: Cell;
  phone?: Cell;
  status?: Cell;
  substances?: Cell;
  registered?: Cell;
  decision?: Cell;
  detention?: Cell;
  note?: Cell;
}): Cell[] {
  return [
    v.dob ?? null,
    v.name ?? null,
    v.sex ?? null,
    v.nid ?? null,
    v.code ?? null,
    v.unitName ?? null,
    v.address ?? null,
    v.phone ?? null,
    v.status ?? null,
    v.substances ?? null,
    v.registered ?? null,
    v.decision ?? null,
    v.detention ?? null,
    v.note ?? null,
  ];
}

describe('imports of person registers', () => {
  let t: TestApp;
  let w: World;
  let c1: Unit; // "Xã Hòa Bình" under D
  let c4: Unit; // "Xã Phú Mỹ" under D
  let c5: Unit; // "Phường Phú Mỹ" under D: the name "Phú Mỹ" is ambiguous in D
  let worker: TestUser; // commune worker of district D: communes c1, c2, c4, c5
  let root: TestUser;
  let existingById: string; // open file in c1 with national id 001090000009
  let existingByName: string; // open file in c2 without national id: Phạm Văn Đức, 1970-01-01

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    w = await world(t);
    c1 = w.c1;
    await t.db.query(`UPDATE admin_units SET name = 'Xã Hòa Bình' WHERE id = $1`, [c1.id]);
    c4 = await unit(t, 'commune', w.d, { name: 'Xã Phú Mỹ' });
    c5 = await unit(t, 'commune', w.d, { name: 'Phường Phú Mỹ' });
    worker = await user(t, 'commune_worker', w.d);
    root = await admin(t);
    const a = await t.as(worker.token).post('/api/v1/persons', {
      fullName: 'Đỗ Văn Em',
      dateOfBirth: '1980-04-04',
      sex: 'male',
      nationalId: '001090000009',
      residenceUnitId: c1.id,
      phone: '0900000001',
      status: 'addicted',
      registeredOn: '2024-01-01',
    });
    expect(a.status).toBe(201);
    existingById = a.body.id;
    const b = await t.as(worker.token).post('/api/v1/persons', {
      fullName: 'Phạm Văn Đức',
      dateOfBirth: '1970-01-01',
      sex: 'male',
      residenceUnitId: w.c2.id,
      status: 'addicted',
      registeredOn: '2024-01-01',
    });
    expect(b.status).toBe(201);
    existingByName = b.body.id;
    // An open file outside the worker's scope (province Q).
    const q = await t.as(root.token).post('/api/v1/persons', {
      fullName: 'Ngoài Phạm Vi',
      dateOfBirth: '1991-01-01',
      sex: 'female',
      nationalId: '001091000010',
      residenceUnitId: w.qc.id,
      status: 'addicted',
      registeredOn: '2024-01-01',
    });
    expect(q.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  /** The register of the main scenario: rows 2..20 of the sheet. */
  function mainRows(): Cell[][] {
    return [
      // 2: good; name in NFD with extra spaces, dd/mm/yyyy dates, phone with spaces
      row({ dob: '05/03/1990', name: nfd('  Trần   Thị Bích '), sex: 'Nữ', nid: '001190000001', code: c1.code, address: nfd('Số 12, thôn Phú Hòa'), phone: '0912 345 678', status: 'Nghiện', substances: 'heroin, methamphetamine', registered: '15/01/2024', detention: 'Không' }),
      // 3: good; a real Excel date cell, unit by name without diacritics nor "Xã", status without diacritics
      row({ dob: new Date(Date.UTC(1985, 6, 9)), name: 'Võ Văn Tám', sex: 'nam', unitName: 'hoa binh', status: 'su dung', registered: '1/2/2025', decision: '1/2/2025' }),
      // 4: good; SPEC codes, national id typed as a number (leading zeros lost), code in lower case
      row({ dob: '1/1/2000', name: 'Nguyễn Thị Hoa', sex: 'female', nid: 1090000002, code: w.c2.code.toLowerCase(), status: 'addicted', detention: 'có' }),
      // 5: bad date
      row({ dob: '31/02/1990', name: 'Sai Ngày', sex: 'Nam', code: c1.code, status: 'Nghiện' }),
      // 6: unknown unit
      row({ dob: '01/01/1990', name: 'Không Đơn Vị', sex: 'Nam', code: 'NO-SUCH-UNIT', status: 'Nghiện' }),
      // 7: unit outside the worker's scope (commune C3 hangs under P, not under D)
      row({ dob: '01/01/1990', name: 'Ngoài Huyện', sex: 'Nam', code: w.c3.code, status: 'Nghiện' }),
      // 8: bad national id
      row({ dob: '01/01/1990', name: 'Sai Căn Cước', sex: 'Nam', nid: '12345', code: c1.code, status: 'Nghiện' }),
      // 9: bad sex
      row({ dob: '01/01/1990', name: 'Sai Giới', sex: 'khác', code: c1.code, status: 'Nghiện' }),
      // 10: bad status
      row({ dob: '01/01/1990', name: 'Sai Tình Trạng', sex: 'Nữ', code: c1.code, status: 'đang cai' }),
      // 11: missing name
      row({ dob: '01/01/1990', name: '   ', sex: 'Nữ', code: c1.code, status: 'Nghiện' }),
      // 12: same national id as row 2
      row({ dob: '05/03/1990', name: 'Trần Thị Bích', sex: 'Nữ', nid: '0011 9000 0001', code: c1.code, status: 'Nghiện' }),
      // 13: ambiguous unit name in D
      row({ dob: '01/01/1990', name: 'Mơ Hồ', sex: 'Nam', unitName: 'Phú Mỹ', status: 'Nghiện' }),
      // 14: good; no national id
      row({ dob: '7/8/1979', name: 'Lê Văn Cường', sex: 'Nam', code: w.c2.code, status: 'Nghiện' }),
      // 15: blank (skipped, not counted)
      row({}),
      // 16: two bad values
      row({ dob: '2/30/1990', name: 'Hai Lỗi', sex: 'x', code: c1.code, status: 'Nghiện' }),
      // 17: same person as row 14 (no national id, same folded name, date of birth and unit)
      row({ dob: '07/08/1979', name: 'LE VAN CUONG', sex: 'Nam', code: w.c2.code, status: 'Nghiện' }),
      // 18: national id of an open file: its phone changes
      row({ dob: '04/04/1980', name: 'Đỗ Văn Em', sex: 'Nam', nid: '001090000009', code: c1.code, phone: '0900000002', status: 'Nghiện' }),
      // 19: an open file without national id, by folded name + date of birth + unit: nothing to change
      row({ dob: '01/01/1970', name: 'Pham Van Duc', sex: 'nam', code: w.c2.code, status: 'nghien' }),
      // 20: national id of an open file outside the worker's scope
      row({ dob: '01/01/1991', name: 'Ngoài Phạm Vi', sex: 'Nữ', nid: '001091000010', code: c1.code, status: 'Nghiện' }),
    ];
  }

  const EXPECTED_ERRORS = [
    { row: 5, field: 'dateOfBirth', code: 'invalid_date' },
    { row: 6, field: 'unitCode', code: 'unknown_unit' },
    { row: 7, field: 'unitCode', code: 'unit_out_of_scope' },
    { row: 8, field: 'nationalId', code: 'invalid_national_id' },
    { row: 9, field: 'sex', code: 'invalid_sex' },
    { row: 10, field: 'status', code: 'invalid_status' },
    { row: 11, field: 'fullName', code: 'required' },
    { row: 12, field: 'nationalId', code: 'duplicate_in_file' },
    { row: 13, field: 'unitName', code: 'ambiguous_unit' },
    { row: 16, field: 'dateOfBirth', code: 'invalid_date' },
    { row: 16, field: 'sex', code: 'invalid_sex' },
    { row: 17, field: 'fullName', code: 'duplicate_in_file' },
    { row: 20, field: 'nationalId', code: 'file_out_of_scope' },
  ];

  let mainFile: Buffer;
  let mainImportId: string;

  it('imports good rows, rejects each bad row with its reason, and updates or keeps matching open files', async () => {
    mainFile = await xlsx(HEADERS, mainRows());
    const before = await t.db.query(`SELECT count(*)::int AS n FROM persons`);
    const res = await upload(t, worker.token, mainFile, { filename: 'Danh sách xã.xlsx' });
    expect(res.status).toBe(202);
    expect(Object.keys(res.body)).toEqual(['importId']);
    mainImportId = res.body.importId;
    const done = await finished(t, worker.token, mainImportId);

    expect(done).toMatchObject({
      id: mainImportId,
      kind: 'persons',
      status: 'done',
      dryRun: false,
      fileName: 'Danh sách xã.xlsx',
      fileFormat: 'xlsx',
      progress: { done: 18, total: 18 },
      counts: { created: 4, updated: 1, unchanged: 1, rejected: 12 },
    });
    expect(done.errors.map((e: any) => ({ row: e.row, field: e.field, code: e.code }))).toEqual(EXPECTED_ERRORS);
    expect(done.errorsTotal).toBe(EXPECTED_ERRORS.length);
    const byRow = (n: number) => done.errors.filter((e: any) => e.row === n);
    expect(byRow(12)[0]).toMatchObject({ column: 'Số CCCD', message: 'Trùng với dòng 2 của tệp (cùng số CCCD)' });
    expect(byRow(17)[0].message).toBe('Trùng với dòng 14 của tệp (cùng họ tên, ngày sinh và đơn vị cư trú)');
    expect(byRow(7)[0]).toMatchObject({ column: 'Mã đơn vị cư trú', message: 'Đơn vị cư trú ngoài phạm vi quản lý của bạn' });
    expect(byRow(13)[0].message).toBe('Tên đơn vị trùng với 2 đơn vị trong phạm vi quản lý: hãy dùng mã đơn vị');
    expect(byRow(11)[0]).toMatchObject({ column: 'Họ và tên', message: 'Bắt buộc nhập' });
    // Reasons never quote the values.
    expect(JSON.stringify(done.errors)).not.toMatch(/12345|31\/02|khác|đang cai/);

    const after = await t.db.query(`SELECT count(*)::int AS n FROM persons`);
    expect(after[0].n - before[0].n).toBe(4);

    // Row 2: NFC, trimmed and collapsed; encrypted contacts; dd/mm/yyyy read as day first.
    const bich = await t.as(worker.token).get(`/api/v1/persons?q=${encodeURIComponent('tran thi bich')}`);
    expect(bich.body.total).toBe(1);
    const full = await t.as(worker.token).get(`/api/v1/persons/${bich.body.items[0].id}`);
    expect(full.body).toMatchObject({
      fullName: 'Trần Thị Bích',
      dateOfBirth: '1990-03-05',
      sex: 'female',
      nationalId: '001190000001',
      residenceUnitId: c1.id,
      address: 'Số 12, thôn Phú Hòa',
      phone: '0912 345 678',
      status: 'addicted',
      substances: ['heroin', 'methamphetamine'],
      registeredOn: '2024-01-15',
      managementDecisionOn: null,
      inDetention: false,
    });
    expect(full.body.fullName).toBe('Trần Thị Bích'.normalize('NFC'));
    expect(full.body.caseCode).toMatch(new RegExp(`^${c1.code}-2024-\\d{5}$`));
    const raw = await t.db.query(`SELECT address_cipher, phone_cipher, national_id_cipher, search_text, created_by FROM persons WHERE id = $1`, [full.body.id]);
    expect(raw[0].address_cipher.toString('latin1')).not.toContain('thôn');
    expect(raw[0].national_id_cipher.toString('latin1')).not.toContain('001190000001');
    expect(raw[0].search_text).toBe(`tran thi bich ${full.body.caseCode.toLowerCase()}`);
    expect(raw[0].created_by).toBe(worker.id);

    // Row 3: Excel date cell, unit by name, decision date with its history event.
    const tam = await t.db.query(
      `SELECT id, date_of_birth, residence_unit_id, status, management_decision_on, registered_on FROM persons WHERE full_name = 'Võ Văn Tám'`,
    );
    expect(tam).toEqual([
      { id: expect.any(String), date_of_birth: '1985-07-09', residence_unit_id: c1.id, status: 'using', management_decision_on: '2025-02-01', registered_on: '2025-02-01' },
    ]);
    const tamEvents = await t.db.query(`SELECT kind, event_date, data FROM person_events WHERE person_id = $1 ORDER BY recorded_at`, [tam[0].id]);
    expect(tamEvents).toEqual([
      { kind: 'registered', event_date: '2025-02-01', data: { status: 'using', residenceUnitId: c1.id, importId: mainImportId } },
      { kind: 'management_decision', event_date: '2025-02-01', data: {} },
    ]);

    // Row 4: a number cell's lost leading zeros are restored; 'có' = in detention; registered today.
    const hoa = await t.as(worker.token).get(`/api/v1/persons?nationalId=001090000002`);
    expect(hoa.body.items).toEqual([
      expect.objectContaining({ fullName: 'Nguyễn Thị Hoa', sex: 'female', residenceUnitId: w.c2.id, inDetention: true, registeredOn: t.clock.today() }),
    ]);

    // Row 14: spaces collapsed.
    const cuong = await t.db.query(`SELECT count(*)::int AS n FROM persons WHERE full_name = 'Lê Văn Cường'`);
    expect(cuong[0].n).toBe(1);

    // Row 18 updated the open file through the person-file rules: new version, history, audit.
    const em = await t.as(worker.token).get(`/api/v1/persons/${existingById}`);
    expect(em.body).toMatchObject({ phone: '0900000002', version: 2, fullName: 'Đỗ Văn Em' });
    const emEvents = await t.db.query(`SELECT kind, data FROM person_events WHERE person_id = $1 ORDER BY recorded_at`, [existingById]);
    expect(emEvents.map((e: any) => e.kind)).toEqual(['registered', 'updated']);
    expect(emEvents[1].data).toEqual({ fields: ['phone'] });
    // Row 19 matched the file without national id and changed nothing (its name keeps its diacritics).
    const duc = await t.as(worker.token).get(`/api/v1/persons/${existingByName}`);
    expect(duc.body).toMatchObject({ fullName: 'Phạm Văn Đức', version: 1 });

    // One audit row for the import, with its counts and no personal data.
    const audit = await t.db.query(`SELECT action, entity, entity_id, actor_id, fields, meta FROM audit_logs WHERE entity = 'import'`);
    expect(audit).toEqual([
      {
        action: 'import',
        entity: 'import',
        entity_id: mainImportId,
        actor_id: worker.id,
        fields: [],
        meta: { kind: 'persons', dryRun: false, status: 'done', rows: 18, created: 4, updated: 1, unchanged: 1, rejected: 12 },
      },
    ]);
    // A 'create' row for each file, naming the fields its row gave (never their values) and the import.
    const creates: { entity_id: string; fields: string[]; meta: unknown }[] = await t.db.query(
      `SELECT entity_id, fields, meta FROM audit_logs WHERE entity = 'person' AND action = 'create' AND actor_id = $1 ORDER BY at, id`,
      [worker.id],
    );
    expect(creates).toHaveLength(2 + 4); // the two files created through the API in beforeAll, then the import's
    const imported: { id: string }[] = await t.db.query(
      `SELECT person_id AS id FROM person_events WHERE kind = 'registered' AND data->>'importId' = $1`,
      [mainImportId],
    );
    expect(creates.slice(2).map((c) => c.entity_id).sort()).toEqual(imported.map((r) => r.id).sort());
    for (const c of creates.slice(2)) {
      expect(c.meta).toEqual({ importId: mainImportId });
      expect(c.fields).toEqual(expect.arrayContaining(['fullName', 'dateOfBirth', 'sex', 'residenceUnitId', 'status']));
    }
    // The uploaded bytes are gone once the job is done.
    const stored = await t.db.query(`SELECT file_bytes IS NULL AS gone FROM imports WHERE id = $1`, [mainImportId]);
    expect(stored[0].gone).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await fingerprint(t);
    const again = await importFile(t, worker.token, mainFile);
    expect(again).toMatchObject({ status: 'done', progress: { done: 18, total: 18 }, counts: { created: 0, updated: 0, unchanged: 6, rejected: 12 } });
    expect(again.errors.map((e: any) => ({ row: e.row, field: e.field, code: e.code }))).toEqual(EXPECTED_ERRORS);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('gives the rejected rows back as XLSX with their values and reasons; fixed, the report imports', async () => {
    const res = await download(t, worker.token, `/api/v1/imports/${mainImportId}/errors.xlsx`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    const wb = await readWorkbook(res.body);
    const rows = sheetRows(wb.worksheets[0]);
    expect(rows[0]).toEqual([...HEADERS.map((h) => h.normalize('NFC')), 'Dòng trong tệp gốc', 'Lỗi']);
    expect(rows.slice(1).map((r) => r[HEADERS.length])).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 20]);
    const r5 = rows[1];
    expect(r5.slice(0, 5)).toEqual(['31/02/1990', 'Sai Ngày', 'Nam', undefined, c1.code]);
    expect(r5[HEADERS.length + 1]).toBe('Ngày sinh: Ngày không hợp lệ: cần dạng dd/mm/yyyy');
    const r16 = rows.find((r) => r[HEADERS.length] === 16)!;
    expect(r16[HEADERS.length + 1]).toBe('Ngày sinh: Ngày không hợp lệ: cần dạng dd/mm/yyyy; Giới tính: Giới tính phải là "Nam" hoặc "Nữ"');

    // The worker fixes row 5's date and row 9's sex in the report and uploads it as it is.
    const fixed = rows.slice(1).map((r) => r.map((v) => (v === undefined ? null : v)) as Cell[]);
    fixed[0][0] = '28/02/1990';
    fixed[4][2] = 'Nam';
    const report = await xlsx(rows[0] as string[], fixed);
    const done = await importFile(t, worker.token, report);
    // Rows 5 and 9 are filed now; the rows that repeated a file of the first import (12, 17) match
    // those files and change nothing; the others are still refused. Row numbers are the report's.
    if (done.status !== 'done') throw new Error(`the import ${done.status}: ${JSON.stringify(done.errors)}`);
    expect(done.counts).toEqual({ created: 2, updated: 0, unchanged: 2, rejected: 8 });
    expect(done.errors.map((e: any) => e.code)).toEqual([
      'unknown_unit',
      'unit_out_of_scope',
      'invalid_national_id',
      'invalid_status',
      'required',
      'ambiguous_unit',
      'invalid_date',
      'invalid_sex',
      'file_out_of_scope',
    ]);
    expect(done.errors.map((e: any) => e.row)).toEqual([3, 4, 5, 7, 8, 10, 11, 11, 13]);
  });

  it('validates and reports in a dry run without writing anything', async () => {
    const before = await fingerprint(t);
    const auditBefore = await t.db.query(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'person'`);
    const file = await xlsx(HEADERS, [
      row({ dob: '01/01/1995', name: 'Thử Nghiệm Một', sex: 'Nam', code: c4.code, status: 'Nghiện' }),
      row({ dob: '01/01/1970', name: 'Phạm Văn Đức', sex: 'Nam', code: w.c2.code, status: 'Sử dụng' }),
      row({ dob: 'hôm qua', name: 'Thử Nghiệm Hai', sex: 'Nam', code: c5.code, status: 'Nghiện' }),
      // The person-file rules refuse this change (born after the file was opened): the dry run says so.
      row({ dob: '01/06/2024', name: 'Đỗ Văn Em', sex: 'Nam', nid: '001090000009', code: c1.code, status: 'Nghiện' }),
    ]);
    const done = await importFile(t, worker.token, file, { dryRun: true });
    expect(done).toMatchObject({ status: 'done', dryRun: true, counts: { created: 1, updated: 1, unchanged: 0, rejected: 2 } });
    expect(done.errors).toEqual([
      { row: 4, column: 'Ngày sinh', field: 'dateOfBirth', code: 'invalid_date', message: 'Ngày không hợp lệ: cần dạng dd/mm/yyyy' },
      { row: 5, column: '', field: null, code: 'update_refused', message: 'Hồ sơ không cập nhật được: registeredOn: must not be before dateOfBirth' },
    ]);
    expect(await fingerprint(t)).toEqual(before);
    const auditAfter = await t.db.query(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'person'`);
    expect(auditAfter[0].n).toBe(auditBefore[0].n);
  });

  it('imports a CSV register (UTF-8 with BOM, semicolons, quoted fields)', async () => {
    const file = csv(
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Tên đơn vị cư trú', 'Địa chỉ', 'Tình trạng'],
      [
        ['Hoàng Văn Sáu', '6/6/1966', 'Nam', '001066000006', 'Xã Phú Mỹ', 'Thôn 3; xóm "Đình"', 'Nghiện'],
        [nfd('Đinh Thị Bảy'), '07/07/1977', 'nu', '', 'phuong phu my', '', 'su dung'],
      ],
      ';',
    );
    const done = await importFile(t, worker.token, file, { filename: 'danh-sach.csv' });
    expect(done).toMatchObject({ status: 'done', fileFormat: 'csv', counts: { created: 2, updated: 0, unchanged: 0, rejected: 0 }, errors: [] });
    const sau = await t.as(worker.token).get(`/api/v1/persons?nationalId=001066000006`);
    const one = await t.as(worker.token).get(`/api/v1/persons/${sau.body.items[0].id}`);
    expect(one.body).toMatchObject({ fullName: 'Hoàng Văn Sáu', dateOfBirth: '1966-06-06', residenceUnitId: c4.id, address: 'Thôn 3; xóm "Đình"' });
    const bay = await t.db.query(`SELECT residence_unit_id, status, sex FROM persons WHERE full_name = $1`, ['Đinh Thị Bảy']);
    expect(bay).toEqual([{ residence_unit_id: c5.id, status: 'using', sex: 'female' }]);
  });

  it('fails a file without the required columns, and says which', async () => {
    const done = await importFile(t, worker.token, csv(['Họ và tên', 'Ngày sinh', 'Ghi chú'], [['A', '01/01/1990', 'x']]), { filename: 'x.csv' });
    expect(done.status).toBe('failed');
    expect(done.counts).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 0 });
    expect(done.errors.map((e: any) => [e.row, e.code, e.column])).toEqual([
      [1, 'missing_column', 'Giới tính'],
      [1, 'missing_column', 'Tình trạng (sử dụng/nghiện)'],
      [1, 'missing_column', 'Mã đơn vị cư trú'],
    ]);
  });

  it('serves a template that opens in exceljs, with the headers, an example row and a notes sheet; the example is not imported', async () => {
    const res = await download(t, worker.token, '/api/v1/imports/persons/template.xlsx');
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    const wb = await readWorkbook(res.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Danh sách', 'Hướng dẫn', 'Đơn vị']);
    const data = sheetRows(wb.worksheets[0]);
    expect(data[0]).toEqual([
      'Họ và tên *',
      'Ngày sinh *',
      'Giới tính *',
      'Số CCCD',
      'Mã đơn vị cư trú',
      'Tên đơn vị cư trú',
      'Địa chỉ',
      'Số điện thoại',
      'Tình trạng (sử dụng/nghiện) *',
      'Chất sử dụng',
      'Ngày lập hồ sơ',
      'Ngày quyết định quản lý',
      'Đang bị tạm giữ, tạm giam',
    ]);
    expect(data).toHaveLength(2);
    const notes = sheetRows(wb.worksheets[1]);
    expect(notes[0]).toEqual(['Cột', 'Bắt buộc', 'Giá trị hợp lệ và ghi chú']);
    expect(notes.slice(1, 14).map((r) => r[0])).toEqual((data[0] as string[]).map((h) => h.replace(' *', '')));
    expect(notes.find((r) => r[0] === 'Giới tính')![2]).toContain('Nam');
    const units = sheetRows(wb.worksheets[2]).slice(1).map((r) => r[0]).sort();
    expect(units).toEqual([c1.code, w.c2.code, c4.code, c5.code].sort());

    // Filled in below the example row and uploaded as it is: the example is skipped.
    const sheet = wb.worksheets[0];
    sheet.addRow(['Mai Văn Mười', '10/10/1990', 'Nam', '', c4.code, '', '', '', 'Nghiện']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const done = await importFile(t, worker.token, filled);
    expect(done).toMatchObject({ status: 'done', progress: { done: 1, total: 1 }, counts: { created: 1, updated: 0, unchanged: 0, rejected: 0 } });
  });

  it('lists the caller own imports; another worker gets 404, an administrator sees them', async () => {
    const mine = await t.as(worker.token).get('/api/v1/imports?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: any) => i.id)).toContain(mainImportId);
    expect(mine.body.items.every((i: any) => i.createdBy === worker.id)).toBe(true);
    expect(mine.body.items[0].errors).toBeUndefined();

    const other = await user(t, 'commune_worker', w.d);
    expect((await t.as(other.token).get(`/api/v1/imports/${mainImportId}`)).status).toBe(404);
    expect((await t.as(other.token).get(`/api/v1/imports/${mainImportId}/errors.xlsx`)).status).toBe(404);
    expect((await t.as(other.token).get('/api/v1/imports')).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const byAdmin = await t.as(root.token).get(`/api/v1/imports/${mainImportId}`);
    expect(byAdmin.status).toBe(200);
    expect((await t.as(worker.token).get('/api/v1/imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.as(worker.token).get('/api/v1/imports/not-a-uuid')).status).toBe(400);
  });

  it('refuses other roles with 403', async () => {
    const file = await xlsx(HEADERS, [row({ dob: '01/01/1990', name: 'A', sex: 'Nam', code: c1.code, status: 'Nghiện' })]);
    for (const role of ['province_officer', 'clinic_staff', 'facility_staff'] as const) {
      const u = await user(t, role, w.p, role === 'clinic_staff' ? w.clinicP : role === 'facility_staff' ? w.rehabP : undefined);
      expect((await upload(t, u.token, file)).status).toBe(403);
      expect((await t.as(u.token).get('/api/v1/imports')).status).toBe(403);
      expect((await t.as(u.token).get(`/api/v1/imports/${mainImportId}`)).status).toBe(403);
      expect((await download(t, u.token, '/api/v1/imports/persons/template.xlsx')).status).toBe(403);
    }
    expect((await upload(t, 'not-a-token', file)).status).toBe(401);
  });

  it('refuses a missing file, a non-register and an oversized upload with the error shape', async () => {
    const none = await upload(t, worker.token, Buffer.from('x'), { field: 'other' });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });

    const xls = await upload(t, worker.token, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), { filename: 'old.xls' });
    expect(xls.status).toBe(400);
    expect(xls.body.message).toEqual([expect.stringMatching(/^file: old \.xls/)]);

    const big = await upload(t, worker.token, Buffer.alloc(21 * 1024 * 1024, 0x41), { filename: 'big.csv' });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });

    const bad = await t.as(worker.token).raw('POST', '/api/v1/imports/persons?dryRun=maybe', '{}', 'application/json');
    expect(bad.status).toBe(400);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM imports WHERE file_name IN ('old.xls', 'big.csv')`);
    expect(count[0].n).toBe(0);
  });
});

import { importFile, xlsx } from '../support/imports-factories.js';
import { createPerson, nationalId, personBody, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Search before registering, and the 409 of a new file that repeats one (issue 19). */
describe('duplicates: search before registering', () => {
  let t: TestApp;
  let c: PersonsCast;
  let binh: { id: string; caseCode: string };
  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    t.clock.set(new Date('2025-06-15T05:00:00Z'));
    c = await personsCast(t);
    binh = await createPerson(t, c.workerC1.token, c.w.c1.id, {
      fullName: 'Nguyễn Văn Bình',
      dateOfBirth: '1985-02-10',
      sex: 'male',
      nationalId: null,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const candidates = (token: string, body: Record<string, unknown>) => t.as(token).post('/api/v1/persons/candidates', body);
  const count = async (name: string) => Number((await t.db.query(`SELECT count(*) AS n FROM persons WHERE full_name = $1`, [name]))[0].n);

  it('finds a file written with diacritics from a name typed without them, ranked, without contact details', async () => {
    const other = await createPerson(t, c.workerC1.token, c.w.c1.id, { fullName: 'Nguyễn Văn Bính', dateOfBirth: '1985-07-01', nationalId: null });
    const res = await candidates(c.workerC1.token, { fullName: 'nguyen van  BINH', dateOfBirth: '1985-02-10', sex: 'male' });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({
      id: binh.id,
      caseCode: binh.caseCode,
      fullName: 'Nguyễn Văn Bình',
      dateOfBirth: '1985-02-10',
      sex: 'male',
      residenceUnitId: c.w.c1.id,
      residenceUnitName: expect.any(String),
      status: 'using',
      registeredOn: '2025-03-01',
      closedOn: null,
      closeReason: null,
      hasNationalId: false,
      score: 1,
      likely: true,
      reasons: ['name', 'date_of_birth'],
    });
    // Same year of birth, same folded name: a candidate, lower, and not a likely match.
    expect(res.body.items[1]).toMatchObject({ id: other.id, likely: false, reasons: ['name', 'birth_year'], score: 0.8 });
    expect(res.body.total).toBe(2);
    for (const item of res.body.items) {
      expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['nationalId']));
      expect(item).not.toHaveProperty('phone');
      expect(item).not.toHaveProperty('address');
    }
    // A year alone finds both, neither likely.
    const byYear = await candidates(c.workerC1.token, { fullName: 'Nguyen Van Binh', birthYear: 1985 });
    expect(byYear.body.items.map((i: { id: string; likely: boolean }) => [i.id, i.likely])).toEqual(
      expect.arrayContaining([
        [binh.id, false],
        [other.id, false],
      ]),
    );
  });

  it('finds by national id whatever the name, and audits the search naming the files shown, never the values', async () => {
    const nid = nationalId();
    const withId = await createPerson(t, c.workerC1.token, c.w.c1.id, { fullName: 'Phạm Thị Lan', dateOfBirth: '1979-01-01', sex: 'female', nationalId: nid });
    const res = await candidates(c.workerC1.token, { fullName: 'Hoàn Toàn Khác', dateOfBirth: '2001-01-01', nationalId: nid });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ id: withId.id, score: 1, likely: true, reasons: ['national_id'] })]);
    const [audit] = await t.db.query(
      `SELECT action, entity, fields, meta, row_to_json(a)::text AS json FROM audit_logs a WHERE actor_id = $1 AND action = 'lookup' ORDER BY id DESC LIMIT 1`,
      [c.workerC1.id],
    );
    expect(audit).toMatchObject({
      action: 'lookup',
      entity: 'person',
      fields: ['fullName', 'dateOfBirth', 'nationalId'],
      meta: { view: 'candidates', results: 1, shown: [withId.id] },
    });
    expect(audit.json).not.toContain(nid);
    expect(audit.json).not.toContain('Khác');
  });

  it('searches only the caller’s scope; clinic staff may not search; a missing date names the field', async () => {
    const probe = { fullName: 'Nguyen Van Binh', dateOfBirth: '1985-02-10', sex: 'male' };
    expect((await candidates(c.officerP.token, probe)).body.items.map((i: { id: string }) => i.id)).toContain(binh.id);
    expect((await candidates(c.admin.token, probe)).body.items.map((i: { id: string }) => i.id)).toContain(binh.id);
    for (const u of [c.workerC2, c.workerQC, c.officerQ]) {
      const res = await candidates(u.token, probe);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], total: 0 });
    }
    expect((await candidates(c.clinicP.token, probe)).status).toBe(403);
    expect((await candidates(c.rehabP.token, probe)).status).toBe(403);
    const bad = await candidates(c.workerC1.token, { fullName: 'Nguyen Van Binh' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('dateOfBirth');
    expect((await candidates(c.workerC1.token, { fullName: '', dateOfBirth: '1985-02-10' })).status).toBe(400);
    expect((await candidates(c.workerC1.token, { fullName: 'A', dateOfBirth: '1985-02-10', nationalId: '12' })).status).toBe(400);
  });

  it('answers 409 possible_duplicate with the candidates when a new file repeats one in scope, and creates nothing', async () => {
    const body = personBody(c.w.c1.id, { fullName: 'Nguyen Van Binh', dateOfBirth: '1985-02-10', sex: 'male', nationalId: null });
    const res = await t.as(c.workerC1.token).post('/api/v1/persons', body);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'possible_duplicate',
      candidates: [expect.objectContaining({ id: binh.id, caseCode: binh.caseCode, likely: true })],
    });
    expect(res.body.message).toContain(binh.caseCode);
    expect(await count('Nguyen Van Binh')).toBe(0);
  });

  it('creates the file when the caller confirms it is another person, and records the confirmation', async () => {
    const body = personBody(c.w.c1.id, { fullName: 'Nguyen Van Binh', dateOfBirth: '1985-02-10', sex: 'male', nationalId: null, confirmDistinct: true });
    const res = await t.as(c.workerC1.token).post('/api/v1/persons', body);
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('confirmDistinct');
    const [audit] = await t.db.query(`SELECT fields, meta FROM audit_logs WHERE action = 'create' AND entity_id = $1`, [res.body.id]);
    expect(audit.meta).toEqual({ confirmDistinct: true, distinctFrom: [binh.id] });
    expect(audit.fields).not.toContain('confirmDistinct');
    // A file created with nothing to tell apart records no confirmation.
    const plain = await t.as(c.workerC1.token).post('/api/v1/persons', personBody(c.w.c1.id, { fullName: 'Đỗ Văn Một Mình', dateOfBirth: '1966-06-06', confirmDistinct: true }));
    expect(plain.status).toBe(201);
    const [plainAudit] = await t.db.query(`SELECT meta FROM audit_logs WHERE action = 'create' AND entity_id = $1`, [plain.body.id]);
    expect(plainAudit.meta).toBeNull();
  });

  it('does not hold back another sex, another date of birth, another national id, or a file out of the caller’s scope', async () => {
    const nidA = nationalId();
    await createPerson(t, c.workerC1.token, c.w.c1.id, { fullName: 'Lý Văn Tám', dateOfBirth: '1990-08-08', nationalId: nidA });
    const same = { fullName: 'Lý Văn Tám', dateOfBirth: '1990-08-08', sex: 'male' };
    // Two national ids are two people.
    expect((await t.as(c.workerC1.token).post('/api/v1/persons', personBody(c.w.c1.id, { ...same, nationalId: nationalId() }))).status).toBe(201);
    expect((await t.as(c.workerC1.token).post('/api/v1/persons', personBody(c.w.c1.id, { ...same, sex: 'female', nationalId: null }))).status).toBe(201);
    expect((await t.as(c.workerC1.token).post('/api/v1/persons', personBody(c.w.c1.id, { ...same, dateOfBirth: '1990-08-09', nationalId: null }))).status).toBe(201);
    // Without a national id it may be either file that has one: held back.
    const held = await t.as(c.workerC1.token).post('/api/v1/persons', personBody(c.w.c1.id, { ...same, nationalId: null }));
    expect(held.status).toBe(409);
    expect(held.body.candidates.length).toBe(2);
    // Commune C2 does not see C1's files: its worker is not held back (the duplicates job pairs them later).
    expect((await t.as(c.workerC2.token).post('/api/v1/persons', personBody(c.w.c2.id, { ...same, nationalId: null }))).status).toBe(201);
  });

  it('opens one file when the same person is registered many times at once; the others get 409 possible_duplicate', async () => {
    const body = personBody(c.w.c1.id, { fullName: 'Cao Văn Đồng Thời', dateOfBirth: '1977-07-07', sex: 'male', nationalId: null });
    const replies = await Promise.all(Array.from({ length: 8 }, () => t.as(c.workerC1.token).post('/api/v1/persons', body)));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of replies.filter((x) => x.status === 409)) expect(r.body.code).toBe('possible_duplicate');
    expect(await count('Cao Văn Đồng Thời')).toBe(1);
  });

  it('applies the same rule to an import: a row whose person has an open file in another commune is rejected, not created', async () => {
    const file = await xlsx(
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị cư trú', 'Tình trạng'],
      [
        ['Nguyen Van Binh', '10/02/1985', 'Nam', c.w.c3.code, 'Nghiện'],
        ['Người Mới Hẳn', '03/03/1993', 'Nam', c.w.c3.code, 'Nghiện'],
      ],
    );
    const done = await importFile(t, c.admin.token, file);
    expect(done).toMatchObject({ status: 'done', counts: { created: 1, rejected: 1 } });
    expect(done.errors).toEqual([expect.objectContaining({ row: 2, field: 'fullName', code: 'possible_duplicate' })]);
    expect(done.errors[0].message).toContain(binh.caseCode);
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM persons WHERE residence_unit_id = $1`, [c.w.c3.id]))[0].n)).toBe(1);
  });
});

import { createPerson, enrollmentRow, nationalId, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CONTACT_KEYS = ['nationalId', 'phone', 'address'];

describe('person files: search, filters, paging, list scope', () => {
  let t: TestApp;
  let c: PersonsCast;
  /** Files in creation order (the list answers newest first). */
  const files: { id: string; caseCode: string; nid: string; unit: string; name: string }[] = [];
  const byName = (name: string) => files.find((f) => f.name === name)!;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2025-06-15T05:00:00Z'));
    c = await personsCast(t);
    const plan: [string, string, 'using' | 'addicted'][] = [
      ['Trần Văn Bình', c.w.c1.id, 'using'],
      ['Nguyễn Thị Hoa', c.w.c2.id, 'addicted'],
      ['Đặng Văn Đức', c.w.c3.id, 'addicted'],
      ['Trần Văn Tùng', c.w.qc.id, 'using'],
      ['Lê Thị Trâm', c.w.c1.id, 'addicted'],
      ['Phạm Ngọc Nguyên', c.w.c1.id, 'using'],
    ];
    for (const [name, unitId, status] of plan) {
      const nid = nationalId();
      const p = await createPerson(t, c.admin.token, unitId, { fullName: name, nationalId: nid, status });
      files.push({ id: p.id, caseCode: p.caseCode, nid, unit: unitId, name });
    }
    // Lê Thị Trâm's file is closed; Đặng Văn Đức is at P's clinic; Nguyễn Thị Hoa at P's rehab facility.
    const closed = await t.as(c.admin.token).post(`/api/v1/persons/${byName('Lê Thị Trâm').id}/close`, {
      closedOn: '2025-06-01',
      closeReason: 'deceased',
    });
    expect(closed.status).toBe(200);
    await enrollmentRow(t, byName('Đặng Văn Đức').id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2025-04-01' });
    await enrollmentRow(t, byName('Nguyễn Thị Hoa').id, { type: 'facility', facilityId: c.w.rehabP, mode: 'voluntary', startDate: '2025-04-01' });
    // A methadone enrollment elsewhere does not bring a file into P's clinic's list.
    await enrollmentRow(t, byName('Trần Văn Tùng').id, { type: 'methadone', facilityId: c.w.clinicQ, startDate: '2025-04-01' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (token: string, qs: string) => t.as(token).get(`/api/v1/persons?${qs}`);
  const names = (body: { items: { fullName: string }[] }) => body.items.map((i) => i.fullName);

  describe('q', () => {
    it.each([
      ['Tran Van', ['Trần Văn Tùng', 'Trần Văn Bình']],
      ['tran van', ['Trần Văn Tùng', 'Trần Văn Bình']],
      ['TRẦN VĂN', ['Trần Văn Tùng', 'Trần Văn Bình']],
      ['nguyen', ['Phạm Ngọc Nguyên', 'Nguyễn Thị Hoa']],
      ['dang van duc', ['Đặng Văn Đức']],
      ['  đức ', ['Đặng Văn Đức']],
      ['tram', ['Lê Thị Trâm']],
      ['Trần  Văn   Bình', ['Trần Văn Bình']],
      ['xyz', []],
      ['%', []],
      ['_', []],
      ['\\', []],
    ])('%j finds %j', async (q, expected) => {
      const res = await list(c.admin.token, `q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(names(res.body)).toEqual(expected);
      expect(res.body.total).toBe(expected.length);
    });

    it('matches a decomposed (NFD) query as the composed one', async () => {
      const res = await list(c.admin.token, `q=${encodeURIComponent('Nguyễn'.normalize('NFD'))}`);
      expect(names(res.body)).toEqual(['Phạm Ngọc Nguyên', 'Nguyễn Thị Hoa']);
    });

    it('finds a file by part of its case code, in any case', async () => {
      const target = byName('Phạm Ngọc Nguyên');
      for (const q of [target.caseCode, target.caseCode.toLowerCase(), target.caseCode.slice(0, -2)]) {
        const res = await list(c.admin.token, `q=${encodeURIComponent(q)}`);
        expect(names(res.body)).toContain('Phạm Ngọc Nguyên');
      }
      // The unit code plus year-sequence finds exactly this one.
      const exact = await list(c.admin.token, `q=${encodeURIComponent(target.caseCode.toLowerCase())}`);
      expect(exact.body.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    });
  });

  describe('lists', () => {
    it('never carry national id, phone or address, for any role', async () => {
      for (const u of [c.admin, c.officerP, c.workerC1, c.clinicP, c.rehabP]) {
        const res = await list(u.token, 'pageSize=100');
        expect(res.status).toBe(200);
        for (const item of res.body.items) for (const key of CONTACT_KEYS) expect(item).not.toHaveProperty(key);
        const text = JSON.stringify(res.body);
        for (const f of files) expect(text).not.toContain(f.nid);
        expect(text).not.toContain('0912 345 678');
        expect(text).not.toContain('Tân Lập');
      }
    });

    it('are newest first with totals and pages', async () => {
      const newestFirst = [...files].reverse().map((f) => f.id);
      const all = await list(c.admin.token, 'pageSize=100');
      expect(all.body.items.map((i: { id: string }) => i.id)).toEqual(newestFirst);
      const p1 = await list(c.admin.token, 'page=1&pageSize=4');
      const p2 = await list(c.admin.token, 'page=2&pageSize=4');
      expect(p1.body).toMatchObject({ total: 6, page: 1, pageSize: 4 });
      expect(p2.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
      expect([...p1.body.items, ...p2.body.items].map((i: { id: string }) => i.id)).toEqual(newestFirst);
      const beyond = await list(c.admin.token, 'page=3&pageSize=4');
      expect(beyond.body).toMatchObject({ items: [], total: 6 });
      const dflt = await list(c.admin.token, '');
      expect(dflt.body).toMatchObject({ page: 1, pageSize: 20, total: 6 });
    });

    it('keep to the caller’s scope', async () => {
      const ids = async (token: string, qs = 'pageSize=100') => ((await list(token, qs)).body.items as { fullName: string }[]).map((i) => i.fullName).sort();
      expect(await ids(c.workerC1.token)).toEqual(['Lê Thị Trâm', 'Phạm Ngọc Nguyên', 'Trần Văn Bình']);
      expect(await ids(c.workerC2.token)).toEqual(['Nguyễn Thị Hoa']);
      expect(await ids(c.workerQC.token)).toEqual(['Trần Văn Tùng']);
      expect(await ids(c.officerP.token)).toEqual(['Lê Thị Trâm', 'Nguyễn Thị Hoa', 'Phạm Ngọc Nguyên', 'Trần Văn Bình', 'Đặng Văn Đức']);
      expect(await ids(c.officerQ.token)).toEqual(['Trần Văn Tùng']);
      expect(await ids(c.clinicP.token)).toEqual(['Đặng Văn Đức']);
      expect(await ids(c.rehabP.token)).toEqual(['Nguyễn Thị Hoa']);
      // A search does not widen it.
      expect(await ids(c.workerC2.token, 'q=tran')).toEqual([]);
    });

    it('filter by unit subtree, intersected with scope', async () => {
      const ids = async (token: string, qs: string) => ((await list(token, qs)).body.items as { fullName: string }[]).map((i) => i.fullName).sort();
      expect(await ids(c.admin.token, `unitId=${c.w.d.id}`)).toEqual(['Lê Thị Trâm', 'Nguyễn Thị Hoa', 'Phạm Ngọc Nguyên', 'Trần Văn Bình']);
      expect(await ids(c.admin.token, `unitId=${c.w.c3.id}`)).toEqual(['Đặng Văn Đức']);
      expect(await ids(c.admin.token, `unitId=${c.w.q.id}`)).toEqual(['Trần Văn Tùng']);
      expect(await ids(c.officerP.token, `unitId=${c.w.q.id}`)).toEqual([]);
      expect(await ids(c.workerC1.token, `unitId=${c.w.p.id}`)).toEqual(['Lê Thị Trâm', 'Phạm Ngọc Nguyên', 'Trần Văn Bình']);
      // A unit that does not exist is bad input, not an empty area.
      const unknown = await list(c.admin.token, `unitId=00000000-0000-4000-8000-000000000000`);
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body.message)).toContain('unitId');
    });

    it('filter by status and open/closed', async () => {
      const ids = async (qs: string) => ((await list(c.admin.token, qs)).body.items as { fullName: string }[]).map((i) => i.fullName).sort();
      expect(await ids('status=using')).toEqual(['Phạm Ngọc Nguyên', 'Trần Văn Bình', 'Trần Văn Tùng']);
      expect(await ids('status=addicted')).toEqual(['Lê Thị Trâm', 'Nguyễn Thị Hoa', 'Đặng Văn Đức']);
      expect(await ids('open=false')).toEqual(['Lê Thị Trâm']);
      expect(await ids('open=true')).toEqual(['Nguyễn Thị Hoa', 'Phạm Ngọc Nguyên', 'Trần Văn Bình', 'Trần Văn Tùng', 'Đặng Văn Đức']);
      expect(await ids('open=true&status=addicted&q=van')).toEqual(['Đặng Văn Đức']);
      const closed = (await list(c.admin.token, 'open=false')).body.items[0];
      expect(closed).toMatchObject({ closedOn: '2025-06-01', closeReason: 'deceased' });
    });

    it('refuse malformed filters with 400 naming them', async () => {
      for (const [qs, field] of [
        ['nationalId=12345', 'nationalId'],
        ['nationalId=12345678901x', 'nationalId'],
        ['open=maybe', 'open'],
        ['status=clean', 'status'],
        ['unitId=C1', 'unitId'],
        ['pageSize=101', 'pageSize'],
        ['page=0', 'page'],
        [`q=${'a'.repeat(201)}`, 'q'],
        ['sort=name', 'sort'],
      ]) {
        const res = await list(c.admin.token, qs);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body.message)).toContain(field);
      }
    });
  });

  describe('national id lookup', () => {
    it('finds exactly one file within scope and audits the lookup without the number', async () => {
      const target = byName('Trần Văn Bình');
      const res = await list(c.workerC1.token, `nationalId=${target.nid}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
      expect(res.body.items[0]).not.toHaveProperty('nationalId');
      // Out of scope: nothing, and still audited.
      const other = await list(c.workerC1.token, `nationalId=${byName('Trần Văn Tùng').nid}`);
      expect(other.body).toMatchObject({ items: [], total: 0 });
      const audits = await t.db.query(
        `SELECT action, entity, entity_id, fields, meta, row_to_json(a)::text AS json FROM audit_logs a
          WHERE actor_id = $1 AND action = 'lookup' ORDER BY at, id`,
        [c.workerC1.id],
      );
      // Each lookup names the person it found.
      expect(audits.map((a: { entity: string; entity_id: string | null; fields: string[]; meta: unknown }) => [a.entity, a.entity_id, a.fields, a.meta])).toEqual([
        ['person', target.id, ['nationalId'], { results: 1, personIds: [target.id] }],
        ['person', null, ['nationalId'], { results: 0, personIds: [] }],
      ]);
      for (const a of audits) {
        expect(a.json).not.toContain(target.nid);
        expect(a.json).not.toContain(byName('Trần Văn Tùng').nid);
      }
    });

    it('lets clinic and facility staff find any open file by exact national id, or case code with date of birth and name, with the minimal view only', async () => {
      const target = byName('Trần Văn Tùng'); // province Q, not enrolled at P's facilities
      const code = encodeURIComponent(target.caseCode);
      for (const u of [c.clinicP, c.rehabP]) {
        // The name is compared without diacritics or case.
        for (const qs of [`nationalId=${target.nid}`, `caseCode=${code}&dateOfBirth=1990-05-03&fullName=tran%20van%20TUNG`]) {
          const res = await list(u.token, qs);
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ total: 1 });
          expect(res.body.items).toEqual([
            {
              id: target.id,
              caseCode: target.caseCode,
              fullName: 'Trần Văn Tùng',
              dateOfBirth: '1990-05-03',
              sex: 'male',
              residenceUnitId: c.w.qc.id,
              status: 'using',
            },
          ]);
        }
        // Finding it does not open the file to them.
        expect((await t.as(u.token).get(`/api/v1/persons/${target.id}`)).status).toBe(404);
        // A closed file is not found; a partial case code is not a lookup.
        const closed = byName('Lê Thị Trâm');
        expect((await list(u.token, `nationalId=${closed.nid}`)).body.total).toBe(0);
        expect((await list(u.token, `caseCode=${encodeURIComponent(target.caseCode.slice(0, -1))}&dateOfBirth=1990-05-03&fullName=Trần Văn Tùng`)).body.total).toBe(0);
        // A case code alone, with the date of birth only (a guessable pair), or with another date of
        // birth or name, finds nothing beyond their own patients: case codes run in sequence.
        expect((await list(u.token, `caseCode=${code}`)).body.total).toBe(0);
        expect((await list(u.token, `caseCode=${code}&dateOfBirth=1990-05-03`)).body.total).toBe(0);
        expect((await list(u.token, `caseCode=${code}&dateOfBirth=1990-05-04&fullName=Trần Văn Tùng`)).body.total).toBe(0);
        expect((await list(u.token, `caseCode=${code}&dateOfBirth=1990-05-03&fullName=Trần Văn Tú`)).body.total).toBe(0);
      }
      const audits = await t.db.query(`SELECT actor_id, fields, meta FROM audit_logs WHERE action = 'lookup' AND actor_id = $1 ORDER BY at, id`, [
        c.clinicP.id,
      ]);
      const lookup = ['caseCode', 'dateOfBirth', 'fullName'];
      const found = { results: 1, personIds: [target.id] };
      const none = { results: 0, personIds: [] };
      expect(audits.map((a: { fields: string[]; meta: unknown }) => [a.fields, a.meta])).toEqual([
        [['nationalId'], found],
        [lookup, found],
        [['nationalId'], none],
        [lookup, none],
        [lookup, none],
        [lookup, none],
      ]);
    });

    it('does not let province officers look across provinces', async () => {
      const res = await list(c.officerP.token, `nationalId=${byName('Trần Văn Tùng').nid}`);
      expect(res.body.total).toBe(0);
      const own = await list(c.officerP.token, `nationalId=${byName('Đặng Văn Đức').nid}`);
      expect(own.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Đặng Văn Đức']);
      for (const key of CONTACT_KEYS) expect(own.body.items[0]).not.toHaveProperty(key);
    });
  });
});

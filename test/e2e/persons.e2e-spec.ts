import { createHash } from 'node:crypto';
import { unit } from '../support/factories.js';
import { createPerson, enrollmentRow, nationalId, personBody, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2025-06-15';

describe('person files: create, read, visibility, at rest', () => {
  let t: TestApp;
  let c: PersonsCast;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date(`${TODAY}T05:00:00Z`)); // noon in Asia/Ho_Chi_Minh
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);

  describe('create', () => {
    it('opens a file with a generated case code, decrypted contacts for the creator, and its first events', async () => {
      const nid = nationalId();
      const res = await t.as(c.admin.token).post(
        '/api/v1/persons',
        personBody(c.w.c1.id, { nationalId: nid, fullName: '  Nguyễn   Văn An '.normalize('NFD') }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        caseCode: `${c.w.c1.code}-2025-00001`,
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-05-03',
        sex: 'male',
        residenceUnitId: c.w.c1.id,
        status: 'using',
        substances: ['heroin'],
        registeredOn: '2025-03-01',
        managementDecisionOn: '2025-03-05',
        managementDecisionNo: null,
        inDetention: false,
        closedOn: null,
        closeReason: null,
        mergedIntoId: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        nationalId: nid,
        phone: '0912 345 678',
        address: 'Số 12, thôn Đông, xã Tân Lập',
      });
      // Stored NFC-normalised: the same bytes as the composed form.
      const [row] = await t.db.query(`SELECT full_name, search_text FROM persons WHERE id = $1`, [res.body.id]);
      expect(row.full_name).toBe('Nguyễn Văn An'.normalize('NFC'));
      expect(row.search_text).toBe(`nguyen van an ${c.w.c1.code.toLowerCase()}-2025-00001`);

      const events = await t.db.query(
        `SELECT kind, to_char(event_date, 'YYYY-MM-DD') AS date, data FROM person_events WHERE person_id = $1 ORDER BY recorded_at`,
        [res.body.id],
      );
      expect(events).toEqual([
        { kind: 'registered', date: '2025-03-01', data: { status: 'using', residenceUnitId: c.w.c1.id } },
        { kind: 'management_decision', date: '2025-03-05', data: {} },
      ]);
      const audits = await t.db.query(`SELECT actor_id, action, fields, meta FROM audit_logs WHERE entity = 'person' AND entity_id = $1`, [
        res.body.id,
      ]);
      expect(audits).toHaveLength(1);
      expect(audits[0].actor_id).toBe(c.admin.id);
      expect(audits[0].action).toBe('create');
      expect([...audits[0].fields].sort()).toEqual(
        ['address', 'dateOfBirth', 'fullName', 'inDetention', 'managementDecisionOn', 'nationalId', 'phone', 'registeredOn', 'residenceUnitId', 'sex', 'status', 'substances'].sort(),
      );
    });

    it('numbers case codes per residence unit and year of registration', async () => {
      const second = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const otherUnit = await createPerson(t, c.admin.token, c.w.c2.id);
      const lastYear = await createPerson(t, c.admin.token, c.w.c1.id, { registeredOn: '2024-12-31', managementDecisionOn: null });
      expect(second.caseCode).toBe(`${c.w.c1.code}-2025-00002`);
      expect(otherUnit.caseCode).toBe(`${c.w.c2.code}-2025-00001`);
      expect(lastYear.caseCode).toBe(`${c.w.c1.code}-2024-00001`);
    });

    it('gives 20 concurrent creations in one commune 20 different consecutive codes', async () => {
      const fresh = await unit(t, 'commune', c.w.p);
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => t.as(c.admin.token).post('/api/v1/persons', personBody(fresh.id, { fullName: `Người ${i}` }))),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
      const codes = replies.map((r) => r.body.caseCode as string).sort();
      expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `${fresh.code}-2025-${String(i + 1).padStart(5, '0')}`));
      const [counter] = await t.db.query(`SELECT last_value FROM case_code_counters WHERE unit_id = $1 AND year = 2025`, [fresh.id]);
      expect(counter.last_value).toBe(20);
    });

    it('refuses a second open file with the same national id (409 naming nationalId) and leaves no row or number behind', async () => {
      const fresh = await unit(t, 'commune', c.w.d);
      const nid = nationalId();
      const first = await createPerson(t, c.admin.token, fresh.id, { nationalId: nid });
      const before = await count(`SELECT count(*) AS n FROM persons`);
      const dup = await t.as(c.admin.token).post('/api/v1/persons', personBody(fresh.id, { nationalId: nid }));
      expect(dup.status).toBe(409);
      expect(JSON.stringify(dup.body.message)).toContain('nationalId');
      expect(await count(`SELECT count(*) AS n FROM persons`)).toBe(before);
      // The refused creation did not consume a number.
      const next = await createPerson(t, c.admin.token, fresh.id);
      expect(next.caseCode).toBe(`${fresh.code}-2025-00002`);

      // Once the first file is closed, the number may open a new file.
      const closed = await t.as(c.admin.token).post(`/api/v1/persons/${first.id}/close`, { closedOn: '2025-06-01', closeReason: 'moved_away' });
      expect(closed.status).toBe(200);
      const again = await t.as(c.admin.token).post('/api/v1/persons', personBody(fresh.id, { nationalId: nid }));
      expect(again.status).toBe(201);
    });

    it('lets only one of two racing creations with the same national id through', async () => {
      const nid = nationalId();
      const replies = await Promise.all(
        [c.w.c1.id, c.w.c2.id, c.w.c3.id].map((u) => t.as(c.admin.token).post('/api/v1/persons', personBody(u, { nationalId: nid }))),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      for (const r of replies.filter((x) => x.status === 409)) expect(JSON.stringify(r.body.message)).toContain('nationalId');
    });

    it('accepts a file without national id, phone, address or management decision', async () => {
      const body = personBody(c.w.c3.id, { status: 'addicted' });
      delete body.nationalId;
      delete body.phone;
      delete body.address;
      delete body.managementDecisionOn;
      delete body.substances;
      delete body.inDetention;
      const res = await t.as(c.admin.token).post('/api/v1/persons', body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ nationalId: null, phone: null, address: null, managementDecisionOn: null, substances: [], inDetention: false });
      const [row] = await t.db.query(`SELECT national_id_cipher, national_id_hash, phone_cipher, address_cipher FROM persons WHERE id = $1`, [
        res.body.id,
      ]);
      expect(row).toEqual({ national_id_cipher: null, national_id_hash: null, phone_cipher: null, address_cipher: null });
    });
  });

  describe('at rest', () => {
    it('keeps national id, phone and address out of every column in clear, and the lookup hash is keyed', async () => {
      const nid = nationalId();
      const phone = '0987.654.321';
      const address = 'Ngõ 77 phố Khâm Thiên';
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { nationalId: nid, phone, address });
      await t.as(c.workerC1.token).get(`/api/v1/persons/${p.id}`);
      await t.as(c.admin.token).get(`/api/v1/persons?nationalId=${nid}`);

      const [row] = await t.db.query(`SELECT row_to_json(p)::text AS json FROM persons p WHERE id = $1`, [p.id]);
      expect(row.json).toContain(p.caseCode); // the read works: the row is there
      for (const secret of [nid, phone, address, Buffer.from(nid).toString('hex'), Buffer.from(phone).toString('hex')]) {
        expect(row.json).not.toContain(secret);
      }
      const all = await t.db.query(`SELECT string_agg(row_to_json(p)::text, '') AS json FROM persons p`);
      expect(all[0].json).not.toContain(nid);
      // Each bytea column, cast to text in either escape form, does not hold the number either.
      const [casts] = await t.db.query(
        `SELECT encode(national_id_cipher, 'escape') AS c1, encode(national_id_hash, 'escape') AS c2,
                encode(phone_cipher, 'escape') AS c3, encode(address_cipher, 'escape') AS c4,
                national_id_cipher::text AS c5, national_id_hash::text AS c6
           FROM persons WHERE id = $1`,
        [p.id],
      );
      for (const v of Object.values(casts)) {
        expect(String(v)).not.toContain(nid);
        expect(String(v)).not.toContain(phone);
      }
      const [hash] = await t.db.query(`SELECT encode(national_id_hash, 'hex') AS h FROM persons WHERE id = $1`, [p.id]);
      expect(hash.h).toHaveLength(64);
      expect(hash.h).not.toBe(createHash('sha256').update(nid).digest('hex'));
      // Nor do the history or the audit trail.
      const events = await t.db.query(`SELECT string_agg(row_to_json(e)::text, '') AS json FROM person_events e`);
      const audits = await t.db.query(`SELECT string_agg(row_to_json(a)::text, '') AS json FROM audit_logs a`);
      for (const text of [events[0].json, audits[0].json]) {
        expect(text).not.toContain(nid);
        expect(text).not.toContain(phone);
        expect(text).not.toContain('Khâm Thiên');
      }
    });
  });

  describe('validation', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['fullName', 'empty', { fullName: '' }],
      ['fullName', 'only spaces', { fullName: '    ' }],
      ['fullName', 'too long', { fullName: 'a'.repeat(201) }],
      ['fullName', 'not a string', { fullName: 42 }],
      ['fullName', 'missing', { fullName: undefined }],
      ['dateOfBirth', 'not a real date', { dateOfBirth: '1990-02-30' }],
      ['dateOfBirth', 'not a date', { dateOfBirth: 'yesterday' }],
      ['dateOfBirth', 'in the future', { dateOfBirth: '2025-06-16', registeredOn: '2025-06-15', managementDecisionOn: null }],
      ['dateOfBirth', 'before 1900', { dateOfBirth: '1899-12-31' }],
      ['sex', 'unknown', { sex: 'other' }],
      ['registeredOn', 'in the future', { registeredOn: '2025-06-16' }],
      ['registeredOn', 'before birth', { dateOfBirth: '1990-05-03', registeredOn: '1990-05-02' }],
      ['registeredOn', 'a timestamp', { registeredOn: '2025-03-01T00:00:00Z' }],
      ['managementDecisionOn', 'in the future', { managementDecisionOn: '2025-06-16' }],
      ['status', 'unknown', { status: 'clean' }],
      ['substances', 'not a list', { substances: 'heroin' }],
      ['substances', 'too many', { substances: Array.from({ length: 21 }, (_, i) => `s${i}`) }],
      ['substances', 'an item too long', { substances: ['x'.repeat(51)] }],
      ['substances', 'an item not a string', { substances: [1] }],
      ['phone', 'letters', { phone: 'call me' }],
      ['phone', 'too short', { phone: '12345' }],
      ['address', 'too long', { address: 'a'.repeat(501) }],
      ['inDetention', 'not a boolean', { inDetention: 'yes' }],
      ['residenceUnitId', 'not a uuid', { residenceUnitId: 'C1' }],
      ['residenceUnitId', 'unknown', { residenceUnitId: '00000000-0000-4000-8000-000000000000' }],
      ['nationalId', 'too short', { nationalId: '12345' }],
      ['nationalId', 'thirteen digits', { nationalId: '1234567890123' }],
      ['nationalId', 'a letter', { nationalId: '12345678901a' }],
      ['nationalId', 'a number', { nationalId: 123456789012 }],
      ['caseCode', 'unknown field', { caseCode: 'MINE-1' }],
      ['version', 'unknown field on create', { version: 3 }],
    ];

    it.each(cases)('answers 400 naming %s (%s) and writes nothing', async (field, _what, extra) => {
      const before = await count(`SELECT count(*) AS n FROM persons`);
      const counters = await count(`SELECT coalesce(sum(last_value), 0) AS n FROM case_code_counters`);
      const res = await t.as(c.admin.token).post('/api/v1/persons', personBody(c.w.c2.id, extra));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      const messages: string[] = Array.isArray(res.body.message) ? res.body.message : [res.body.message];
      expect(messages.some((m) => m.includes(field))).toBe(true);
      expect(await count(`SELECT count(*) AS n FROM persons`)).toBe(before);
      expect(await count(`SELECT coalesce(sum(last_value), 0) AS n FROM case_code_counters`)).toBe(counters);
    });

    it('refuses a residence that is not a commune', async () => {
      for (const u of [c.w.p.id, c.w.d.id]) {
        const res = await t.as(c.admin.token).post('/api/v1/persons', personBody(u));
        expect(res.status).toBe(400);
        expect(res.body.message).toEqual([expect.stringMatching(/^residenceUnitId: must be a commune/)]);
      }
    });

    it('names every bad field at once', async () => {
      const res = await t.as(c.admin.token).post('/api/v1/persons', { ...personBody(c.w.c1.id), sex: 'x', status: 'y', extra: true });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(
        expect.arrayContaining([expect.stringContaining('sex'), expect.stringContaining('status'), 'property extra should not exist']),
      );
    });
  });

  describe('roles and scope', () => {
    it('lets only admins and commune workers create (403 for the others)', async () => {
      for (const u of [c.officerP, c.clinicP, c.rehabP]) {
        const res = await t.as(u.token).post('/api/v1/persons', personBody(c.w.c1.id));
        expect(res.status).toBe(403);
      }
    });

    it("refuses a commune worker a residence outside its commune, naming residenceUnitId", async () => {
      const before = await count(`SELECT count(*) AS n FROM persons`);
      const res = await t.as(c.workerC1.token).post('/api/v1/persons', personBody(c.w.c2.id));
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual([expect.stringContaining('residenceUnitId')]);
      expect(await count(`SELECT count(*) AS n FROM persons`)).toBe(before);
    });

    it('shows one file only within scope: 404 for another commune, another province, an unrelated clinic', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      for (const u of [c.admin, c.workerC1, c.officerP]) expect((await t.as(u.token).get(`/api/v1/persons/${p.id}`)).status).toBe(200);
      for (const u of [c.workerC2, c.workerQC, c.officerQ, c.clinicP, c.rehabP]) {
        const res = await t.as(u.token).get(`/api/v1/persons/${p.id}`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(p.caseCode);
        expect((await t.as(u.token).get(`/api/v1/persons/${p.id}/timeline`)).status).toBe(404);
      }
      expect((await t.as(c.admin.token).get('/api/v1/persons/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const bad = await t.as(c.admin.token).get('/api/v1/persons/not-a-uuid');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual([expect.stringContaining('id')]);
    });

    it('gives national id, phone and address on a single read to admins and commune workers only', async () => {
      const nid = nationalId();
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id, { nationalId: nid, phone: '+84 912 000 111', address: 'Xóm Chùa' });
      await enrollmentRow(t, p.id, { type: 'methadone', facilityId: c.w.clinicP, startDate: '2025-04-01' });
      await enrollmentRow(t, p.id, { type: 'facility', facilityId: c.w.rehabP, mode: 'voluntary', startDate: '2025-04-02' });

      for (const u of [c.admin, c.workerC1]) {
        const res = await t.as(u.token).get(`/api/v1/persons/${p.id}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: p.id, nationalId: nid, phone: '+84 912 000 111', address: 'Xóm Chùa' });
      }
      for (const u of [c.officerP, c.clinicP, c.rehabP]) {
        const res = await t.as(u.token).get(`/api/v1/persons/${p.id}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: p.id, caseCode: p.caseCode, fullName: p.fullName, status: 'using' });
        expect(res.body).not.toHaveProperty('nationalId');
        expect(res.body).not.toHaveProperty('phone');
        expect(res.body).not.toHaveProperty('address');
        const text = JSON.stringify(res.body);
        expect(text).not.toContain(nid);
        expect(text).not.toContain('912 000 111');
        expect(text).not.toContain('Xóm Chùa');
      }
    });

    it('writes a read audit row per single-file read, with no personal values', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      await t.as(c.officerP.token).get(`/api/v1/persons/${p.id}`);
      await t.as(c.workerC1.token).get(`/api/v1/persons/${p.id}`);
      await t.as(c.workerC2.token).get(`/api/v1/persons/${p.id}`); // 404: not a read
      const rows = await t.db.query(
        `SELECT actor_id, actor_role, action, fields, row_to_json(a)::text AS json FROM audit_logs a
          WHERE entity = 'person' AND entity_id = $1 AND action = 'read' ORDER BY at, id`,
        [p.id],
      );
      expect(rows.map((r: { actor_id: string; actor_role: string }) => [r.actor_id, r.actor_role])).toEqual([
        [c.officerP.id, 'province_officer'],
        [c.workerC1.id, 'commune_worker'],
      ]);
      for (const r of rows) {
        expect(r.json).not.toContain('Nguyễn');
        expect(r.json).not.toContain(p.nationalId);
      }
    });

    it('records the request id and address of each read', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      const requestId = `read-${p.id}`;
      const res = await fetch(`${t.baseUrl}/api/v1/persons/${p.id}`, { headers: { authorization: `Bearer ${c.workerC1.token}`, 'x-request-id': requestId } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe(requestId);
      const rows = await t.db.query(`SELECT actor_id, request_id, ip FROM audit_logs WHERE entity = 'person' AND entity_id = $1 AND action = 'read'`, [p.id]);
      expect(rows).toEqual([{ actor_id: c.workerC1.id, request_id: requestId, ip: expect.stringMatching(/127\.0\.0\.1|::1/) }]);
    });

    it('does not answer a read whose audit row cannot be written', async () => {
      const p = await createPerson(t, c.workerC1.token, c.w.c1.id);
      // The database refuses read rows for this one file, as a full disk or a broken table would.
      await t.db.query(`
        CREATE FUNCTION test_refuse_read() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.action = 'read' AND NEW.entity_id = '${p.id}' THEN RAISE EXCEPTION 'audit refused'; END IF;
          RETURN NEW;
        END $$`);
      await t.db.query(`CREATE TRIGGER test_refuse_read BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION test_refuse_read()`);
      try {
        const res = await t.as(c.workerC1.token).get(`/api/v1/persons/${p.id}`);
        expect(res.status).toBe(500);
        expect(res.body).toMatchObject({ statusCode: 500 });
        const text = JSON.stringify(res.body);
        expect(text).not.toContain(p.caseCode);
        expect(text).not.toContain('Nguyễn');
        expect(text).not.toContain('audit refused');
      } finally {
        await t.db.query(`DROP TRIGGER test_refuse_read ON audit_logs`);
        await t.db.query(`DROP FUNCTION test_refuse_read()`);
      }
      // Other files are read and recorded as before.
      expect((await t.as(c.workerC1.token).get(`/api/v1/persons/${p.id}`)).status).toBe(200);
    });

    it('has no DELETE route: files are closed, never deleted', async () => {
      const p = await createPerson(t, c.admin.token, c.w.c1.id);
      const res = await t.as(c.admin.token).delete(`/api/v1/persons/${p.id}`);
      expect(res.status).toBe(404);
      expect(await count(`SELECT count(*) AS n FROM persons WHERE id = $1`, [p.id])).toBe(1);
    });
  });

  it('documents the routes and the body in OpenAPI', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/persons', '/api/v1/persons/{id}', '/api/v1/persons/{id}/close', '/api/v1/persons/{id}/timeline']),
    );
    expect(Object.keys(res.body.paths['/api/v1/persons/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    const create = res.body.components.schemas.CreatePersonDto;
    expect(create.required).toEqual(expect.arrayContaining(['fullName', 'dateOfBirth', 'sex', 'residenceUnitId', 'status', 'registeredOn']));
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['nationalId', 'phone', 'address', 'substances', 'inDetention']));
    expect(res.body.components.schemas.UpdatePersonDto.required).toEqual(['version']);
  });
});

import { randomUUID } from 'node:crypto';
import { user } from '../support/factories.js';
import { auditRows, auditTableText, cast, expectError, login, uniqueCode, type Cast, controlRefusal } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('audit log', () => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const asAdmin = () => t.as(c.users.admin.token);

  describe('what is recorded', () => {
    /** Values that must never reach the audit table. */
    const secrets: string[] = [];
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const unitName = 'Xã Đắk Nông Bí Mật';
      const facilityName = 'Cơ sở Methadone Hoà Bình';
      const fullName = 'Phạm Thị Hồng Nhung';
      const password = 'pw-Secret-12345';
      const username = uniqueCode('audit.');
      const unit = await asAdmin().post('/api/v1/admin-units', { code: uniqueCode('C'), name: unitName, level: 'commune', parentId: c.w.p.id });
      const facility = await asAdmin().post('/api/v1/facilities', {
        code: uniqueCode('F'),
        name: facilityName,
        type: 'methadone_clinic',
        adminUnitId: unit.body.id,
      });
      const created = await asAdmin().post('/api/v1/users', { username, password, fullName, role: 'commune_worker', adminUnitId: unit.body.id });
      const newPassword = 'pw-Another-67890';
      await asAdmin().patch(`/api/v1/users/${created.body.id}`, { password: newPassword, fullName: 'Phạm Thị Hồng' });
      const wrongPassword = 'pw-Wrong-Guess-1';
      await login(t, username, wrongPassword);
      const ghost = uniqueCode('ghost.');
      await login(t, ghost, wrongPassword);
      const session = await login(t, username, newPassword);
      const rotated = await t.http.post('/api/v1/auth/refresh', { refreshToken: session.body.refreshToken });
      await t.as(rotated.body.accessToken).post('/api/v1/auth/logout');
      expect([unit.status, facility.status, created.status, session.status, rotated.status]).toEqual([201, 201, 201, 200, 200]);
      Object.assign(ids, { unit: unit.body.id, facility: facility.body.id, user: created.body.id });
      secrets.push(
        unitName,
        facilityName,
        fullName,
        'Phạm Thị Hồng',
        password,
        newPassword,
        wrongPassword,
        username,
        ghost,
        session.body.accessToken,
        session.body.refreshToken,
        session.body.refreshToken.split('.')[1],
        rotated.body.accessToken,
        rotated.body.refreshToken.split('.')[1],
        c.users.admin.token,
        c.users.admin.password,
      );
    });

    it('records creation of a unit, a facility and a user, and an update of a user, with field names only', async () => {
      const admin = c.users.admin.id;
      const base = { actor_id: admin, actor_role: 'admin', ip: '127.0.0.1' };
      expect(await auditRows(t, `entity_id = ANY($1)`, [[ids.unit, ids.facility, ids.user]])).toEqual([
        { ...base, action: 'create', entity: 'admin_unit', entity_id: ids.unit, fields: ['code', 'name', 'level', 'parentId'] },
        { ...base, action: 'create', entity: 'facility', entity_id: ids.facility, fields: ['code', 'name', 'type', 'adminUnitId'] },
        { ...base, action: 'create', entity: 'user', entity_id: ids.user, fields: ['username', 'fullName', 'role', 'adminUnitId'] },
        { ...base, action: 'update', entity: 'user', entity_id: ids.user, fields: ['password', 'fullName'] },
        { actor_id: null, actor_role: null, ip: '127.0.0.1', action: 'login_failed', entity: 'user', entity_id: ids.user, fields: [] },
        { actor_id: ids.user, actor_role: 'commune_worker', ip: '127.0.0.1', action: 'login', entity: 'user', entity_id: ids.user, fields: [] },
        { actor_id: ids.user, actor_role: 'commune_worker', ip: '127.0.0.1', action: 'logout', entity: 'user', entity_id: ids.user, fields: [] },
      ]);
      // A failed login for a name that does not exist is recorded without the name.
      const unknown = await auditRows(t, `action = 'login_failed' AND entity_id IS NULL`);
      expect(unknown).toEqual([{ actor_id: null, actor_role: null, ip: '127.0.0.1', action: 'login_failed', entity: 'user', entity_id: null, fields: [] }]);
    });

    it('never holds a password, a token, a username or a name anywhere in the table', async () => {
      const text = await auditTableText(t);
      expect(text.length).toBeGreaterThan(100);
      for (const s of secrets) expect({ found: text.includes(s), s }).toEqual({ found: false, s });
      // Nor any argon2 hash.
      expect(text).not.toContain('$argon2');
    });
  });

  describe('append-only', () => {
    it.each([
      ['UPDATE', `UPDATE audit_logs SET action = 'tampered'`],
      ['DELETE', `DELETE FROM audit_logs`],
      ['TRUNCATE', `TRUNCATE audit_logs`],
    ])('the database refuses %s', async (op, sql) => {
      const before: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM audit_logs`);
      expect(before[0].n).toBeGreaterThan(0);
      await expect(t.db.query(sql)).rejects.toMatchObject({
        message: `audit_logs is append-only: ${op} refused`,
        driverError: expect.objectContaining({ code: '42501' }),
      });
      const after: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM audit_logs`);
      expect(after[0].n).toBe(before[0].n);
      expect(await t.db.query(`SELECT 1 FROM audit_logs WHERE action = 'tampered'`)).toEqual([]);
    });

    it('refuses an UPDATE of a single row inside a transaction too', async () => {
      await expect(
        t.db.transaction(async (m) => {
          await m.query(`UPDATE audit_logs SET ip = NULL WHERE id = (SELECT min(id) FROM audit_logs)`);
        }),
      ).rejects.toThrow('audit_logs is append-only: UPDATE refused');
    });
  });

  describe('GET /audit-logs', () => {
    const entity = `probe_${randomUUID().slice(0, 8)}`;
    const actorA = randomUUID();
    const actorB = randomUUID();
    const e1 = randomUUID();
    const e2 = randomUUID();
    // Asia/Ho_Chi_Minh is UTC+7: 2025-03-01T18:00Z is 2025-03-02 01:00 there.
    const rows: [string, string, string, string][] = [
      ['2025-02-28T16:59:59Z', actorA, 'read', e1], // 2025-02-28 23:59:59 local
      ['2025-02-28T17:00:00Z', actorA, 'update', e1], // 2025-03-01 00:00 local
      ['2025-03-01T10:00:00Z', actorB, 'read', e2],
      ['2025-03-01T18:00:00Z', actorB, 'read', e1], // 2025-03-02 01:00 local
      ['2025-03-05T00:00:00Z', actorA, 'close', e2],
    ];
    beforeAll(async () => {
      for (const [at, actor, action, id] of rows) {
        await t.db.query(
          `INSERT INTO audit_logs (at, actor_id, actor_role, action, entity, entity_id, fields) VALUES ($1, $2, 'commune_worker', $3, $4, $5, '{}')`,
          [at, actor, action, entity, id],
        );
      }
    });

    const query = async (params: string) => {
      const res = await asAdmin().get(`/api/v1/audit-logs?entity=${entity}&${params}`);
      expect(res.status).toBe(200);
      return res.body as { items: { at: string; action: string; actorId: string; entityId: string }[]; total: number; page: number; pageSize: number };
    };
    const ats = (b: { items: { at: string }[] }) => b.items.map((i) => new Date(i.at).toISOString().replace('.000', ''));

    it('lists the newest first with the row fields', async () => {
      const body = await query('');
      expect(body.total).toBe(5);
      expect(ats(body)).toEqual(rows.map((r) => r[0]).reverse());
      expect(body.items[0]).toMatchObject({
        id: expect.any(Number),
        actorId: actorA,
        actorRole: 'commune_worker',
        action: 'close',
        entity,
        entityId: e2,
        fields: [],
      });
    });

    it('filters by userId, entityId and action', async () => {
      expect(ats(await query(`userId=${actorB}`))).toEqual(['2025-03-01T18:00:00Z', '2025-03-01T10:00:00Z']);
      expect(ats(await query(`entityId=${e2}`))).toEqual(['2025-03-05T00:00:00Z', '2025-03-01T10:00:00Z']);
      expect(ats(await query('action=read'))).toEqual(['2025-03-01T18:00:00Z', '2025-03-01T10:00:00Z', '2025-02-28T16:59:59Z']);
      expect(ats(await query(`action=read&userId=${actorA}`))).toEqual(['2025-02-28T16:59:59Z']);
      expect((await query(`userId=${randomUUID()}`)).total).toBe(0);
    });

    it('filters by time: instants inclusive, bare dates as whole days in TZ_NAME', async () => {
      expect(ats(await query('from=2025-03-01T10:00:00Z&to=2025-03-01T18:00:00Z'))).toEqual(['2025-03-01T18:00:00Z', '2025-03-01T10:00:00Z']);
      expect(ats(await query('from=2025-03-01&to=2025-03-01'))).toEqual(['2025-03-01T10:00:00Z', '2025-02-28T17:00:00Z']);
      expect(ats(await query('from=2025-03-02'))).toEqual(['2025-03-05T00:00:00Z', '2025-03-01T18:00:00Z']);
      expect(ats(await query('to=2025-02-28'))).toEqual(['2025-02-28T16:59:59Z']);
    });

    it('pages', async () => {
      const p1 = await query('pageSize=2&page=1');
      const p3 = await query('pageSize=2&page=3');
      expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(ats(p1)).toEqual(['2025-03-05T00:00:00Z', '2025-03-01T18:00:00Z']);
      expect(ats(p3)).toEqual(['2025-02-28T16:59:59Z']);
    });

    it('names bad filters in a 400', async () => {
      const bad = await asAdmin().get('/api/v1/audit-logs?from=yesterday&userId=me');
      expectError(bad, 400, 'Bad Request');
      const text = (bad.body.message as string[]).join(' | ');
      expect(text).toMatch(/from/);
      expect(text).toMatch(/userId/);
      for (const raw of ['%00', '%1B']) {
        const nul = await asAdmin().get(`/api/v1/audit-logs?entity=a${raw}b`);
        expectError(nul, 400, 'Bad Request');
        expect(controlRefusal(nul.body.message, /^entity must not contain (control|NUL) characters$/)).toBe(true);
      }
      const reversed = await asAdmin().get('/api/v1/audit-logs?from=2025-03-02&to=2025-03-01');
      expectError(reversed, 400, 'Bad Request');
      expect(reversed.body.message).toEqual(['to: is before from']);
    });

    it('is refused to every other role with 403', async () => {
      for (const role of ['province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'] as const) {
        expectError(await t.as(c.users[role].token).get('/api/v1/audit-logs'), 403, 'Forbidden');
      }
      const u = await user(t, 'province_officer', c.w.p);
      expectError(await t.as(u.token).get(`/api/v1/audit-logs?entity=${entity}`), 403, 'Forbidden');
    });
  });
});

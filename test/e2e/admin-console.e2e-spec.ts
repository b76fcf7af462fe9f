import { facility, unit, user } from '../support/factories.js';
import { auditRows, cast, expectError, login, type Cast } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The routes the admin console needs beyond creating: renaming units, editing facilities, resetting a password, reading the audit log. */
describe('admin console routes', () => {
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

  describe('PATCH /admin-units/:id', () => {
    it('renames a unit and sets its population, audited with the field names only', async () => {
      const u = await unit(t, 'commune', c.w.d);
      const res = await asAdmin().patch(`/api/v1/admin-units/${u.id}`, { name: '  Xã Tân Lập Mới ', population: 12_345 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: u.id, code: u.code, name: 'Xã Tân Lập Mới', level: 'commune', parentId: c.w.d.id, population: 12_345 });
      expect((await asAdmin().get(`/api/v1/admin-units/${u.id}`)).body).toEqual(res.body);
      const cleared = await asAdmin().patch(`/api/v1/admin-units/${u.id}`, { population: null });
      expect(cleared.body).toMatchObject({ name: 'Xã Tân Lập Mới', population: null });
      const rows = await auditRows(t, `entity = 'admin_unit' AND entity_id = $1 AND action = 'update'`, [u.id]);
      expect(rows.map((r) => [r.actor_id, r.fields])).toEqual([
        [c.users.admin.id, ['name', 'population']],
        [c.users.admin.id, ['population']],
      ]);
      expect(JSON.stringify(rows)).not.toContain('Tân Lập');
    });

    it('refuses a negative population and an empty name (400 naming the field), changing nothing; an unknown unit is 404', async () => {
      const u = await unit(t, 'commune', c.w.d);
      const negative = await asAdmin().patch(`/api/v1/admin-units/${u.id}`, { name: 'Xã Khác', population: -1 });
      expectError(negative, 400, 'Bad Request');
      expect(negative.body.message.join(' ')).toMatch(/population/);
      const empty = await asAdmin().patch(`/api/v1/admin-units/${u.id}`, { name: '' });
      expectError(empty, 400, 'Bad Request');
      expect(empty.body.message.join(' ')).toMatch(/name/);
      const unknown = await asAdmin().patch('/api/v1/admin-units/6f1c2a4e-0000-4000-8000-000000000000', { name: 'X' });
      expectError(unknown, 404, 'Not Found');
      expect((await asAdmin().get(`/api/v1/admin-units/${u.id}`)).body.name).toBe(`commune ${u.code}`);
    });

    it('is the admin’s alone: a province officer (read-only) gets 403', async () => {
      const res = await t.as(c.users.province_officer.token).patch(`/api/v1/admin-units/${c.w.c1.id}`, { name: 'Xã Đổi Tên' });
      expectError(res, 403, 'Forbidden');
    });
  });

  describe('PATCH /facilities/:id', () => {
    it('renames a facility, moves it to another unit and changes the type of one nobody refers to, audited', async () => {
      const id = await facility(t, 'health_station', c.w.c1);
      const res = await asAdmin().patch(`/api/v1/facilities/${id}`, { name: ' Phòng khám Methadone ', type: 'methadone_clinic', adminUnitId: c.w.c2.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, name: 'Phòng khám Methadone', type: 'methadone_clinic', adminUnitId: c.w.c2.id });
      expect((await asAdmin().get(`/api/v1/facilities/${id}`)).body).toEqual(res.body);
      const rows = await auditRows(t, `entity = 'facility' AND entity_id = $1 AND action = 'update'`, [id]);
      expect(rows.map((r) => r.fields)).toEqual([['name', 'type', 'adminUnitId']]);
    });

    it('keeps the type of a facility its staff work at (409), refuses an unknown unit (400) and answers 404 for an unknown facility', async () => {
      const used = await asAdmin().patch(`/api/v1/facilities/${c.w.clinicP}`, { type: 'rehab_facility' });
      expectError(used, 409, 'Conflict');
      expect(used.body.message).toMatch(/type/);
      expect((await asAdmin().get(`/api/v1/facilities/${c.w.clinicP}`)).body.type).toBe('methadone_clinic');
      const badUnit = await asAdmin().patch(`/api/v1/facilities/${c.w.clinicP}`, { adminUnitId: '6f1c2a4e-0000-4000-8000-000000000000' });
      expectError(badUnit, 400, 'Bad Request');
      expect(badUnit.body.message).toEqual(['adminUnitId: no such unit']);
      const unknown = await asAdmin().patch('/api/v1/facilities/6f1c2a4e-0000-4000-8000-000000000000', { name: 'X' });
      expectError(unknown, 404, 'Not Found');
    });

    it('is the admin’s alone', async () => {
      const res = await t.as(c.users.clinic_staff.token).patch(`/api/v1/facilities/${c.w.clinicP}`, { name: 'Đổi tên' });
      expectError(res, 403, 'Forbidden');
    });
  });

  describe('resetting a password and the audit log filters', () => {
    it('an admin sets a new password (strength-checked): the old one and every login of the user end', async () => {
      const u = await user(t, 'commune_worker', c.w.c1);
      const weak = await asAdmin().patch(`/api/v1/users/${u.id}`, { password: 'password12' });
      expectError(weak, 400, 'Bad Request');
      expect(weak.body.message.join(' ')).toMatch(/password/);
      const reset = await asAdmin().patch(`/api/v1/users/${u.id}`, { password: 'Cau-Long-Bien-1902!' });
      expect(reset.status).toBe(200);
      expectError(await t.as(u.token).get('/api/v1/auth/me'), 401, 'Unauthorized');
      expect((await login(t, u.username, u.password)).status).toBe(401);
      expect((await login(t, u.username, 'Cau-Long-Bien-1902!')).status).toBe(200);
    });

    it('filters the audit log by who, what, which record and when', async () => {
      const u = await unit(t, 'commune', c.w.d);
      const before = new Date(Date.now() - 1000).toISOString();
      await asAdmin().patch(`/api/v1/admin-units/${u.id}`, { population: 10 });
      const q = `userId=${c.users.admin.id}&action=update&entity=admin_unit&entityId=${u.id}&from=${encodeURIComponent(before)}`;
      const res = await asAdmin().get(`/api/v1/audit-logs?${q}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: { action: string; entityId: string; fields: string[] }) => [r.action, r.entityId, r.fields])).toEqual([
        ['update', u.id, ['population']],
      ]);
      const none = await asAdmin().get(`/api/v1/audit-logs?entityId=${u.id}&to=${encodeURIComponent(before)}&action=update`);
      expect(none.body.items).toEqual([]);
    });
  });
});

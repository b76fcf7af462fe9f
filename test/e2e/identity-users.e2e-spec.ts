import { user } from '../support/factories.js';
import { auditRows, cast, expectError, login, uniqueCode, type Cast, controlRefusal } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('users', () => {
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
  const newUser = (extra: Record<string, unknown>) =>
    asAdmin().post('/api/v1/users', { username: uniqueCode('u.'), password: 'ten-chars!', role: 'commune_worker', adminUnitId: c.w.c1.id, ...extra });

  it('creates a user who can log in; the password is stored as an argon2id hash and never returned', async () => {
    const username = uniqueCode('Cb.');
    const res = await newUser({ username, password: 'exactly-10', fullName: 'Trần Thị Bình' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      // Usernames are stored lower case (one form everywhere).
      username: username.toLowerCase(),
      fullName: 'Trần Thị Bình',
      role: 'commune_worker',
      adminUnitId: c.w.c1.id,
      facilityId: null,
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const rows: { password_hash: string }[] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const ok = await login(t, username.toUpperCase(), 'exactly-10');
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(res.body.id);
    const listed = await asAdmin().get('/api/v1/users?pageSize=100');
    expect(JSON.stringify(listed.body)).not.toMatch(/password|argon2/i);
  });

  it('refuses a password shorter than 10 characters with a 400 naming password', async () => {
    const res = await newUser({ password: 'nine-char' });
    expectError(res, 400, 'Bad Request');
    expect(res.body.message).toEqual(['password must be 10 to 256 characters']);
    const patch = await asAdmin().patch(`/api/v1/users/${c.users.commune_worker.id}`, { password: 'short' });
    expectError(patch, 400, 'Bad Request');
    expect(patch.body.message).toEqual(['password must be 10 to 256 characters']);
  });

  it('refuses a guessable password (common, repeated, keyboard pattern, the username) with a 400 naming password', async () => {
    const message = ['password is too easy to guess (a common password, a repetition or a keyboard pattern); use a longer passphrase'];
    for (const password of ['aaaaaaaaaa', 'password12', 'qwertyuiop', '1234567890']) {
      const res = await newUser({ password });
      expectError(res, 400, 'Bad Request');
      expect(res.body.message).toEqual(message);
      const patch = await asAdmin().patch(`/api/v1/users/${c.users.commune_worker.id}`, { password });
      expect({ status: patch.status, message: patch.body.message }).toEqual({ status: 400, message });
    }
    const username = uniqueCode('nguyenvana.');
    expect((await newUser({ username, password: `${username}1` })).body.message).toEqual(message);
    expect((await newUser({ password: 'mía-đò-ngang-bến-sông' })).status).toBe(201);
  });

  it('refuses a username outside the safe ASCII set, such as one with a Turkish dotted I', async () => {
    const res = await newUser({ username: 'ADMİN2' });
    expectError(res, 400, 'Bad Request');
    expect(res.body.message).toEqual(['username must be 3-64 letters, digits, dots, dashes or underscores']);
  });

  it('clinic staff need a methadone clinic, facility staff a rehab facility, others none (400 naming facilityId)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'clinic_staff', facilityId: c.w.rehabP }, 'facilityId: clinic_staff must work at a methadone_clinic'],
      [{ role: 'facility_staff', facilityId: c.w.clinicP }, 'facilityId: facility_staff must work at a rehab_facility'],
      [{ role: 'commune_worker', facilityId: c.w.clinicP }, 'facilityId: only clinic_staff and facility_staff have a facility'],
      [{ role: 'clinic_staff', facilityId: '6f1c2a4e-0000-4000-8000-000000000000' }, 'facilityId: no such facility'],
      [{ role: 'province_officer', adminUnitId: '6f1c2a4e-0000-4000-8000-000000000000' }, 'adminUnitId: no such unit'],
    ];
    for (const [body, message] of cases) {
      const res = await newUser(body);
      expectError(res, 400, 'Bad Request');
      expect(res.body.message).toEqual([message]);
    }
    const missing = await newUser({ role: 'facility_staff' });
    expectError(missing, 400, 'Bad Request');
    expect(missing.body.message.join(' ')).toMatch(/facilityId/);
    const noUnit = await newUser({ role: 'commune_worker', adminUnitId: undefined });
    expectError(noUnit, 400, 'Bad Request');
    expect(noUnit.body.message.join(' ')).toMatch(/adminUnitId/);

    const clinic = await newUser({ role: 'clinic_staff', facilityId: c.w.clinicP });
    expect(clinic.status).toBe(201);
    expect(clinic.body).toMatchObject({ role: 'clinic_staff', facilityId: c.w.clinicP });
    const rehab = await newUser({ role: 'facility_staff', facilityId: c.w.rehabP, adminUnitId: c.w.p.id });
    expect(rehab.status).toBe(201);
  });

  it('refuses control characters (PostgreSQL text cannot hold NUL) with a 400 naming the field, never a 500', async () => {
    for (const ch of ['\u0000', '\u001b']) {
      const loginRes = await login(t, `a${ch}b`, 'whatever-password');
      expectError(loginRes, 400, 'Bad Request');
      expect(controlRefusal(loginRes.body.message, /^username must not contain (control|NUL) characters$/)).toBe(true);
      const created = await newUser({ fullName: `Nguyễn${ch}Văn` });
      expectError(created, 400, 'Bad Request');
      expect(controlRefusal(created.body.message, /^fullName must not contain (control|NUL) characters$/)).toBe(true);
    }
  });

  it('refuses a duplicate username whatever its case with 409', async () => {
    const username = uniqueCode('dup.');
    expect((await newUser({ username })).status).toBe(201);
    const again = await newUser({ username: username.toUpperCase() });
    expectError(again, 409, 'Conflict');
    const rows: unknown[] = await t.db.query(`SELECT 1 FROM users WHERE lower(username) = lower($1)`, [username]);
    expect(rows).toHaveLength(1);
  });

  it('PATCH {active:false} locks the user out at once and revokes every refresh token', async () => {
    const u = await user(t, 'commune_worker', c.w.c1);
    const second = await login(t, u.username, u.password);
    expect((await t.as(u.token).get('/api/v1/auth/me')).status).toBe(200);

    const res = await asAdmin().patch(`/api/v1/users/${u.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);

    // Both access tokens are unexpired, and both are refused on the next request.
    expectError(await t.as(u.token).get('/api/v1/auth/me'), 401, 'Unauthorized');
    expectError(await t.as(second.body.accessToken).get('/api/v1/admin-units'), 401, 'Unauthorized');
    const open: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [u.id]);
    expect(open[0].n).toBe(0);
    expectError(await t.http.post('/api/v1/auth/refresh', { refreshToken: u.refreshToken }), 401, 'Unauthorized');
    // The locked-out user cannot log in again; the answer is the same as for a wrong password.
    const again = await login(t, u.username, u.password);
    const wrong = await login(t, c.users.commune_worker.username, 'wrong-password!');
    expectError(again, 401, 'Unauthorized');
    expect(again.body).toEqual(wrong.body);

    // Reactivated, the user logs in afresh.
    expect((await asAdmin().patch(`/api/v1/users/${u.id}`, { active: true })).status).toBe(200);
    expect((await login(t, u.username, u.password)).status).toBe(200);
  });

  it('a password reset ends the logins of the user too', async () => {
    const u = await user(t, 'province_officer', c.w.p);
    expect((await asAdmin().patch(`/api/v1/users/${u.id}`, { password: 'a-brand-new-password' })).status).toBe(200);
    expectError(await t.as(u.token).get('/api/v1/auth/me'), 401, 'Unauthorized');
    expectError(await login(t, u.username, u.password), 401, 'Unauthorized');
    expect((await login(t, u.username, 'a-brand-new-password')).status).toBe(200);
  });

  it('an admin cannot lock out or demote themself', async () => {
    const self = await asAdmin().patch(`/api/v1/users/${c.users.admin.id}`, { active: false });
    expectError(self, 400, 'Bad Request');
    expect(self.body.message).toEqual(['active: an administrator cannot lock themself out']);
    const demote = await asAdmin().patch(`/api/v1/users/${c.users.admin.id}`, { role: 'province_officer', adminUnitId: c.w.p.id });
    expectError(demote, 400, 'Bad Request');
    expect(demote.body.message).toEqual(['role: an administrator cannot demote themself']);
    expect((await asAdmin().get('/api/v1/auth/me')).status).toBe(200);
    const rows: { active: boolean; role: string }[] = await t.db.query(`SELECT active, role FROM users WHERE id = $1`, [c.users.admin.id]);
    expect(rows[0]).toEqual({ active: true, role: 'admin' });
  });

  it('changes a role with its placement checked, and an admin may lock out another admin', async () => {
    const u = await user(t, 'commune_worker', c.w.c1);
    const toClinic = await asAdmin().patch(`/api/v1/users/${u.id}`, { role: 'clinic_staff' });
    expectError(toClinic, 400, 'Bad Request');
    expect(toClinic.body.message).toEqual(['facilityId: is required for clinic_staff']);
    const ok = await asAdmin().patch(`/api/v1/users/${u.id}`, { role: 'clinic_staff', facilityId: c.w.clinicP });
    expect(ok.body).toMatchObject({ role: 'clinic_staff', facilityId: c.w.clinicP, adminUnitId: c.w.c1.id });
    const back = await asAdmin().patch(`/api/v1/users/${u.id}`, { role: 'commune_worker' });
    expect(back.body).toMatchObject({ role: 'commune_worker', facilityId: null });

    const other = await user(t, 'admin', null);
    expect((await asAdmin().patch(`/api/v1/users/${other.id}`, { active: false })).status).toBe(200);
    expectError(await t.as(other.token).get('/api/v1/users'), 401, 'Unauthorized');
  });

  it('lists with filters and paging, and answers 404 for an unknown user', async () => {
    const res = await asAdmin().get(`/api/v1/users?role=province_officer&unitId=${c.w.p.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { role: string }) => u.role).every((r: string) => r === 'province_officer')).toBe(true);
    expect(res.body.items.map((u: { id: string }) => u.id)).toContain(c.users.province_officer.id);
    const paged = await asAdmin().get('/api/v1/users?page=1&pageSize=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThan(1);
    expectError(await asAdmin().get('/api/v1/users/6f1c2a4e-0000-4000-8000-000000000000'), 404, 'Not Found');
    expectError(await asAdmin().patch('/api/v1/users/6f1c2a4e-0000-4000-8000-000000000000', { fullName: 'x' }), 404, 'Not Found');
    const bad = await asAdmin().get('/api/v1/users?active=maybe');
    expectError(bad, 400, 'Bad Request');
    expect(bad.body.message.join(' ')).toMatch(/active/);
  });

  it('PATCH with no field answers the user unchanged, and writes nothing', async () => {
    const created = await newUser({ fullName: 'Đỗ Thị Mai' });
    const res = await asAdmin().patch(`/api/v1/users/${created.body.id}`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
    expect(await auditRows(t, `entity = 'user' AND entity_id = $1 AND action = 'update'`, [created.body.id])).toEqual([]);
  });

  it('audits creation and update with the names of the fields written, never their values', async () => {
    const username = uniqueCode('aud.');
    const created = await newUser({ username, fullName: 'Lê Văn Cường' });
    await asAdmin().patch(`/api/v1/users/${created.body.id}`, { fullName: 'Lê Văn Dũng', password: 'another-password' });
    const rows = await auditRows(t, `entity = 'user' AND entity_id = $1`, [created.body.id]);
    expect(rows).toEqual([
      {
        actor_id: c.users.admin.id,
        actor_role: 'admin',
        action: 'create',
        entity: 'user',
        entity_id: created.body.id,
        fields: ['username', 'fullName', 'role', 'adminUnitId'],
        ip: '127.0.0.1',
      },
      {
        actor_id: c.users.admin.id,
        actor_role: 'admin',
        action: 'update',
        entity: 'user',
        entity_id: created.body.id,
        fields: ['password', 'fullName'],
        ip: '127.0.0.1',
      },
    ]);
  });
});

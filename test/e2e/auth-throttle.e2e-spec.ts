import { user, world, type TestUser } from '../support/factories.js';
import { expectError, login, uniqueCode } from '../support/identity-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

const MAX = 5; // LOGIN_MAX_FAILURES default
const PER_ADDRESS = MAX * 4;
const shape = (r: Reply) => ({ status: r.status, body: r.body });

describe('login throttling', () => {
  describe('per username', () => {
    let t: TestApp;
    let u: TestUser;
    beforeAll(async () => {
      t = await startTestApp();
      u = await user(t, 'commune_worker', (await world(t)).c1);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('uses the default limit of 5', () => {
      expect(t.config.loginMaxFailures).toBe(MAX);
    });

    it('answers 429 after 5 failures even with the right password, the same for an existing and an unknown username', async () => {
      const ghost = uniqueCode('ghost.');
      const existing: Reply[] = [];
      const unknown: Reply[] = [];
      for (let i = 0; i < MAX; i++) {
        existing.push(await login(t, u.username, `wrong-password-${i}`));
        unknown.push(await login(t, ghost, `wrong-password-${i}`));
      }
      for (let i = 0; i < MAX; i++) {
        expectError(existing[i], 401, 'Unauthorized');
        expect(shape(existing[i])).toEqual(shape(unknown[i]));
      }
      expect(existing[0].body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'unauthorized', message: 'invalid credentials' });

      const right = await login(t, u.username, u.password);
      const ghostAgain = await login(t, ghost, 'whatever-password');
      expectError(right, 429, 'Too Many Requests');
      expect(right.body.message).toBe('too many failed logins; try again later');
      expect(shape(right)).toEqual(shape(ghostAgain));
      // The name differs only in case: still the same account.
      expectError(await login(t, u.username.toUpperCase(), u.password), 429, 'Too Many Requests');

      // The counters live in PostgreSQL, keyed by the lower-cased username.
      const rows: { key: string; failures: number }[] = await t.db.query(`SELECT key, failures FROM login_failures WHERE key = $1`, [
        `user:${u.username.toLowerCase()}`,
      ]);
      expect(rows[0].failures).toBeGreaterThan(MAX);

      // When the window has passed, the right password works again and clears the counter.
      await t.db.query(`UPDATE login_failures SET window_start = now() - interval '1 hour' WHERE key = $1`, [`user:${u.username.toLowerCase()}`]);
      expect((await login(t, u.username, u.password)).status).toBe(200);
      const after: unknown[] = await t.db.query(`SELECT 1 FROM login_failures WHERE key = $1`, [`user:${u.username.toLowerCase()}`]);
      expect(after).toHaveLength(0);
    });

    it('a successful login clears the failures of its username', async () => {
      // The test before spent most of this address's allowance: start it afresh.
      await t.db.query(`DELETE FROM login_failures WHERE key = 'ip:127.0.0.1'`);
      const x = await user(t, 'province_officer', (await world(t)).p);
      for (let i = 0; i < MAX - 1; i++) expect((await login(t, x.username, 'wrong-password')).status).toBe(401);
      expect((await login(t, x.username, x.password)).status).toBe(200);
      for (let i = 0; i < MAX - 1; i++) expect((await login(t, x.username, 'wrong-password')).status).toBe(401);
      expect((await login(t, x.username, x.password)).status).toBe(200);
    });
  });

  describe('parallel guesses', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('a burst of guesses at once gets no more than the limit past the check', async () => {
      const u = await user(t, 'province_officer', (await world(t)).p);
      const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login(t, u.username, `guess-${i}-wrong`)));
      const statuses = burst.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(MAX).fill(401), ...Array(12 - MAX).fill(429)]);
    });
  });

  describe('per address', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it(`answers 429 to every username from an address after ${PER_ADDRESS} failures`, async () => {
      const u = await user(t, 'commune_worker', (await world(t)).c1);
      for (let i = 0; i < PER_ADDRESS; i++) {
        // A different username each time: no username reaches its own limit.
        expectError(await login(t, uniqueCode('spray.'), 'wrong-password'), 401, 'Unauthorized');
      }
      const blocked = await login(t, u.username, u.password);
      expectError(blocked, 429, 'Too Many Requests');
      expect(shape(blocked)).toEqual(shape(await login(t, uniqueCode('spray.'), 'wrong-password')));
      const rows: { failures: number }[] = await t.db.query(`SELECT failures FROM login_failures WHERE key = 'ip:127.0.0.1'`);
      expect(rows[0].failures).toBeGreaterThan(PER_ADDRESS);
    });
  });
});

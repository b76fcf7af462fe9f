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

      // The counters live in PostgreSQL, keyed by the lower-cased username and the address (the
      // limit is per pair since usernames and addresses are throttled apart: see below).
      const pair = `pair:${u.username.toLowerCase()}|127.0.0.1`;
      const rows: { key: string; failures: number }[] = await t.db.query(`SELECT key, failures FROM login_failures WHERE key = $1`, [pair]);
      expect(rows[0].failures).toBeGreaterThan(MAX);

      // When the window has passed, the right password works again and clears the counter.
      await t.db.query(`UPDATE login_failures SET window_start = now() - interval '1 hour' WHERE key = $1`, [pair]);
      expect((await login(t, u.username, u.password)).status).toBe(200);
      const after: unknown[] = await t.db.query(`SELECT 1 FROM login_failures WHERE key = $1`, [pair]);
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

  describe('no one can lock out another user (OWASP ASVS 2.2.1)', () => {
    let t: TestApp;
    const PER_USERNAME = 12;
    beforeAll(async () => {
      t = await startTestApp({ trustProxy: true, loginMaxFailuresPerUsername: PER_USERNAME });
    });
    afterAll(async () => {
      await t?.close();
    });

    const from = async (ip: string, username: string, password: string): Promise<Reply> => {
      const res = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ username, password }),
      });
      return { status: res.status, body: await res.json(), headers: res.headers };
    };

    it('failures from one address hold back only that address: the right password from another works', async () => {
      const u = await user(t, 'commune_worker', (await world(t)).c1);
      for (let i = 0; i < MAX; i++) expectError(await from('203.0.113.7', u.username, `wrong-${i}`), 401, 'Unauthorized');
      expectError(await from('203.0.113.7', u.username, u.password), 429, 'Too Many Requests');
      expect((await from('198.51.100.20', u.username, u.password)).status).toBe(200);
    });

    it('`ADMİN` (Turkish dotted I) is the same account and the same counter as `admin`', async () => {
      const u = await user(t, 'province_officer', (await world(t)).p);
      const lookalike = u.username.replace(/i/g, 'İ').toUpperCase();
      expect(lookalike).not.toBe(u.username.toUpperCase());
      // A look-alike cannot split the counter: its failures count under the same key.
      for (let i = 0; i < MAX; i++) {
        const name = i % 2 ? lookalike : u.username;
        expectError(await from('203.0.113.9', name, `wrong-${i}`), 401, 'Unauthorized');
      }
      expectError(await from('203.0.113.9', u.username, u.password), 429, 'Too Many Requests');
      expectError(await from('203.0.113.9', lookalike, u.password), 429, 'Too Many Requests');
      const keys: { key: string }[] = await t.db.query(`SELECT key FROM login_failures WHERE key LIKE 'pair:%|203.0.113.9'`);
      expect(keys.map((k) => k.key)).toEqual([`pair:${u.username}|203.0.113.9`]);
      // From another address the look-alike logs in as the account itself.
      const ok = await from('203.0.113.10', lookalike, u.password);
      expect(ok.status).toBe(200);
      expect(ok.body.user.username).toBe(u.username);
    });

    it('guessing from many addresses stays slow, yet the user still logs in from an address they used before', async () => {
      const u = await user(t, 'commune_worker', (await world(t)).c2);
      expect((await from('192.0.2.50', u.username, u.password)).status).toBe(200); // the user's usual address
      // An attacker spreads guesses over many addresses, each below its pair limit.
      const statuses: number[] = [];
      for (let i = 0; i < PER_USERNAME + 4; i++) statuses.push((await from(`198.18.0.${i + 1}`, u.username, `guess-${i}`)).status);
      expect(statuses.slice(0, PER_USERNAME)).toEqual(Array(PER_USERNAME).fill(401));
      expect(statuses.slice(PER_USERNAME)).toEqual(Array(4).fill(429));
      // Even the right password from a new address is held back now: guessing cannot go on...
      expectError(await from('198.18.1.1', u.username, u.password), 429, 'Too Many Requests');
      // ...but the user is not locked out where they logged in before.
      expect((await from('192.0.2.50', u.username, u.password)).status).toBe(200);
    });
  });
});

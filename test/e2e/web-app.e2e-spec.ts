import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin, type TestUser } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The web app's side of the service: its refresh cookie, and index.html and assets served at `/`. */
describe('web app', () => {
  let t: TestApp;
  let root: TestUser;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'cm-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html lang="vi"><head><meta name="cm-idle-minutes" content="30" /></head><body><script type="module" src="/assets/app-1234.js"></script></body></html>',
    );
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log("app")');
    t = await startTestApp({ webDistDir: dist, webIdleMinutes: 12 });
    root = await admin(t);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const cookieOf = (res: Response) => res.headers.get('set-cookie') ?? '';
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  describe('refresh cookie', () => {
    it('login sets the refresh token as an HttpOnly, SameSite=Strict cookie for the auth routes only, and still answers it in the body', async () => {
      const res = await post('/api/v1/auth/login', { username: root.username, password: root.password });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { refreshToken: string };
      const cookie = cookieOf(res);
      expect(cookie).toContain(`cm_refresh=${body.refreshToken}`);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/api\/v1\/auth(;|$)/);
      expect(cookie).toMatch(/; Max-Age=2592000/);
      // Plain HTTP here; behind TLS the cookie is also Secure.
      expect(cookie).not.toMatch(/Secure/);
    });

    it('refresh takes the cookie when the body has no token, rotates it, and the old cookie then fails', async () => {
      const login = await post('/api/v1/auth/login', { username: root.username, password: root.password });
      const first = cookieOf(login).split(';')[0]!;
      const renewed = await post('/api/v1/auth/refresh', {}, { cookie: first });
      expect(renewed.status).toBe(200);
      const pair = (await renewed.json()) as { accessToken: string; refreshToken: string };
      expect(cookieOf(renewed)).toContain(`cm_refresh=${pair.refreshToken}`);
      expect((await t.as(pair.accessToken).get('/api/v1/auth/me')).status).toBe(200);
      // A refresh token works once, from a cookie as from a body.
      expect((await post('/api/v1/auth/refresh', {}, { cookie: first })).status).toBe(401);
    });

    it('refresh without a token in the body or a cookie answers 401', async () => {
      const res = await post('/api/v1/auth/refresh', {});
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/refresh token/);
      expect((await post('/api/v1/auth/refresh', {}, { cookie: 'cm_refresh=not a token; other=1' })).status).toBe(401);
    });

    it('logout clears the cookie', async () => {
      const login = await post('/api/v1/auth/login', { username: root.username, password: root.password });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const cookie = cookieOf(login).split(';')[0]!;
      const out = await post('/api/v1/auth/logout', {}, { authorization: `Bearer ${accessToken}` });
      expect(out.status).toBe(204);
      expect(cookieOf(out)).toMatch(/^cm_refresh=; Path=\/api\/v1\/auth; Max-Age=0/);
      expect((await post('/api/v1/auth/refresh', {}, { cookie })).status).toBe(401);
    });
  });

  describe('serving', () => {
    it('answers index.html for app paths, with a CSP that allows no inline script and the idle time filled in', async () => {
      for (const path of ['/', '/today', '/people/2b9d7a0e-0000-4000-8000-000000000000', '/people/new?x=1']) {
        const res = await fetch(`${t.baseUrl}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(csp).toMatch(/frame-ancestors 'none'/);
        const html = await res.text();
        expect(html).toContain('<meta name="cm-idle-minutes" content="12" />');
      }
    });

    it('serves hashed assets as long-lived files, and not index.html under its own name', async () => {
      const js = await fetch(`${t.baseUrl}/assets/app-1234.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('cache-control')).toMatch(/immutable/);
      expect(await js.text()).toBe('console.log("app")');
      expect((await fetch(`${t.baseUrl}/assets/missing-1.js`)).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/index.html`)).status).toBe(404);
    });

    it('leaves the API, the health check and the API docs alone', async () => {
      const missing = await fetch(`${t.baseUrl}/api/v1/no-such-route`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/json/);
      expect((await fetch(`${t.baseUrl}/health`)).headers.get('content-type')).toMatch(/json/);
      const docs = await fetch(`${t.baseUrl}/api/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toMatch(/swagger/i);
      expect((await fetch(`${t.baseUrl}/api/docs-json`)).status).toBe(200);
      // POST to an app path is not the app's
      expect((await fetch(`${t.baseUrl}/people`, { method: 'POST' })).status).toBe(404);
    });
  });
});

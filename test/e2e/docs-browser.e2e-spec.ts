import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The API docs in a real browser (issue 14.3), opened as a province tries the service on its LAN:
 * plain HTTP to an address of this machine that is not localhost. With `upgrade-insecure-requests`
 * or HSTS sent over plain HTTP the browser asks for https and the page stays blank; they are sent
 * only when the request came over TLS (directly, or per X-Forwarded-Proto with TRUST_PROXY).
 * `.ci/run` installs Debian's chromium when /usr/bin/chromium is missing.
 */
const CHROMIUM = '/usr/bin/chromium';

/** An IPv4 address of this machine that browsers do not treat as localhost. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('127.')) return a.address;
  }
  throw new Error('this machine has no non-loopback IPv4 address to open the docs by');
}

describe('API docs over plain HTTP on a LAN address, in Chromium', () => {
  let t: TestApp;
  let browser: BrowserContext;
  let profile: string;
  const host = lanAddress();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
    t = await startTestApp({}, { host });
    profile = mkdtempSync(join(tmpdir(), 'cm-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders Swagger UI with its operations', async () => {
    expect(t.baseUrl).toBe(`http://${host}:${new URL(t.baseUrl).port}`);
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`${t.baseUrl}/api/docs`, { waitUntil: 'load', timeout: 30_000 });
    const operation = page.locator('.opblock-summary-path', { hasText: '/api/v1/auth/login' }).first();
    await operation.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
    expect({ visible: await operation.isVisible(), failed }).toEqual({ visible: true, failed: [] });
    expect(await page.locator('.info .title').first().innerText()).toContain('Drug case management');
  }, 60_000);

  it('sends upgrade-insecure-requests and HSTS only for a request that came over TLS', async () => {
    const plain = await fetch(`${t.baseUrl}/api/docs`);
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    // X-Forwarded-Proto counts only behind a trusted proxy (TRUST_PROXY).
    const forged = await fetch(`${t.baseUrl}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers.get('strict-transport-security')).toBeNull();
    const proxied = await startTestApp({ trustProxy: true });
    try {
      const res = await fetch(`${proxied.baseUrl}/health`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
      const overHttp = await fetch(`${proxied.baseUrl}/health`, { headers: { 'x-forwarded-proto': 'http' } });
      expect(overHttp.headers.get('strict-transport-security')).toBeNull();
      expect(overHttp.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    } finally {
      await proxied.close();
    }
  });
});

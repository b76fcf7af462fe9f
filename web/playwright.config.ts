import { defineConfig, devices } from '@playwright/test';

/**
 * The web app against the real service (built, on a free port, on a fresh PostgreSQL database and
 * a private Redis key prefix), in Debian's Chromium. Set-up seeds through the API; the tests then
 * only use the screens. Two projects walk every role's day: a desktop and a 360x740 phone, each
 * with its own units, facilities and users so neither sees the other's data.
 */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? '../.playwright-results.json' }]],
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? '../.playwright-output',
  use: {
    baseURL: process.env.WEB_BASE_URL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: chromium,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'bundle', testMatch: /bundle\.spec\.ts/ },
    { name: 'desktop', testIgnore: /bundle\.spec\.ts/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium } },
    {
      name: 'phone',
      testIgnore: /bundle\.spec\.ts/,
      use: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, launchOptions: chromium },
    },
  ],
});

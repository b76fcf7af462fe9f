import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { STATE_FILE, type SeedState, type Site } from './seed';

export const state = (): SeedState => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as SeedState;

/** The project's own site (units, facilities, users, people): desktop and phone never share data. */
export const test = base.extend<{ site: Site }>({
  site: async ({}, use, testInfo) => {
    const site = state().sites[testInfo.project.name === 'phone' ? 'phone' : 'desktop'];
    await use(site);
  },
});
export { expect };

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('navigation', { name: 'Danh mục chính' })).toBeVisible();
}

/** No serious or critical accessibility violation on the screen as it is now. */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  // Judge the settled screen, not a loading overlay.
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
  ).toEqual([]);
}

/** Picks an option of an Ant Design select found by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
}

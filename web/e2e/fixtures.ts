import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { STATE_FILE, type SeedState, type Site } from './seed';

export const state = (): SeedState => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as SeedState;

/** The project's own site (units, facilities, users, people): desktop and phone never share data. */
export const test = base.extend<{ site: Site }>({
  site: async ({}, use, testInfo) => {
    const name = testInfo.project.name === 'phone' ? 'phone' : 'desktop';
    const site = state().sites[name];
    if (!site) throw new Error(`the ${name} site was not seeded in this run (WEB_SITES=${process.env.WEB_SITES ?? ''})`);
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
export async function checkA11y(page: Page, screen: string, within?: string): Promise<void> {
  // Judge the settled screen, not a loading overlay.
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
  await page.waitForTimeout(300);
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
  ).toEqual([]);
}

/**
 * Picks an option of an Ant Design select found by its label, as a user would (open, click the
 * option), again if a dialog's opening animation moved the list under the pointer.
 */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const open = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await open.count()) === 0) await select.click();
    await open.locator('.ant-select-item-option').and(page.getByTitle(option, { exact: true })).click({ timeout: 2_000 });
    await expect(open).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(select.locator('xpath=ancestor::*[contains(@class,"ant-select")][1]')).toContainText(option);
}

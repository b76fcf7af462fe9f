import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { checkA11y, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

/** The first sheet of a workbook as CSV text. */
function firstSheet(file: Buffer): string {
  const book = XLSX.read(file, { type: 'buffer' });
  return XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]!]!);
}

const SHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

/** A month (MM/YYYY) counted back from the current one in Vietnam. */
function monthBack(n: number): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

test('a province officer computes the coverage report, exports it and drills down to a commune’s unreached list', async ({ page, site }, info) => {
  test.slow(); // two reports computed, two files downloaded, four accessibility checks
  await signIn(page, site.provinceOfficer, PASSWORD);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Độ bao phủ' }).click();
  await expect(page.getByRole('heading', { name: 'Tỷ lệ tiếp cận dịch vụ', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Tháng báo cáo')).toHaveValue(monthBack(1));

  // Where both sites are seeded on one service they share the province: the phone reports the month
  // before, so each computes its own.
  if (info.project.name === 'phone') {
    const month = page.getByLabel('Tháng báo cáo');
    await month.click();
    await month.fill(monthBack(2));
    await month.press('Enter');
    await expect(month).toHaveValue(monthBack(2));
  }

  // Not computed yet: compute it and follow the job until the report shows. The first answer about
  // the job is held back a moment (then sent on, unchanged) so the progress can be seen.
  await expect(page.getByText('Chưa có báo cáo của đơn vị trong kỳ này.')).toBeVisible();
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let held = false;
  await page.route('**/api/v1/reports/coverage/jobs/*', async (route) => {
    if (!held) {
      held = true;
      await gate;
    }
    await route.continue();
  });
  await page.getByRole('button', { name: 'Tính báo cáo' }).click();
  const progress = page.getByRole('progressbar', { name: 'Đang tính báo cáo…' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Đang tính báo cáo… \((Đã gửi yêu cầu|Đang chờ tính|Đang tính), \d+ giây\)/ })).toBeVisible();
  await checkA11y(page, 'coverage computing', '.coverage-progress');
  release();
  await expect(page.getByRole('heading', { name: 'Tỷ lệ tiếp cận dịch vụ', level: 3 })).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  await page.unrouteAll();
  const figures = page.locator('.coverage-figures');
  const shares = figures.locator('.coverage-share');
  await expect(shares).toHaveCount(3);
  await expect(shares.first()).toHaveText(/^\d{1,3}(,\d)?%$/);
  await expect(figures.getByText('Mục tiêu 80%')).toBeVisible();
  await expect(figures.getByText('Mục tiêu 90%')).toBeVisible();
  await expect(figures.getByText('Mục tiêu 100%')).toBeVisible();
  // The month just computed ends the 12-month trend line.
  const reportMonth = info.project.name === 'phone' ? monthBack(2) : monthBack(1);
  await expect(page.getByRole('img', { name: 'Tỷ lệ tiếp cận dịch vụ 12 tháng' })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Tháng ${reportMonth}: \\d{1,3}(,\\d)?%$`))).toBeVisible();
  const children = page.locator('.ant-table');
  await expect(children.getByRole('button', { name: site.communeName })).toBeVisible();
  // The chart (Apache ECharts, loaded with it) has drawn.
  await expect(page.locator('.trend-chart svg')).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('coverage:chart').length === 1);
  await checkA11y(page, 'coverage');
  await page.screenshot({ path: resolve(SHOTS, `coverage-${info.project.name}.png`), fullPage: true });

  // CSV and XLSX exports, fetched with the token and saved as files naming the units (an expired
  // 20-second token is answered 401, renewed through the cookie and the request sent again).
  for (const [format, type] of [
    ['csv', 'text/csv'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const) {
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.status() !== 401 && r.url().includes('/api/v1/reports/coverage/export') && r.url().includes(`format=${format}`)),
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Tải báo cáo ${format.toUpperCase()}` }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(type);
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=/);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^bao-cao-bao-phu_.*\\.${format}$`));
    const file = readFileSync((await download.path())!);
    const text = format === 'csv' ? file.toString('utf8') : firstSheet(file);
    expect(text).toContain('Tỉnh Hà Tĩnh');
    expect(text).toContain(site.communeName);
  }

  // Drill down to the commune, back up through the breadcrumb, and down again.
  // The commune's own report is computed on its own the first time.
  await children.getByRole('button', { name: site.communeName }).click();
  const crumbs = page.getByRole('navigation', { name: 'Đơn vị cấp trên' });
  await expect(crumbs.getByText(site.communeName)).toBeVisible();
  await page.getByRole('button', { name: 'Tính báo cáo' }).click();
  await expect(page.getByRole('heading', { name: 'Tỷ lệ tiếp cận dịch vụ', level: 3 })).toBeVisible({ timeout: 30_000 });
  await crumbs.getByRole('button', { name: 'Tỉnh Hà Tĩnh' }).click();
  await expect(children.getByRole('button', { name: site.communeName })).toBeVisible();
  await children.getByRole('button', { name: site.communeName }).click();
  await expect(crumbs.getByText(site.communeName)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tỷ lệ tiếp cận dịch vụ', level: 3 })).toBeVisible();

  // The commune's unreached list, one click away, each name opening the person's page.
  await page.getByRole('button', { name: 'Danh sách chưa tiếp cận' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách chưa tiếp cận', level: 2 })).toBeVisible();
  const person = page.getByRole('link', { name: site.people.dueSoon });
  await expect(person).toBeVisible();
  await checkA11y(page, 'unreached');
  await person.click();
  await expect(page.getByRole('heading', { name: site.people.dueSoon, level: 1 })).toBeVisible();
});

import { checkA11y, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

/** A month (MM/YYYY) counted back from the current one in Vietnam. */
function monthBack(n: number): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

test('a province officer computes the coverage report, exports it and drills down to a commune’s unreached list', async ({ page, site }, info) => {
  await signIn(page, site.provinceOfficer, PASSWORD);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Độ bao phủ' }).click();
  await expect(page.getByRole('heading', { name: 'Tỷ lệ tiếp cận dịch vụ', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Tháng báo cáo')).toHaveValue(monthBack(1));

  // Both projects share the province: the phone reports the month before, so each computes its own.
  if (info.project.name === 'phone') {
    const month = page.getByLabel('Tháng báo cáo');
    await month.click();
    await month.fill(monthBack(2));
    await month.press('Enter');
    await expect(month).toHaveValue(monthBack(2));
  }

  // Not computed yet: compute it and follow the job until the report shows.
  await expect(page.getByText('Chưa có báo cáo của đơn vị trong kỳ này.')).toBeVisible();
  await page.getByRole('button', { name: 'Tính báo cáo' }).click();
  await expect(page.getByRole('heading', { name: 'Tỷ lệ tiếp cận dịch vụ', level: 3 })).toBeVisible({ timeout: 30_000 });
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
  await checkA11y(page, 'coverage');

  // CSV export, fetched with the token and saved as a file.
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/reports/coverage/export') && r.url().includes('format=csv')),
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải báo cáo CSV' }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  expect(download.suggestedFilename()).toMatch(/^bao-cao-bao-phu_.*\.csv$/);

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

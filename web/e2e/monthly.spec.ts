import type { Page } from '@playwright/test';
import { checkA11y, expect, signIn, state, test } from './fixtures';
import { lastMonth, PASSWORD } from './seed';

/** Last month as the screens write it: MM/YYYY. */
const shown = (): string => `${lastMonth().slice(5, 7)}/${lastMonth().slice(0, 4)}`;

async function openMonthly(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Báo cáo tháng' }).click();
  await expect(page.getByRole('heading', { name: 'Báo cáo tháng', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Tháng báo cáo')).toHaveValue(shown());
}

test('a commune worker reviews last month’s figures and submits the report after confirming', async ({ page, site }) => {
  test.slow(); // four accessibility checks
  await signIn(page, site.communeWorker, PASSWORD);
  await openMonthly(page);
  await expect(page.getByRole('heading', { name: `Báo cáo tháng ${shown()} của ${site.communeName}`, level: 2 })).toBeVisible();
  // The month has ended and nothing is submitted yet: due, or overdue after the 3rd.
  await expect(page.getByText(/^(Chờ nộp|Quá hạn nộp)$/)).toBeVisible();
  const figures = page.getByRole('table', { name: `Số liệu của ${site.communeName}` });
  await expect(figures.getByRole('row', { name: /^Số người có hồ sơ quản lý \(cuối tháng\) \d+$/ })).toBeVisible();
  await expect(page.getByRole('table', { name: `Các tỷ lệ của ${site.communeName}` }).getByRole('row', { name: /Tỷ lệ người nghiện được tiếp cận dịch vụ .*80%/ })).toBeVisible();
  await checkA11y(page, 'monthly draft');

  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  const dialog = page.getByRole('dialog', { name: `Nộp báo cáo tháng ${shown()}?` });
  await expect(dialog.getByText(`Số liệu tháng ${shown()} của ${site.communeName} sẽ được gửi lên tỉnh`)).toBeVisible();
  await dialog.getByLabel('Ý kiến của xã (không bắt buộc)').fill('Số liệu đã rà soát');
  await checkA11y(page, 'monthly confirm', '.ant-modal');
  await dialog.getByRole('button', { name: 'Nộp', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The state after: submitted as version 1, by whom, and a correction is what remains.
  await expect(page.getByText('Đã nộp báo cáo (lần 1).')).toBeVisible();
  await expect(page.getByText(/^Đã nộp lần 1 lúc \d\d\/\d\d\/\d{4} \d\d:\d\d, người nộp: Nguyễn Thị Mai · Ý kiến: Số liệu đã rà soát$/)).toBeVisible();
  await expect(page.getByText('Đã nộp', { exact: true })).toBeVisible();
  await expect(figures.getByRole('columnheader', { name: 'Đã nộp (lần 1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nộp bản điều chỉnh' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nộp báo cáo' })).toHaveCount(0);
  await checkA11y(page, 'monthly submitted');
});

test('a province officer sees which communes submitted the month, opens one and reads the roll-up', async ({ page, site }) => {
  test.slow(); // three accessibility checks and a download
  await signIn(page, site.provinceOfficer, PASSWORD);
  await openMonthly(page);
  // Two communes in the province per seeded site: the seed submitted each site's second one; a
  // commune worker may have submitted too.
  const seeded = Object.keys(state().sites).length;
  await expect(page.getByText(new RegExp(`^Đã nộp: [${seeded}-${2 * seeded}]/${2 * seeded} xã · Hạn nộp: \\d\\d/\\d\\d/\\d{4}$`))).toBeVisible();
  const other = page.getByRole('row', { name: new RegExp(site.otherCommuneName) });
  await expect(other).toContainText('Đã nộp (lần 1)');
  const rollup = page.getByRole('table', { name: 'Tổng hợp của Tỉnh Hà Tĩnh' });
  await expect(rollup.getByRole('columnheader', { name: 'Tổng các báo cáo đã nộp' })).toBeVisible();
  await expect(rollup.getByRole('row', { name: /^Số người có hồ sơ quản lý \(cuối tháng\) \d+ / })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Các tỷ lệ của Tỉnh Hà Tĩnh' })).toBeVisible();
  await checkA11y(page, 'monthly roll-up');

  // The roll-up as a spreadsheet.
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => r.status() !== 401 && r.url().includes('/api/v1/reports/monthly/export') && r.url().includes('format=xlsx')),
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải báo cáo XLSX' }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('spreadsheetml');
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  // One click to the commune's submitted report, read-only for the province.
  await other.getByRole('button', { name: site.otherCommuneName }).click();
  await expect(page.getByRole('heading', { name: `Báo cáo tháng ${shown()} của ${site.otherCommuneName}`, level: 2 })).toBeVisible();
  await expect(page.getByText(/^Đã nộp lần 1 lúc .* · Ý kiến: Báo cáo đúng hạn$/)).toBeVisible();
  await expect(page.getByRole('table', { name: `Số liệu của ${site.otherCommuneName}` }).getByRole('columnheader', { name: 'Đã nộp (lần 1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Nộp / })).toHaveCount(0);
  await checkA11y(page, 'monthly commune (province)');
  await page.getByRole('button', { name: 'Quay lại danh sách xã' }).click();
  await expect(page.getByRole('table', { name: 'Tổng hợp của Tỉnh Hà Tĩnh' })).toBeVisible();
});

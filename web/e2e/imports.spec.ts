import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { checkA11y, expect, signIn, state, test } from './fixtures';

/** The rows of a workbook's first sheet, as the cells' values. */
async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function saved(page: Page, button: ReturnType<Page['getByRole']>): Promise<{ name: string; rows: unknown[][] }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), button.click()])) as [Download, void];
  const body = await readFile((await download.path())!);
  expect(body.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: an XLSX
  return { name: download.suggestedFilename(), rows: await sheetRows(body) };
}

test('an administrator imports a register with bad rows: template, dry run with row errors, import with progress, error workbook, history', async ({ page }, info) => {
  // The whole walk in one test, with four accessibility checks: slower than one screen's test.
  test.slow();
  const tag = info.project.name;
  const file = `so-dang-ky-${tag}.xlsx`;
  const good = tag === 'desktop' ? ['Cao Văn Tiến', 'Cao Thị Thuỷ', 'Kiều Văn Sơn'] : ['Lưu Văn Toàn', 'Lưu Thị Thắm', 'Quách Văn Hải'];
  const bad = tag === 'desktop' ? ['Đinh Văn Lỗi', 'Đinh Thị Sai'] : ['Hà Văn Lỗi', 'Hà Thị Sai'];
  const unitCode = tag === 'desktop' ? 'DT02' : 'DD02';

  // A register as a commune keeps it: 3 good rows and 2 bad ones (an impossible date, an unknown sex).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị cư trú', 'Tình trạng (sử dụng/nghiện)', 'Ngày lập hồ sơ']);
  ws.addRow([good[0], '12/03/1990', 'Nam', unitCode, 'Nghiện', '01/02/2025']);
  ws.addRow([bad[0], '31/02/1990', 'Nam', unitCode, 'Nghiện', '01/02/2025']);
  ws.addRow([good[1], '05/11/1988', 'Nữ', unitCode, 'Sử dụng', '01/02/2025']);
  ws.addRow([bad[1], '07/07/1992', 'Khác', unitCode, 'Nghiện', '01/02/2025']);
  ws.addRow([good[2], '20/08/1995', 'Nam', unitCode, 'Nghiện', '01/02/2025']);
  const path = info.outputPath(file);
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));

  await signIn(page, 'admin', state().adminPassword);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Nhập từ Excel' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập hồ sơ từ tệp Excel', level: 1 })).toBeVisible();
  await checkA11y(page, 'imports');

  // The template, with its Vietnamese headers.
  const template = await saved(page, page.getByRole('button', { name: 'Tải tệp mẫu (XLSX)' }));
  expect(template.name).toBe('mau-nhap-ho-so.xlsx');
  expect(template.rows.flat()).toEqual(expect.arrayContaining(['Họ và tên *', 'Ngày sinh *', 'Giới tính *', 'Mã đơn vị cư trú']));

  // Pick the register as a phone or a desktop does: the button opens the file chooser.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Chọn tệp…' }).click()]);
  await chooser.setFiles(path);
  await expect(page.getByText(file).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập chính thức' })).toHaveCount(0);

  // The dry run: what would be written, and each bad row with its column and reason in Vietnamese.
  await page.getByRole('button', { name: 'Kiểm tra thử' }).click();
  const summary = page.locator('.import-counts').first();
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.locator('div').filter({ hasText: 'Sẽ tạo mới' }).getByRole('definition')).toHaveText('3');
  await expect(summary.locator('div').filter({ hasText: 'Dòng lỗi' }).getByRole('definition')).toHaveText('2');
  const errors = page.getByRole('table', { name: 'Các dòng lỗi' });
  await expect(errors.getByRole('row').filter({ hasText: 'Ngày không hợp lệ: cần dạng dd/mm/yyyy' })).toContainText('3');
  await expect(errors.getByRole('row').filter({ hasText: 'Ngày không hợp lệ' })).toContainText('Ngày sinh');
  await expect(errors.getByRole('row').filter({ hasText: 'Giới tính phải là "Nam" hoặc "Nữ"' })).toContainText('5');
  await checkA11y(page, 'imports dry run');

  // The import itself, followed to the end by its progress bar.
  await page.getByRole('button', { name: 'Nhập chính thức' }).click();
  const step3 = page.locator('.block').filter({ has: page.getByRole('heading', { name: '3. Nhập chính thức' }) });
  const progress = step3.getByRole('progressbar', { name: 'Tiến độ xử lý tệp' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
  await expect(progress).toContainText('5/5 dòng');
  await expect(step3.getByText('Hoàn tất')).toBeVisible();
  const result = step3.locator('.import-counts');
  await expect(result.locator('div').filter({ hasText: 'Đã tạo mới' }).getByRole('definition')).toHaveText('3');
  await expect(result.locator('div').filter({ hasText: 'Dòng lỗi (bỏ qua)' }).getByRole('definition')).toHaveText('2');
  await checkA11y(page, 'imports done');

  // The error workbook holds the two bad rows, with their values and reasons.
  const report = await saved(page, step3.getByRole('button', { name: 'Tải danh sách dòng lỗi (XLSX)' }));
  expect(report.name).toMatch(/\.xlsx$/);
  const cells = report.rows.flat().map(String);
  expect(cells).toEqual(expect.arrayContaining(bad));
  expect(cells.some((c) => c.includes('Ngày không hợp lệ'))).toBe(true);
  for (const name of good) expect(cells).not.toContain(name);

  // The history lists the dry run and the import; each opens its own page.
  const history = page.getByRole('table', { name: 'Lịch sử nhập' });
  const rows = history.getByRole('row').filter({ has: page.getByRole('link', { name: file }) });
  await expect(rows).toHaveCount(2);
  const real = rows.filter({ hasText: 'Nhập chính thức' });
  await expect(real).toContainText('Mới 3 · Cập nhật 0 · Không đổi 0 · Lỗi 2');
  await expect(real).toContainText('Hoàn tất');
  await real.getByRole('link', { name: file }).click();
  await expect(page.getByRole('heading', { name: `Nhập tệp ${file}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Các dòng lỗi' }).getByRole('row')).toHaveCount(3);
  await checkA11y(page, 'one import');

  // The imported files are in the register.
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  const search = page.getByLabel('Tìm theo họ tên hoặc mã hồ sơ');
  await search.fill(good[2]!);
  await search.press('Enter');
  await expect(page.getByRole('link', { name: good[2] })).toBeVisible();
});

import { checkA11y, choose, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test('an edit that races another keeps the typed input, shows what changed, then saves; the file is closed', async ({ page, browser, site }) => {
  await signIn(page, site.communeWorker, PASSWORD);
  await page.goto('/people');
  await page.getByRole('link', { name: site.people.editable }).click();
  await expect(page.getByRole('heading', { name: site.people.editable, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Sửa' }).click();
  await expect(page.getByRole('heading', { name: 'Sửa hồ sơ' })).toBeVisible();
  await page.getByLabel('Địa chỉ').fill('Thôn Đông, xóm 9');
  await checkA11y(page, 'edit');

  // Meanwhile a colleague, on another computer, changes the phone number of the same file
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const colleague = await other.newPage();
  await signIn(colleague, site.communeWorker, PASSWORD);
  await colleague.goto('/people');
  await colleague.getByRole('link', { name: site.people.editable }).click();
  await colleague.getByRole('button', { name: 'Sửa' }).click();
  await colleague.getByLabel('Số điện thoại').fill('0977 111 222');
  await colleague.getByRole('button', { name: 'Lưu' }).click();
  await expect(colleague.getByText('Đã lưu.')).toBeVisible();
  await other.close();

  // This save meets the newer version: nothing is lost, the change is shown
  await page.getByRole('button', { name: 'Lưu' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Hồ sơ vừa được người khác sửa' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row').filter({ hasText: 'Số điện thoại' })).toContainText('0977 111 222');
  await expect(page.getByLabel('Địa chỉ')).toHaveValue('Thôn Đông, xóm 9');
  await checkA11y(page, 'edit conflict');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: site.people.editable, level: 1 })).toBeVisible();
  await expect(page.getByText('Thôn Đông, xóm 9')).toBeVisible();
  await expect(page.getByText('0977 111 222')).toBeVisible();

  // Close the file
  await page.getByRole('button', { name: 'Đóng hồ sơ' }).click();
  const close = page.getByRole('dialog', { name: 'Đóng hồ sơ quản lý' });
  await choose(page, 'Lý do đóng', 'Hết thời hạn quản lý');
  await close.getByRole('button', { name: 'Đóng hồ sơ' }).click();
  await expect(page.getByText('Đã đóng hồ sơ.')).toBeVisible();
  await expect(page.getByText('Hết thời hạn quản lý')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
});

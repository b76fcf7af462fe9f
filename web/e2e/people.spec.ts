import { checkA11y, choose, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test('a commune worker finds a file with or without diacritics, registers one and opens its page', async ({ page, site }, info) => {
  await signIn(page, site.communeWorker, PASSWORD);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Hồ sơ quản lý' })).toBeVisible();
  await expect(page.getByRole('link', { name: site.people.overdue })).toBeVisible();
  await checkA11y(page, 'people');

  // "hoa" finds "Trần Thị Hoà"; "Bình" finds "Lê Văn Bình"
  const search = page.getByLabel('Tìm theo họ tên hoặc mã hồ sơ');
  await search.fill('tran thi hoa');
  await search.press('Enter');
  await expect(page.getByRole('link', { name: site.people.editable })).toHaveCount(0);
  await expect(page.getByRole('link', { name: site.people.overdue })).toBeVisible();
  await search.fill('Bình');
  await search.press('Enter');
  await expect(page.getByRole('link', { name: site.people.overdue })).toHaveCount(0);
  await expect(page.getByRole('link', { name: site.people.editable })).toBeVisible();

  // Filters: closed files only shows none yet
  await search.fill('');
  await search.press('Enter');
  await page.getByLabel('Hồ sơ', { exact: true }).selectOption({ label: 'Đã đóng' });
  await expect(page.getByText('Không có hồ sơ phù hợp.')).toBeVisible();
  await page.getByLabel('Hồ sơ', { exact: true }).selectOption({ label: 'Đang quản lý' });

  // Register a person
  await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
  await expect(page.getByRole('heading', { name: 'Lập hồ sơ quản lý' })).toBeVisible();
  const name = `Ngô Văn Sơn ${info.project.name === 'phone' ? 'B' : 'A'}`;
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Ngày sinh').fill('15/03/1992');
  await page.getByLabel('Ngày sinh').press('Tab');
  await choose(page, 'Nơi cư trú (xã, phường, đặc khu)', site.communeName);
  await page.getByLabel('Số điện thoại').fill('0987 654 321');
  await checkA11y(page, 'register');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('15/03/1992')).toBeVisible();
  await expect(page.getByText('0987 654 321')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quá trình' })).toBeVisible();
  await expect(page.getByText('Lập hồ sơ quản lý').last()).toBeVisible();
  await checkA11y(page, 'person page');

  // Move to another commune: the file leaves this worker's area and the list
  await page.getByRole('button', { name: 'Chuyển nơi cư trú' }).click();
  const move = page.getByRole('dialog', { name: 'Chuyển nơi cư trú sang xã khác' });
  await choose(page, 'Xã, phường, đặc khu mới', site.otherCommuneName);
  await checkA11y(page, 'move dialog');
  await move.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã chuyển nơi cư trú.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hồ sơ quản lý' })).toBeVisible();
  await search.fill(name);
  await search.press('Enter');
  await expect(page.getByText('Không có hồ sơ phù hợp.')).toBeVisible();
});

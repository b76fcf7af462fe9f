import { checkA11y, choose, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test('registering a person who likely has a file shows that file first, and a distinct person is still registered', async ({ page, site }, info) => {
  await signIn(page, site.communeWorker, PASSWORD);
  const name = `Phan Văn Tài ${info.project.name === 'phone' ? 'B' : 'A'}`;
  const register = async (fullName: string) => {
    await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Hồ sơ' }).click();
    await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
    await expect(page.getByRole('heading', { name: 'Lập hồ sơ quản lý' })).toBeVisible();
    await page.getByLabel('Họ và tên').fill(fullName);
    await page.getByLabel('Ngày sinh').fill('02/02/1990');
    await page.getByLabel('Ngày sinh').press('Tab');
    await choose(page, 'Nơi cư trú (xã, phường, đặc khu)', site.communeName);
    await page.getByRole('button', { name: 'Lưu' }).click();
  };

  await register(name);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  // The same name written without diacritics, the same date of birth and sex: likely the same person.
  const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  await register(folded);
  const warning = page.getByRole('alert').filter({ hasText: 'Có thể người này đã có hồ sơ' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name })).toBeVisible();
  await expect(warning).toContainText('02/02/1990');
  await expect(page.getByRole('heading', { name: 'Lập hồ sơ quản lý' })).toBeVisible();
  await checkA11y(page, 'possible duplicate');

  // The worker checked: another person after all. The typed form is kept and saved as it is.
  await warning.getByRole('button', { name: 'Đây là người khác, vẫn lập hồ sơ mới' }).click();
  await expect(page.getByRole('heading', { name: folded, level: 1 })).toBeVisible();
});

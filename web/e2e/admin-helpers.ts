import { expect, type Page } from '@playwright/test';
import { choose } from './fixtures';

/** The admin console's steps as an administrator takes them, by label and visible Vietnamese text. */
export async function openConsole(page: Page, tab: 'Đơn vị hành chính' | 'Cơ sở' | 'Người dùng' | 'Nhật ký' | 'Lịch nhắc việc'): Promise<void> {
  const main = page.getByRole('navigation', { name: 'Danh mục chính' });
  if (!(await page.getByRole('navigation', { name: 'Danh mục quản trị' }).isVisible())) await main.getByRole('link', { name: 'Quản trị' }).click();
  await page.getByRole('navigation', { name: 'Danh mục quản trị' }).getByRole('link', { name: tab, exact: true }).click();
  await expect(page.getByRole('heading', { name: tab, level: 2 })).toBeVisible();
}

async function save(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Adds a province (no parent) or a unit below `parent` (its level chosen when two are possible). */
export async function addUnit(
  page: Page,
  unit: { code: string; name: string; population?: number; level?: 'Huyện/Quận' | 'Xã/Phường' },
  parent?: string,
): Promise<void> {
  if (parent) await page.getByRole('button', { name: `Thêm đơn vị trực thuộc ${parent}` }).click();
  else await page.getByRole('button', { name: 'Thêm tỉnh/thành phố' }).click();
  const dialog = page.getByRole('dialog');
  if (unit.level) await dialog.getByLabel('Cấp').selectOption({ label: unit.level });
  await dialog.getByLabel('Mã đơn vị').fill(unit.code);
  await dialog.getByLabel('Tên đơn vị').fill(unit.name);
  if (unit.population !== undefined) await dialog.getByLabel('Dân số').fill(String(unit.population));
  await save(page);
  await expect(page.getByRole('region', { name: 'Cây đơn vị hành chính' }).getByText(unit.name, { exact: true })).toBeVisible();
}

/** Renames a unit and sets its population. */
export async function editUnit(page: Page, name: string, changes: { name: string; population: number }): Promise<void> {
  await page.getByRole('button', { name: `Sửa ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đơn vị').fill(changes.name);
  await dialog.getByLabel('Dân số').fill(String(changes.population));
  await save(page);
}

export async function addFacility(page: Page, f: { code: string; name: string; type: string; unit: string }): Promise<void> {
  await page.getByRole('button', { name: 'Thêm cơ sở' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Mã cơ sở').fill(f.code);
  await dialog.getByLabel('Tên cơ sở').fill(f.name);
  await dialog.getByLabel('Loại cơ sở').selectOption({ label: f.type });
  await choose(page, 'Đơn vị hành chính', f.unit);
  await save(page);
  await expect(page.getByRole('table', { name: 'Cơ sở' }).getByText(f.name)).toBeVisible();
}

/** Creates a user and answers the temporary password the console showed once. */
export async function addUser(page: Page, u: { username: string; fullName: string; role: string; unit?: string; facility?: string }): Promise<string> {
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đăng nhập').fill(u.username);
  await dialog.getByLabel('Họ và tên').fill(u.fullName);
  await expect(dialog.getByLabel('Mật khẩu')).not.toHaveValue('');
  await dialog.getByLabel('Vai trò').selectOption({ label: u.role });
  if (u.unit) await choose(page, 'Đơn vị công tác', u.unit);
  if (u.facility) await dialog.getByLabel('Cơ sở công tác').selectOption({ label: u.facility });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  return readSecret(page, u.fullName);
}

/** Reads the temporary password shown once, then closes its dialog. */
export async function readSecret(page: Page, name: string): Promise<string> {
  const shown = page.getByRole('dialog', { name: `Mật khẩu tạm của ${name}` });
  await expect(shown.getByText('Mật khẩu này chỉ hiện một lần.', { exact: false })).toBeVisible();
  const password = (await shown.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
  await shown.getByRole('button', { name: 'Đóng' }).first().click();
  await expect(shown).toHaveCount(0);
  return password;
}

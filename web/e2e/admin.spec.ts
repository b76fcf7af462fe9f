import { editUnit, openConsole, readSecret } from './admin-helpers';
import { checkA11y, choose, expect, signIn, state, test } from './fixtures';
import { Api, PASSWORD } from './seed';

/** The admin console on the seeded database: each screen at desktop and phone sizes, with axe. */
// Long walks on a shared machine: each step waits for the service.
test.setTimeout(240_000);

const signInAdmin = (page: import('@playwright/test').Page) => signIn(page, 'admin', state().adminPassword);

test('an admin edits a unit, a facility and a user’s role, lock and password', async ({ page }, info) => {
  const p = info.project.name === 'phone' ? 'P' : 'D';
  // What this walk edits is made through the API: adding units, facilities and users on the
  // console's screens (and the temporary password shown once) is admin-empty.spec.ts's walk.
  const { baseURL, adminPassword } = state();
  const api = await Api.as(baseURL, 'admin', adminPassword);
  const province = await api.call<{ id: string }>('POST', '/admin-units', { code: `TN-${p}`, name: `Tỉnh Thử Nghiệm ${p}`, level: 'province', population: 900_000 });
  const commune = await api.call<{ id: string }>('POST', '/admin-units', { code: `XN-${p}`, name: `Xã Mới ${p}`, level: 'commune', parentId: province.id });
  await api.call('POST', '/facilities', { code: `TYT-${p}`, name: `Trạm y tế ${p}`, type: 'health_station', adminUnitId: commune.id });
  const username = `cb.moi.${p}`.toLowerCase();
  const first = `${PASSWORD}-${p}`;
  await api.call('POST', '/users', { username, password: first, fullName: `Cán Bộ Mới ${p}`, role: 'commune_worker', adminUnitId: commune.id });

  await signInAdmin(page);
  await openConsole(page, 'Đơn vị hành chính');
  const tree = page.getByRole('region', { name: 'Cây đơn vị hành chính' });
  await expect(tree.getByText(`Xã Mới ${p}`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Sửa Xã Mới ${p}` }).click();
  await checkA11y(page, 'unit dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  await editUnit(page, `Xã Mới ${p}`, { name: `Xã Đổi Tên ${p}`, population: 7_200 });
  await expect(tree.getByText(`Xã Đổi Tên ${p}`, { exact: true })).toBeVisible();
  await checkA11y(page, 'unit tree');

  await openConsole(page, 'Cơ sở');
  await page.getByRole('button', { name: `Sửa cơ sở Trạm y tế ${p}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên cơ sở').fill(`Phòng khám Methadone ${p}`);
  await dialog.getByLabel('Loại cơ sở').selectOption({ label: 'Cơ sở điều trị Methadone' });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  const facilities = page.getByRole('table', { name: 'Cơ sở' });
  await expect(facilities.getByText(`Phòng khám Methadone ${p}`)).toBeVisible();
  await checkA11y(page, 'facilities');

  await openConsole(page, 'Người dùng');
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Cán bộ xã' });
  await choose(page, 'Đơn vị', `Xã Đổi Tên ${p} (Xã/Phường, XN-${p})`);
  const users = page.getByRole('table', { name: 'Người dùng' });
  await expect(users.getByText(`Cán Bộ Mới ${p}`, { exact: true })).toBeVisible();
  await checkA11y(page, 'users');

  // Clinic staff at the clinic just retyped: role and facility change together.
  await page.getByRole('button', { name: `Sửa ${username}` }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('Vai trò').selectOption({ label: 'Cơ sở điều trị Methadone' });
  await edit.getByLabel('Cơ sở công tác').selectOption({ label: `Phòng khám Methadone ${p} (TYT-${p})` });
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toHaveCount(0);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Cơ sở điều trị Methadone' });
  await expect(users.getByText(`Cán Bộ Mới ${p}`, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Khóa tài khoản ${username}` }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByText(`Khóa tài khoản Cán Bộ Mới ${p}? Người dùng bị đăng xuất ngay.`)).toBeVisible();
  await checkA11y(page, 'lock confirmation');
  await confirm.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(users.getByText('Đã khóa')).toBeVisible();
  await page.getByRole('button', { name: `Mở khóa ${username}` }).click();
  await expect(users.getByText('Đang hoạt động')).toBeVisible();

  await page.getByRole('button', { name: `Đặt lại mật khẩu ${username}` }).click();
  const reset = page.getByRole('dialog', { name: `Đặt lại mật khẩu cho Cán Bộ Mới ${p}` });
  const typed = reset.getByLabel('Mật khẩu mới');
  const generated = await typed.inputValue();
  await reset.getByRole('button', { name: 'Tạo mật khẩu khác' }).click();
  await expect(typed).not.toHaveValue(generated);
  await checkA11y(page, 'reset dialog');
  await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  const second = await readSecret(page, `Cán Bộ Mới ${p}`);
  expect(second).not.toBe(first);

  // The new password works; the first one no longer does.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(first);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.')).toBeVisible();
  await page.getByLabel('Mật khẩu').fill(second);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách uống thuốc hôm nay', level: 1 })).toBeVisible();
});

test('an admin filters the audit log by who, what, which record and when', async ({ page }) => {
  await signInAdmin(page);
  await openConsole(page, 'Nhật ký');
  const table = page.getByRole('table', { name: 'Nhật ký' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await checkA11y(page, 'audit log');
  await choose(page, 'Người thực hiện', 'admin');
  await page.getByLabel('Thao tác', { exact: true }).selectOption({ label: 'Đăng nhập' });
  await page.getByLabel('Loại bản ghi').selectOption({ label: 'Người dùng' });
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
  for (const label of ['Từ ngày', 'Đến ngày']) {
    const field = page.getByLabel(label);
    await field.click();
    await field.fill(today);
    await field.press('Tab');
  }
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText('Đăng nhập');
  await expect(rows.filter({ hasNotText: 'Đăng nhập' })).toHaveCount(0);
  // A record id no row has: nothing.
  await page.getByLabel('Mã bản ghi').fill('00000000-0000-4000-8000-000000000000');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(table.getByText('Không có dòng nhật ký nào.')).toBeVisible();
  await checkA11y(page, 'audit log filtered');
});

test('an admin re-plans the reminders after a confirmation and sees the result', async ({ page }) => {
  await signInAdmin(page);
  await openConsole(page, 'Lịch nhắc việc');
  await checkA11y(page, 'reminder re-plan');
  await page.getByRole('button', { name: 'Lập lại lịch nhắc việc' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByText('Lập lại toàn bộ lịch nhắc việc ngay bây giờ?')).toBeVisible();
  await confirm.getByRole('button', { name: 'Lập lại' }).click();
  await expect(page.getByRole('heading', { name: /^Kết quả lần lập lại lúc/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Lịch nhắc đã lập')).toBeVisible();
  await checkA11y(page, 'reminder re-plan result');
});

test('the console is the admin’s alone: a province officer has no menu entry and no route', async ({ page, site }) => {
  await signIn(page, site.provinceOfficer, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByText('Không tìm thấy trang này.')).toBeVisible();
});

import { checkA11y, expect, test } from './fixtures';
import { addFacility, addUnit, addUser, editUnit, openConsole } from './admin-helpers';
import { startService, type Service } from './global-setup';

/**
 * From an empty database to a working province: the first administrator (ADMIN_PASSWORD, as a
 * real first start) builds the unit tree, a clinic and a rehab facility, a user of every role,
 * and a commune worker created here signs in to an empty Today screen. A service of its own,
 * apart from the seeded one the other tests use.
 */
let service: Service;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  service = await startService('web_empty');
});
test.afterAll(async () => {
  await service?.stop();
});
test.setTimeout(240_000);

async function signInAt(page: import('@playwright/test').Page, username: string, password: string): Promise<void> {
  if (page.url() === 'about:blank') await page.goto(`${service.baseURL}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('navigation', { name: 'Danh mục chính' })).toBeVisible();
}

test('an admin builds a working province from an empty database, and a commune worker created there signs in', async ({ page }) => {
  await signInAt(page, 'admin', service.adminPassword);
  await openConsole(page, 'Đơn vị hành chính');
  await expect(page.getByText('Chưa có đơn vị nào. Hãy thêm tỉnh đầu tiên.')).toBeVisible();
  await checkA11y(page, 'empty unit tree');

  await addUnit(page, { code: '25', name: 'Tỉnh Phú Thọ', population: 1_500_000 });
  await addUnit(page, { code: '227', name: 'Huyện Thanh Sơn', level: 'Huyện/Quận' }, 'Tỉnh Phú Thọ');
  await addUnit(page, { code: '08011', name: 'Xã Tân Lập', level: 'Xã/Phường', population: 6_000 }, 'Tỉnh Phú Thọ');
  await addUnit(page, { code: '07924', name: 'Xã Thục Luyện' }, 'Huyện Thanh Sơn');
  await editUnit(page, 'Xã Thục Luyện', { name: 'Xã Thục Luyện Mới', population: 8_450 });
  const tree = page.getByRole('region', { name: 'Cây đơn vị hành chính' });
  await expect(tree.getByText('Xã Thục Luyện Mới', { exact: true })).toBeVisible();
  await expect(tree.getByText('Dân số: 8.450')).toBeVisible();
  await checkA11y(page, 'unit tree');

  await openConsole(page, 'Cơ sở');
  await expect(page.getByText('Chưa có cơ sở nào.')).toBeVisible();
  await addFacility(page, { code: 'MMT-TS', name: 'Cơ sở Methadone Thanh Sơn', type: 'Cơ sở điều trị Methadone', unit: 'Huyện Thanh Sơn (Huyện/Quận, 227)' });
  await addFacility(page, { code: 'CN-PT', name: 'Cơ sở cai nghiện Phú Thọ', type: 'Cơ sở cai nghiện ma túy', unit: 'Tỉnh Phú Thọ (Tỉnh/Thành phố, 25)' });
  await checkA11y(page, 'facilities');

  await openConsole(page, 'Người dùng');
  await addUser(page, { username: 'pc04.phutho', fullName: 'Nguyễn Văn Tỉnh', role: 'Cán bộ tỉnh', unit: 'Tỉnh Phú Thọ (Tỉnh/Thành phố, 25)' });
  const workerPassword = await addUser(page, {
    username: 'cb.thucluyen',
    fullName: 'Trần Thị Xã',
    role: 'Cán bộ xã',
    unit: 'Xã Thục Luyện Mới (Xã/Phường, 07924)',
  });
  await addUser(page, {
    username: 'mmt.thanhson',
    fullName: 'Lê Văn Methadone',
    role: 'Cơ sở điều trị Methadone',
    unit: 'Huyện Thanh Sơn (Huyện/Quận, 227)',
    facility: 'Cơ sở Methadone Thanh Sơn (MMT-TS)',
  });
  await addUser(page, {
    username: 'cn.phutho',
    fullName: 'Phạm Thị Cai Nghiện',
    role: 'Cơ sở cai nghiện',
    unit: 'Tỉnh Phú Thọ (Tỉnh/Thành phố, 25)',
    facility: 'Cơ sở cai nghiện Phú Thọ (CN-PT)',
  });
  await addUser(page, { username: 'admin2', fullName: 'Quản Trị Hai', role: 'Quản trị hệ thống' });
  const users = page.getByRole('table', { name: 'Người dùng' });
  for (const name of ['Nguyễn Văn Tỉnh', 'Trần Thị Xã', 'Lê Văn Methadone', 'Phạm Thị Cai Nghiện', 'Quản Trị Hai']) {
    await expect(users.getByText(name, { exact: true })).toBeVisible();
  }
  await checkA11y(page, 'users');

  // The commune worker created here signs in with the temporary password and starts the day.
  // Signing in again on the sign-in form the sign-out leaves (a new page load could race the logout).
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  await signInAt(page, 'cb.thucluyen', workerPassword);
  await expect(page.getByRole('heading', { name: 'Việc hôm nay', level: 1 })).toBeVisible();
  await expect(page.getByText('Không có việc cần làm. Tốt lắm!')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
  await checkA11y(page, 'a new commune worker’s Today');
});

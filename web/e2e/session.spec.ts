import { checkA11y, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test('the sign-in screen is accessible and a wrong password says so', async ({ page, site }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await checkA11y(page, 'sign-in');
  await page.getByLabel('Tên đăng nhập').fill(site.communeWorker);
  await page.getByLabel('Mật khẩu').fill('wrong-password-123');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
});

test('tokens: nothing in web storage, the refresh token only in an HttpOnly SameSite=Strict cookie on the auth routes, a strict CSP', async ({ page, site }) => {
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  await signIn(page, site.communeWorker, PASSWORD);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['cm_refresh', true, 'Strict', '/api/v1/auth']]);
  // A reload keeps the login through the cookie alone
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Việc hôm nay' })).toBeVisible();
  // Signing out ends it
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

test('an expired login keeps what was typed: sign in again in the dialog and the form is saved', async ({ page, site }, info) => {
  await signIn(page, site.communeWorker, PASSWORD);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Hồ sơ' }).click();
  await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
  await expect(page.getByRole('heading', { name: 'Lập hồ sơ quản lý' })).toBeVisible();
  const name = `Đinh Công Tráng ${info.project.name === 'phone' ? 'B' : 'A'}`;
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Ngày sinh').fill('02/09/1990');
  await page.getByLabel('Ngày sinh').press('Tab');
  await page.getByLabel('Số điện thoại').fill('0903 222 333');
  // The login ends while the form is open: the refresh cookie is gone and the access token expires (20 s in these tests)
  await page.context().clearCookies();
  await page.waitForTimeout(21_000);
  await page.getByRole('button', { name: 'Lưu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Phiên làm việc đã hết hạn' });
  await expect(dialog).toBeVisible();
  await expect(page.getByLabel('Họ và tên')).toHaveValue(name);
  // The dialog itself: behind it, the form's save button waits (dimmed) for the new login
  await checkA11y(page, 'expired session', '.ant-modal-root');
  await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('0903 222 333')).toBeVisible();
});

test('a login left alone on a shared computer ends after the idle time', async ({ page, site }) => {
  await page.clock.install();
  await signIn(page, site.communeWorker, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Việc hôm nay' })).toBeVisible();
  await page.clock.fastForward('29:00');
  await expect(page.getByRole('heading', { name: 'Việc hôm nay' })).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(page.getByText('Bạn đã được đăng xuất do không thao tác trong 30 phút.')).toBeVisible();
  await expect(page.getByLabel('Mật khẩu')).toBeVisible();
  // The screen signs out at once; the logout request that clears the cookie answers after it.
  await expect.poll(() => page.context().cookies()).toEqual([]);
});

test('a user changes their own password and signs in with the new one', async ({ page, site }, info) => {
  await signIn(page, site.passwordUser, PASSWORD);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Tài khoản' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản' })).toBeVisible();
  await checkA11y(page, 'account');
  const next = `Mat-khau-moi-${info.project.name}-2026!`;
  await page.getByLabel('Mật khẩu hiện tại').fill('not-the-password');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(next);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu hiện tại không đúng.');
  await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.')).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(page, site.passwordUser, next);
});

test('English is the second language', async ({ page, site }) => {
  await signIn(page, site.communeWorker, PASSWORD);
  await page.getByLabel('Ngôn ngữ').selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { name: "Today's work" })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
  await expect(page.getByRole('heading', { name: 'Việc hôm nay' })).toBeVisible();
});

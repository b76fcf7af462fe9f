import { checkA11y, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test('staff of a detention camp admit a held person to treatment, which has no mode', async ({ page, site }) => {
  await signIn(page, site.detentionStaff, PASSWORD);
  await expect(page).toHaveURL(/\/facility$/);
  const title = 'Người đang điều trị nghiện trong cơ sở giam giữ';
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const treated = page.getByRole('table', { name: title });
  await expect(treated.getByText('Chưa có ai đang được điều trị tại cơ sở.')).toBeVisible();
  // The words of a detention camp, not of a rehabilitation facility, and no mode column.
  await expect(page.getByText('Học viên đang cai nghiện tại cơ sở')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tiếp nhận học viên' })).toHaveCount(0);
  await expect(treated.getByRole('columnheader', { name: 'Người được điều trị' })).toBeVisible();
  await expect(treated.getByRole('columnheader', { name: 'Tự nguyện / bắt buộc' })).toHaveCount(0);
  await expect(page.getByRole('search').getByLabel('Tìm người được điều trị theo họ tên hoặc mã hồ sơ')).toBeVisible();
  await checkA11y(page, 'detention residents');

  await page.getByRole('button', { name: 'Tiếp nhận điều trị', exact: true }).click();
  const admit = page.getByRole('dialog', { name: 'Tiếp nhận điều trị nghiện trong cơ sở giam giữ' });
  await expect(admit).toBeVisible();
  await admit.getByLabel('Số căn cước (CCCD)').fill(site.people.toTreatInDetention.nationalId);
  await admit.getByRole('button', { name: 'Tìm hồ sơ' }).click();
  await expect(admit.getByText(`Tìm thấy: ${site.people.toTreatInDetention.name}`)).toBeVisible();
  // Treatment in detention is neither voluntary nor compulsory: nothing to ask.
  await expect(admit.getByLabel('Tự nguyện / bắt buộc')).toHaveCount(0);
  await expect(admit.getByLabel('Ngày bắt đầu')).toBeVisible();
  await checkA11y(page, 'detention admit');
  const answered = page.waitForResponse(
    // Not a 401 answered to an expired 20-second token (the app signs in again and resends).
    (r) => r.status() !== 401 && r.request().method() === 'POST' && /\/api\/v1\/persons\/[^/]+\/enrollments$/.test(new URL(r.url()).pathname),
  );
  await admit.getByRole('button', { name: 'Đăng ký điều trị' }).click();
  // Recorded as treatment in detention at the camp, without a mode.
  const response = await answered;
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({ type: 'detention', mode: null, facilityId: expect.any(String), status: 'active' });
  await expect(page.getByText('Đã đăng ký điều trị.')).toBeVisible();

  const row = treated.getByRole('row').filter({ hasText: site.people.toTreatInDetention.name });
  await expect(row).toContainText('Đã ở 0 ngày');
  await expect(row.getByRole('button', { name: `Kết thúc điều trị: ${site.people.toTreatInDetention.name}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Phân trang' })).toContainText('Tổng số: 1');
  await checkA11y(page, 'detention admitted');
});

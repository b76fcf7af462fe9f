import { checkA11y, choose, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test("a clinic nurse's day: the roster in one pass with the keyboard, a dose history, a new patient, an end", async ({ page, site }) => {
  await signIn(page, site.clinicStaff, PASSWORD);
  await expect(page).toHaveURL(/\/clinic$/);
  await expect(page.getByRole('heading', { name: 'Danh sách uống thuốc hôm nay' })).toBeVisible();
  const roster = page.getByRole('table', { name: 'Danh sách uống thuốc' });
  // Sorted by given name: Nam, Thu, Tuấn
  const [tuan, nam, thu] = site.people.onRoster as [string, string, string];
  await expect(roster.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('Đã uống 0 · Bỏ liều 0 · Chưa ghi 3')).toBeVisible();
  await checkA11y(page, 'clinic roster');

  // Keyboard only: type the mg, Enter, and the next patient's field has the focus
  const first = page.getByLabel(`Liều (mg) cho ${nam}`);
  await first.click();
  await first.fill('65');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Đã ghi cho ${nam}.`)).toBeVisible();
  await expect(page.getByLabel(`Liều (mg) cho ${thu}`)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('70,5');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Đã ghi cho ${thu}.`)).toBeVisible();
  await expect(page.getByLabel(`Liều (mg) cho ${tuan}`)).toBeFocused();
  // The third did not come: a reason, then "missed", still from the keyboard
  await page.keyboard.press('Tab'); // the "taken" button
  await page.keyboard.press('Tab'); // the reason
  await expect(page.getByLabel(`Lý do: ${tuan}`)).toBeFocused();
  await page.getByLabel(`Lý do: ${tuan}`).selectOption({ label: 'Đang nằm viện' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Ghi bỏ liều: ${tuan}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Đã ghi cho ${tuan}.`)).toBeVisible();
  await expect(page.getByText('Đã uống 2 · Bỏ liều 1 · Chưa ghi 0')).toBeVisible();
  await expect(roster.getByRole('row').filter({ hasText: nam })).toContainText('Đã uống 65 mg');
  await expect(roster.getByRole('row').filter({ hasText: thu })).toContainText('Đã uống 70,5 mg');
  await expect(roster.getByRole('row').filter({ hasText: tuan })).toContainText('Bỏ liều');

  // The patient's doses over 30 days, drawn as a chart
  await page.getByRole('button', { name: `Lịch sử uống thuốc 30 ngày: ${nam}` }).click();
  const history = page.getByRole('dialog', { name: `Lịch sử uống thuốc của ${nam}` });
  await expect(history.getByRole('img', { name: /Biểu đồ liều uống 30 ngày/ })).toBeVisible();
  await expect(history.getByText('10 ngày đã uống, 1 ngày bỏ liều trong 30 ngày')).toBeVisible();
  await expect(history.locator('svg rect[fill="#0b5cad"]')).toHaveCount(10);
  await checkA11y(page, 'dose history');
  await history.getByRole('button', { name: 'Close' }).or(history.getByRole('button', { name: 'Đóng' })).first().click();

  // A new patient: found by national ID, enrolled at this clinic
  await page.getByRole('button', { name: 'Đăng ký điều trị Methadone' }).click();
  const enroll = page.getByRole('dialog', { name: 'Đăng ký người bệnh mới' });
  await enroll.getByLabel('Số căn cước (CCCD)').fill(site.people.toEnroll.nationalId);
  await enroll.getByRole('button', { name: 'Tìm hồ sơ' }).click();
  await expect(enroll.getByText(`Tìm thấy: ${site.people.toEnroll.name}`)).toBeVisible();
  await checkA11y(page, 'enroll');
  await enroll.getByRole('button', { name: 'Đăng ký điều trị' }).click();
  await expect(page.getByText('Đã đăng ký điều trị.')).toBeVisible();
  await expect(roster.getByRole('row').filter({ hasText: site.people.toEnroll.name })).toContainText('Chưa ghi');

  // Ending a treatment takes the patient off the roster
  await page.getByRole('button', { name: `Kết thúc điều trị: ${site.people.toEnroll.name}` }).click();
  const end = page.getByRole('dialog', { name: `Kết thúc điều trị: ${site.people.toEnroll.name}` });
  await choose(page, 'Kết quả', 'Chuyển cơ sở');
  await end.getByRole('button', { name: 'Kết thúc' }).click();
  await expect(page.getByText('Đã kết thúc.')).toBeVisible();
  await expect(roster.getByRole('row').filter({ hasText: site.people.toEnroll.name })).toHaveCount(0);
});

import type { Page } from '@playwright/test';
import { checkA11y, choose, expect, signIn, state, test } from './fixtures';
import { PASSWORD } from './seed';

/** The query of every roster request the screen makes (GET /clinics/roster). */
function rosterRequests(page: Page): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname.endsWith('/api/v1/clinics/roster')) seen.push(url.searchParams);
  });
  return seen;
}

const SEARCH = 'Tìm người bệnh theo họ tên hoặc mã hồ sơ';

test("a clinic nurse's day: the roster searched and filtered on the server, recorded with the keyboard, a dose history, a new patient, an end", async ({
  page,
  site,
}) => {
  const requests = rosterRequests(page);
  await signIn(page, site.clinicStaff, PASSWORD);
  await expect(page).toHaveURL(/\/clinic$/);
  await expect(page.getByRole('heading', { name: 'Danh sách uống thuốc hôm nay' })).toBeVisible();
  const roster = page.getByRole('table', { name: 'Danh sách uống thuốc' });
  const status = page.getByRole('radiogroup', { name: 'Liều hôm nay' });
  const pager = page.getByRole('navigation', { name: 'Phân trang' });
  // Sorted by given name: Nam, Thu, Tuấn
  const [tuan, nam, thu] = site.people.onRoster as [string, string, string];
  await expect(roster.getByRole('link')).toHaveText([nam, thu, tuan]);
  await expect(status.getByRole('radio', { name: 'Tất cả (3)' })).toBeChecked();
  await expect(status.getByRole('radio', { name: 'Chưa ghi (3)' })).not.toBeChecked();
  await expect(status.getByRole('radio', { name: 'Đã uống (0)' })).not.toBeChecked();
  await expect(status.getByRole('radio', { name: 'Bỏ liều (0)' })).not.toBeChecked();
  await expect(pager).toContainText('Tổng số: 3');
  await expect(pager).toContainText('Trang 1/1');
  // A page of 50 at a time from the server, never the whole clinic (or its first 100) in one go.
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.map((q) => [q.get('page'), q.get('pageSize')])).toEqual(requests.map(() => ['1', '50']));
  await checkA11y(page, 'clinic roster');

  // Searched on the server, by a name typed without diacritics, as soon as typing pauses.
  const search = page.getByRole('search');
  await search.getByLabel(SEARCH).fill('hoang van nam');
  await expect(roster.getByRole('link')).toHaveText([nam]);
  await expect(status.getByRole('radio', { name: 'Tất cả (1)' })).toBeChecked();
  await expect(pager).toContainText('Tổng số: 1');
  expect(requests.some((q) => q.get('q') === 'hoang van nam' && q.get('pageSize') === '50')).toBe(true);
  // Or at once with Enter.
  await search.getByLabel(SEARCH).fill('Không có ai tên này');
  await search.getByLabel(SEARCH).press('Enter');
  await expect(roster.getByText('Không có người bệnh nào khớp với tìm kiếm.')).toBeVisible();
  await checkA11y(page, 'clinic roster searched');
  await search.getByLabel(SEARCH).fill('');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(roster.getByRole('link')).toHaveText([nam, thu, tuan]);

  // Only the patients still to come, filtered on the server.
  await status.getByText('Chưa ghi (3)', { exact: true }).click();
  await expect(status.getByRole('radio', { name: 'Chưa ghi (3)' })).toBeChecked();
  await expect.poll(() => requests.some((q) => q.get('status') === 'pending' && q.get('page') === '1')).toBe(true);
  await expect(roster.getByRole('link')).toHaveText([nam, thu, tuan]);

  // Keyboard only: type the mg, Enter, and the next patient's field has the focus. A dose typed
  // for a later patient survives the refresh that takes the recorded one off the pending list.
  await page.getByLabel(`Liều (mg) cho ${tuan}`).fill('55');
  const first = page.getByLabel(`Liều (mg) cho ${nam}`);
  await first.click();
  await first.fill('65');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Đã ghi cho ${nam}.`)).toBeVisible();
  await expect(page.getByLabel(`Liều (mg) cho ${thu}`)).toBeFocused();
  await expect(roster.getByRole('link')).toHaveText([thu, tuan]);
  await expect(status.getByRole('radio', { name: 'Đã uống (1)' })).not.toBeChecked();
  await expect(status.getByRole('radio', { name: 'Chưa ghi (2)' })).toBeChecked();
  await expect(page.getByLabel(`Liều (mg) cho ${tuan}`)).toHaveValue('55');
  await expect(page.getByLabel(`Liều (mg) cho ${thu}`)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('70,5');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Đã ghi cho ${thu}.`)).toBeVisible();
  await expect(page.getByLabel(`Liều (mg) cho ${tuan}`)).toBeFocused();
  await expect(roster.getByRole('link')).toHaveText([tuan]);
  // The last one did not come: a reason, then "missed", still from the keyboard
  await page.keyboard.press('Tab'); // the "taken" button
  await page.keyboard.press('Tab'); // the reason
  await expect(page.getByLabel(`Lý do: ${tuan}`)).toBeFocused();
  await page.getByLabel(`Lý do: ${tuan}`).selectOption({ label: 'Đang nằm viện' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Ghi bỏ liều: ${tuan}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Đã ghi cho ${tuan}.`)).toBeVisible();
  // The pending list is now empty: the focus goes back to the search box, not to nowhere.
  await expect(roster.getByText('Không có người bệnh nào ở mục này hôm nay.')).toBeVisible();
  await expect(page.getByLabel(SEARCH)).toBeFocused();
  await expect(status.getByRole('radio', { name: 'Chưa ghi (0)' })).toBeChecked();
  await expect(status.getByRole('radio', { name: 'Đã uống (2)' })).not.toBeChecked();
  await expect(status.getByRole('radio', { name: 'Bỏ liều (1)' })).not.toBeChecked();
  await status.getByText('Bỏ liều (1)', { exact: true }).click();
  await expect(roster.getByRole('link')).toHaveText([tuan]);
  await expect(roster.getByRole('row').filter({ hasText: tuan })).toContainText('Bỏ liều');
  await checkA11y(page, 'clinic roster filtered');
  await status.getByText('Tất cả (3)', { exact: true }).click();
  await expect(roster.getByRole('link')).toHaveText([nam, thu, tuan]);
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
  await expect(status.getByRole('radio', { name: 'Chưa ghi (1)' })).not.toBeChecked();

  // Ending a treatment takes the patient off the roster
  await page.getByRole('button', { name: `Kết thúc điều trị: ${site.people.toEnroll.name}` }).click();
  const end = page.getByRole('dialog', { name: `Kết thúc điều trị: ${site.people.toEnroll.name}` });
  await choose(page, 'Kết quả', 'Chuyển cơ sở');
  await end.getByRole('button', { name: 'Kết thúc' }).click();
  await expect(page.getByText('Đã kết thúc.')).toBeVisible();
  await expect(roster.getByRole('row').filter({ hasText: site.people.toEnroll.name })).toHaveCount(0);
  await expect(status.getByRole('radio', { name: 'Tất cả (3)' })).toBeChecked();
  expect(requests.filter((q) => q.get('pageSize') !== '50')).toEqual([]);
});

test("an administrator picks a methadone clinic and sees that clinic's roster", async ({ page, site }, info) => {
  const requests = rosterRequests(page);
  const clinicName = `Cơ sở điều trị Methadone ${info.project.name === 'phone' ? 'Cẩm Xuyên' : 'Thạch Hà'}`;
  await signIn(page, 'admin', state().adminPassword);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Điều trị Methadone' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách uống thuốc hôm nay' })).toBeVisible();
  const picker = page.getByLabel('Cơ sở điều trị Methadone', { exact: true });
  // Methadone clinics only: no rehabilitation facility on the list.
  await expect(picker.locator('option', { hasText: clinicName })).toHaveCount(1);
  await expect(picker.locator('option', { hasText: 'Cơ sở cai nghiện' })).toHaveCount(0);
  await picker.selectOption({ label: clinicName });
  const roster = page.getByRole('table', { name: 'Danh sách uống thuốc' });
  const [tuan, nam, thu] = site.people.onRoster as [string, string, string];
  await expect(roster.getByRole('link')).toHaveText([nam, thu, tuan]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const chosen = await picker.inputValue();
  // Every roster request names the clinic: an administrator's without one would be refused.
  expect(requests.filter((q) => !q.get('facilityId'))).toEqual([]);
  expect(requests.some((q) => q.get('facilityId') === chosen && q.get('page') === '1' && q.get('pageSize') === '50')).toBe(true);
  await checkA11y(page, 'clinic roster for an administrator');

  await page.getByRole('search').getByLabel(SEARCH).fill('pham minh tuan');
  await expect(roster.getByRole('link')).toHaveText([tuan]);
  expect(requests.some((q) => q.get('facilityId') === chosen && q.get('q') === 'pham minh tuan')).toBe(true);
});

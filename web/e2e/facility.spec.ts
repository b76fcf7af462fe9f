import { checkA11y, choose, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test("a facility officer's day: current residents, an admission, the end of a stay", async ({ page, site }) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/')) calls.push(new URL(r.url()).pathname);
  });
  await signIn(page, site.facilityStaff, PASSWORD);
  await expect(page).toHaveURL(/\/facility$/);
  await expect(page.getByRole('heading', { name: 'Học viên đang cai nghiện tại cơ sở' })).toBeVisible();
  const residents = page.getByRole('table', { name: 'Học viên đang cai nghiện tại cơ sở' });
  await expect(residents.getByRole('row').filter({ hasText: site.people.resident })).toContainText('Tự nguyện');
  await expect(residents.getByRole('row').filter({ hasText: site.people.resident })).toContainText('Đã ở 90 ngày');
  // Sorted as Vietnamese lists are, by the given name: An, Hùng, Xuân.
  const [an, xuan] = site.people.otherResidents;
  await expect(residents.getByRole('link')).toHaveText([an, site.people.resident, xuan]);
  const pager = page.getByRole('navigation', { name: 'Phân trang' });
  await expect(pager).toContainText('Tổng số: 3');
  await expect(pager).toContainText('Trang 1/1');
  // One request for the list: no person's enrollments fetched one by one.
  expect(calls.filter((c) => c.endsWith('/facilities/residents'))).toHaveLength(1);
  expect(calls.filter((c) => /\/persons\/[^/]+\/enrollments$/.test(c) || c.endsWith('/persons'))).toEqual([]);
  await checkA11y(page, 'residents');

  // Searched on the server, with or without diacritics.
  const search = page.getByRole('search');
  await search.getByLabel('Tìm học viên theo họ tên hoặc mã hồ sơ').fill('truong van an');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(residents.getByRole('link')).toHaveText([an]);
  await expect(pager).toContainText('Tổng số: 1');
  await search.getByLabel('Tìm học viên theo họ tên hoặc mã hồ sơ').fill('Không có ai tên này');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(residents.getByText('Không có học viên nào khớp với tìm kiếm.')).toBeVisible();
  await checkA11y(page, 'residents searched');
  await search.getByLabel('Tìm học viên theo họ tên hoặc mã hồ sơ').fill('');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(residents.getByRole('link')).toHaveText([an, site.people.resident, xuan]);

  await page.getByRole('button', { name: 'Tiếp nhận học viên' }).click();
  const admit = page.getByRole('dialog', { name: 'Tiếp nhận vào cơ sở cai nghiện' });
  await admit.getByLabel('Số căn cước (CCCD)').fill(site.people.toAdmit.nationalId);
  await admit.getByRole('button', { name: 'Tìm hồ sơ' }).click();
  await expect(admit.getByText(`Tìm thấy: ${site.people.toAdmit.name}`)).toBeVisible();
  await choose(page, 'Tự nguyện / bắt buộc', 'Bắt buộc');
  await checkA11y(page, 'admit');
  await admit.getByRole('button', { name: 'Đăng ký điều trị' }).click();
  await expect(page.getByText('Đã đăng ký điều trị.')).toBeVisible();
  await expect(residents.getByRole('row').filter({ hasText: site.people.toAdmit.name })).toContainText('Bắt buộc');

  await page.getByRole('button', { name: `Kết thúc cai nghiện: ${site.people.resident}` }).click();
  const end = page.getByRole('dialog', { name: `Kết thúc thời gian cai nghiện tại cơ sở: ${site.people.resident}` });
  await choose(page, 'Kết quả', 'Hoàn thành');
  // Ninety days is short of the legal minimum term: the law's rule is shown, and the typed input kept.
  await end.getByRole('button', { name: 'Kết thúc' }).click();
  await expect(end.getByText(/Chưa đủ thời hạn cai nghiện tối thiểu theo quy định/)).toBeVisible();
  await end.getByLabel('Số quyết định cho hoàn thành trước thời hạn').fill('15/QĐ-CSCN');
  const decidedOn = end.getByLabel('Ngày quyết định cho hoàn thành trước thời hạn');
  await decidedOn.fill(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() - 86_400_000)));
  await decidedOn.press('Tab');
  await end.getByRole('button', { name: 'Kết thúc' }).click();
  await expect(page.getByText('Đã kết thúc.')).toBeVisible();
  await expect(residents.getByRole('row').filter({ hasText: site.people.resident })).toHaveCount(0);
  await expect(residents.getByRole('row').filter({ hasText: site.people.toAdmit.name })).toBeVisible();
});

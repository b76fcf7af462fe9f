import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkA11y, choose, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

const SHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

test("a commune worker's morning: the day's tasks with counts, one tap to a visit and to a service", async ({ page, site }, info) => {
  await signIn(page, site.communeWorker, PASSWORD);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole('heading', { name: 'Việc hôm nay' })).toBeVisible();

  const overdue = page.getByRole('region', { name: 'Quá hạn' });
  const due = page.getByRole('region', { name: 'Sắp đến hạn' });
  const overdueTask = overdue.getByRole('listitem').filter({ hasText: site.people.overdue });
  const dueTask = due.getByRole('listitem').filter({ hasText: site.people.dueSoon });
  await expect(overdueTask).toBeVisible();
  await expect(dueTask).toBeVisible();
  await expect(overdueTask.getByText('Quá hạn theo dõi, thăm gặp')).toBeVisible();
  const counts = page.getByRole('list', { name: 'Danh sách nhắc việc' });
  await expect(counts.getByRole('listitem').filter({ hasText: 'Quá hạn' })).toContainText('1');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Sắp đến hạn' })).toContainText('1');
  await checkA11y(page, 'today');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SHOTS, `today-${info.project.name}.png`), fullPage: true });

  // One tap: from the overdue task straight to recording the visit on the person's page
  await overdueTask.getByRole('link', { name: 'Ghi lần thăm gặp' }).click();
  const visit = page.getByRole('dialog', { name: 'Ghi lần theo dõi, thăm gặp' });
  await expect(visit).toBeVisible();
  await expect(page.getByRole('heading', { name: site.people.overdue, level: 1 })).toBeVisible();
  await choose(page, 'Hình thức', 'Gọi điện');
  await choose(page, 'Xét nghiệm ma túy (test nhanh nước tiểu)', 'Âm tính');
  await visit.getByLabel('Ghi chú').fill('Đã gọi điện, sức khỏe ổn định, đang đi làm.');
  await checkA11y(page, 'visit dialog');
  await visit.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã ghi lần thăm gặp.')).toBeVisible();
  await expect(visit).toBeHidden();
  const followUps = page.getByRole('table', { name: 'Các lần theo dõi, thăm gặp' });
  await expect(followUps.getByText('Đã thực hiện')).toHaveCount(1);
  await expect(page.getByText(/Lần theo dõi, thăm gặp \(Gọi điện\) · Xét nghiệm ma túy \(test nhanh nước tiểu\): Âm tính/)).toBeVisible();
  await checkA11y(page, 'person page');
  await page.screenshot({ path: resolve(SHOTS, `person-${info.project.name}.png`), fullPage: true });

  // The visit completed the overdue follow-up and resolved its reminder
  await expect(page.getByRole('region', { name: 'Nhắc việc' })).toHaveCount(0);

  // Back to Today: that task is done
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Hôm nay' }).click();
  await expect(page.getByRole('heading', { name: 'Việc hôm nay' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: site.people.overdue })).toHaveCount(0);
  await expect(counts.getByRole('listitem').filter({ hasText: 'Quá hạn' })).toContainText('0');

  // One tap: from a task to recording a service contact
  await dueTask.getByRole('link', { name: 'Ghi dịch vụ' }).click();
  const service = page.getByRole('dialog', { name: 'Ghi nhận dịch vụ đã cung cấp' });
  await expect(service).toBeVisible();
  await choose(page, 'Loại dịch vụ', 'Tư vấn');
  await service.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã ghi dịch vụ.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dịch vụ' }).getByText('Tư vấn')).toBeVisible();
});

test('the person page prints as a summary without the menus', async ({ page, site }) => {
  await signIn(page, site.communeWorker, PASSWORD);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Hồ sơ' }).click();
  await page.getByRole('link', { name: site.people.dueSoon }).click();
  await expect(page.getByRole('heading', { name: site.people.dueSoon, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'In tóm tắt' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Danh mục chính' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'In tóm tắt' })).toBeHidden();
  await expect(page.getByText(/^In ngày \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thông tin chung' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quá trình' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

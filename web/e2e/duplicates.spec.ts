import { checkA11y, expect, signIn, test } from './fixtures';
import { PASSWORD } from './seed';

test('a province officer finds likely duplicate files, merges one pair as the same person and tells another apart', async ({ page, site }) => {
  // A search job, a merge and four accessibility checks in one walk: slower than one screen's test.
  test.slow();
  const [keep, merged] = site.twins.merge;
  const [one, other] = site.twins.dismiss;
  await signIn(page, site.provinceOfficer, PASSWORD);
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Rà soát trùng lặp' }).click();
  await expect(page.getByRole('heading', { name: 'Rà soát hồ sơ trùng', level: 1 })).toBeVisible();

  // The search runs every night; the officer runs it now and follows it to the end.
  await page.getByRole('button', { name: 'Tìm hồ sơ trùng ngay' }).click();
  await expect(page.getByText(/^Đã tìm xong: \d+ cặp chờ rà soát\.$/)).toBeVisible({ timeout: 30_000 });
  const pair = (a: string, b: string) => page.getByRole('article').filter({ hasText: a }).filter({ hasText: b });
  const toMerge = pair(keep, merged);
  const toDismiss = pair(one, other);
  await expect(toMerge).toBeVisible();
  await expect(toDismiss).toBeVisible();

  // Side by side: the names differ (marked in words, not by colour alone), the birth date does not.
  const facts = toMerge.getByRole('table');
  await expect(facts.getByRole('row', { name: /^Họ và tên \(khác nhau\)/ })).toBeVisible();
  await expect(facts.getByRole('row', { name: /^Ngày sinh/ })).toContainText('20/05/1979');
  await expect(facts.getByRole('row', { name: /^Ngày sinh/ })).not.toContainText('khác nhau');
  await checkA11y(page, 'duplicates');

  // "Same person": confirm which file is kept, then the two files become one.
  await toMerge.getByRole('button', { name: 'Cùng một người' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gộp hai hồ sơ thành một?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: new RegExp(`^${keep} · `) })).toBeChecked();
  await checkA11y(page, 'merge dialog', '.ant-modal');
  await dialog.getByRole('button', { name: 'Gộp hồ sơ' }).click();
  await expect(page.getByText('Đã gộp hai hồ sơ.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(toMerge).toHaveCount(0);

  // "Different people": the pair leaves the list and is never proposed again.
  await toDismiss.getByRole('button', { name: 'Khác người' }).click();
  await expect(page.getByText('Đã ghi nhận là hai người khác nhau.')).toBeVisible();
  await expect(toDismiss).toHaveCount(0);

  // Both decisions are kept, each under its status.
  const status = page.getByLabel('Trạng thái');
  await status.selectOption({ label: 'Đã gộp' });
  await expect(toMerge).toBeVisible();
  await expect(toMerge).toContainText('Đã gộp');
  await expect(toMerge.getByRole('button', { name: 'Cùng một người' })).toHaveCount(0);
  await status.selectOption({ label: 'Khác người' });
  await expect(toDismiss).toBeVisible();
  await checkA11y(page, 'reviewed pairs');

  // The merged file is closed; the one kept stays open with its case code.
  await page.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  const search = page.getByLabel('Tìm theo họ tên hoặc mã hồ sơ');
  await search.fill(keep);
  await search.press('Enter');
  await expect(page.getByRole('link', { name: keep, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: merged, exact: true })).toHaveCount(0);
});

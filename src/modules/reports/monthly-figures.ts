import { COVERAGE_TARGET, DETENTION_TARGET, DRUG_COMPLEX_SHARE, POST_REHAB_TARGET, share } from './coverage.arithmetic.js';

/**
 * The figures of a monthly commune report, as whole numbers under stable keys, each with the
 * Vietnamese label the exports use. Counts add up across communes, so a district or province
 * figure is the sum of its communes'; the shares are derived from the sums (`monthlyShares`).
 * People count where they lived, with the status they had, at the month's end.
 */
export const MONTHLY_FIGURES = [
  { key: 'filesOpen', label: 'Số người có hồ sơ quản lý (cuối tháng)' },
  { key: 'filesUsing', label: 'Trong đó: sử dụng trái phép' },
  { key: 'filesAddicted', label: 'Trong đó: nghiện' },
  { key: 'filesMale', label: 'Nam' },
  { key: 'filesFemale', label: 'Nữ' },
  { key: 'ageUnder18', label: 'Dưới 18 tuổi' },
  { key: 'age18to29', label: '18-29 tuổi' },
  { key: 'age30to49', label: '30-49 tuổi' },
  { key: 'age50plus', label: 'Từ 50 tuổi' },
  { key: 'filesRegistered', label: 'Hồ sơ mới lập trong tháng' },
  { key: 'communityStarted', label: 'Cai nghiện tại cộng đồng: bắt đầu' },
  { key: 'communityActive', label: 'Cai nghiện tại cộng đồng: đang điều trị' },
  { key: 'communityCompleted', label: 'Cai nghiện tại cộng đồng: hoàn thành' },
  { key: 'methadoneStarted', label: 'Methadone: bắt đầu' },
  { key: 'methadoneActive', label: 'Methadone: đang điều trị' },
  { key: 'methadoneCompleted', label: 'Methadone: hoàn thành' },
  { key: 'facilityStarted', label: 'Cai nghiện tại cơ sở: bắt đầu' },
  { key: 'facilityActive', label: 'Cai nghiện tại cơ sở: đang điều trị' },
  { key: 'facilityCompleted', label: 'Cai nghiện tại cơ sở: hoàn thành' },
  { key: 'detentionStarted', label: 'Điều trị khi bị tạm giữ, tạm giam: bắt đầu' },
  { key: 'detentionActive', label: 'Điều trị khi bị tạm giữ, tạm giam: đang điều trị' },
  { key: 'detentionCompleted', label: 'Điều trị khi bị tạm giữ, tạm giam: hoàn thành' },
  { key: 'supervised', label: 'Số người quản lý sau cai' },
  { key: 'supported', label: 'Số người được hỗ trợ sau cai' },
  { key: 'vocational', label: 'Hỗ trợ học nghề' },
  { key: 'jobs', label: 'Hỗ trợ việc làm' },
  { key: 'loans', label: 'Hỗ trợ vay vốn' },
  { key: 'relapses', label: 'Số người tái nghiện' },
  { key: 'drugTests', label: 'Số lần xét nghiệm ma túy' },
  { key: 'drugTestsPositive', label: 'Số lần xét nghiệm dương tính' },
  { key: 'held', label: 'Số người nghiện bị tạm giữ, tạm giam' },
  { key: 'treated', label: 'Số người được điều trị khi bị tạm giữ, tạm giam' },
  { key: 'withFiles', label: 'Số người nghiện có hồ sơ trong tháng' },
  { key: 'reached', label: 'Số người nghiện được tiếp cận dịch vụ' },
  { key: 'population', label: 'Dân số' },
] as const;

export type MonthlyFigureKey = (typeof MONTHLY_FIGURES)[number]['key'];
export type MonthlyFigures = Record<MonthlyFigureKey, number>;
export const MONTHLY_FIGURE_KEYS: MonthlyFigureKey[] = MONTHLY_FIGURES.map((f) => f.key);

/** The coverage shares of a month with their targets and where each target comes from. */
export const MONTHLY_SHARES = [
  { key: 'coverage', label: 'Tỷ lệ người nghiện được tiếp cận dịch vụ', part: 'reached', whole: 'withFiles', target: COVERAGE_TARGET },
  { key: 'postRehab', label: 'Tỷ lệ người sau cai được hỗ trợ', part: 'supported', whole: 'supervised', target: POST_REHAB_TARGET },
  { key: 'detention', label: 'Tỷ lệ người bị tạm giữ, tạm giam được điều trị', part: 'treated', whole: 'held', target: DETENTION_TARGET },
  { key: 'filesOfResidents', label: 'Tỷ lệ người có hồ sơ trên dân số', part: 'filesOpen', whole: 'population', target: DRUG_COMPLEX_SHARE },
] as const satisfies readonly { key: string; label: string; part: MonthlyFigureKey; whole: MonthlyFigureKey; target: number }[];

export type MonthlyShareKey = (typeof MONTHLY_SHARES)[number]['key'];
export interface MonthlyShare {
  value: number;
  target: number;
  /** Whether the target is reached (for the 0.5% criterion: files reach 0.5% of residents). */
  met: boolean;
}

export function emptyFigures(): MonthlyFigures {
  return Object.fromEntries(MONTHLY_FIGURE_KEYS.map((k) => [k, 0])) as MonthlyFigures;
}

/** Sums figures key by key (a district or province from its communes). */
export function sumFigures(list: readonly MonthlyFigures[]): MonthlyFigures {
  const total = emptyFigures();
  for (const f of list) for (const k of MONTHLY_FIGURE_KEYS) total[k] += f[k] ?? 0;
  return total;
}

export function monthlyShares(f: MonthlyFigures): Record<MonthlyShareKey, MonthlyShare> {
  return Object.fromEntries(
    MONTHLY_SHARES.map((s) => {
      const value = share(f[s.part], f[s.whole]);
      // Compared in whole numbers where possible, so 5 files of 1,000 residents meets 0.5% exactly.
      const met = f[s.whole] > 0 && f[s.part] * 1000 >= Math.round(s.target * 1000) * f[s.whole];
      return [s.key, { value, target: s.target, met }];
    }),
  ) as Record<MonthlyShareKey, MonthlyShare>;
}

/** The keys whose two values differ (a submitted snapshot against the live figures). */
export function differingKeys(a: MonthlyFigures, b: MonthlyFigures): MonthlyFigureKey[] {
  return MONTHLY_FIGURE_KEYS.filter((k) => (a[k] ?? 0) !== (b[k] ?? 0));
}

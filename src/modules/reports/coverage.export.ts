import ExcelJS from 'exceljs';
import type { CoverageResult, UnitFigures } from './coverage.arithmetic.js';

/**
 * A stored report as the table the province sends upward: one row for the unit, one per direct
 * child, with Vietnamese headers. Shares are fractions (0.5 = 50%), as in the JSON, but rounded to
 * 4 decimals here, where people read them (the JSON carries the exact ratio); the XLSX shows them as
 * percentages with 2 decimals.
 */
export type ExportFormat = 'csv' | 'xlsx';

export type Cell = string | number | boolean | null;
interface Column {
  header: string;
  value: (f: UnitFigures) => Cell;
  percent?: boolean;
  /** A plain number rounded to this many decimals in the export (exact in the JSON). */
  decimals?: number;
}

const yesNo = (b: boolean | undefined) => (b === undefined ? null : b ? 'Có' : 'Không');

export const EXPORT_COLUMNS: Column[] = [
  { header: 'Mã đơn vị', value: (f) => f.unit.code },
  { header: 'Đơn vị', value: (f) => f.unit.name },
  { header: 'Số người nghiện có hồ sơ', value: (f) => f.withFiles },
  { header: 'Số người được tiếp cận dịch vụ', value: (f) => f.reachedServices },
  { header: 'Tỷ lệ', value: (f) => f.share, percent: true },
  { header: 'Mục tiêu', value: (f) => f.target, percent: true },
  { header: 'Điều trị nghiện tại cộng đồng', value: (f) => f.byService.community },
  { header: 'Điều trị methadone', value: (f) => f.byService.methadone },
  { header: 'Cai nghiện tại cơ sở', value: (f) => f.byService.facility },
  { header: 'Tư vấn', value: (f) => f.byService.counseling },
  { header: 'Hỗ trợ', value: (f) => f.byService.support },
  { header: 'Y tế', value: (f) => f.byService.medical },
  { header: 'Số người quản lý sau cai', value: (f) => f.postRehab.supervised },
  { header: 'Số người được hỗ trợ sau cai', value: (f) => f.postRehab.supported },
  { header: 'Tỷ lệ hỗ trợ sau cai', value: (f) => f.postRehab.share, percent: true },
  { header: 'Mục tiêu sau cai', value: (f) => f.postRehab.target, percent: true },
  { header: 'Số người nghiện đang bị tạm giữ, tạm giam', value: (f) => f.detention.held },
  { header: 'Số người bị tạm giữ, tạm giam được điều trị', value: (f) => f.detention.treated },
  { header: 'Tỷ lệ điều trị khi bị tạm giữ, tạm giam', value: (f) => f.detention.share, percent: true },
  { header: 'Mục tiêu điều trị khi bị tạm giữ, tạm giam', value: (f) => f.detention.target, percent: true },
  { header: 'Dân số', value: (f) => f.rates?.population ?? null },
  { header: 'Số người có hồ sơ quản lý (sử dụng và nghiện)', value: (f) => f.rates?.peopleWithFiles ?? null },
  { header: 'Số người có hồ sơ trên 1.000 dân', value: (f) => f.rates?.filesPer1000 ?? null, decimals: 2 },
  { header: 'Đạt tiêu chí 0,5% dân số (xã trọng điểm về ma túy)', value: (f) => yesNo(f.rates?.drugComplexCriterion) },
];

/** Decimals a share keeps in the export (4: 2/3 is 0.6667, shown as 66.67% in the XLSX). */
export const EXPORT_SHARE_DECIMALS = 4;

/** A share as the export shows it: rounded to `EXPORT_SHARE_DECIMALS` decimals. */
export function exportShare(value: number): number {
  const scale = 10 ** EXPORT_SHARE_DECIMALS;
  return Math.round(value * scale) / scale;
}

export function exportRows(report: CoverageResult): Cell[][] {
  return [report, ...report.children].map((f) =>
    EXPORT_COLUMNS.map((c) => {
      const v = c.value(f);
      if (typeof v !== 'number') return v;
      if (c.percent) return exportShare(v);
      return c.decimals === undefined ? v : Math.round(v * 10 ** c.decimals) / 10 ** c.decimals;
    }),
  );
}

/** Text a spreadsheet would read as a formula (= + - @, tab, carriage return first) gets a leading quote. */
export function defuseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A text cell that a spreadsheet would read as a formula is quoted (CSV injection). */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? defuseFormula(v) : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so Excel shows the Vietnamese diacritics. */
export function toCsv(report: CoverageResult): Buffer {
  const lines = [EXPORT_COLUMNS.map((c) => c.header), ...exportRows(report)].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(report: CoverageResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  const ws = wb.addWorksheet('Bao cao bao phu');
  ws.addRow([`Báo cáo tỷ lệ tiếp cận dịch vụ: ${report.unit.name}, từ ${report.from} đến ${report.to}`]);
  const header = ws.addRow(EXPORT_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  for (const row of exportRows(report)) ws.addRow(row);
  EXPORT_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, Math.min(40, c.header.length + 2));
    if (c.percent) col.numFmt = '0.00%';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

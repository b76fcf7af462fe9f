import ExcelJS from 'exceljs';
import { csvCell, defuseFormula, exportShare, type Cell } from './coverage.export.js';
import { MONTHLY_FIGURES, MONTHLY_SHARES, type MonthlyFigures, type MonthlyShare, type MonthlyShareKey } from './monthly-figures.js';

/**
 * A monthly report as a province files it: a title block (unit, period, submitted by and when),
 * then one sheet per unit level (Tỉnh, Huyện, Xã), a row per unit with Vietnamese headers. Every
 * text cell a spreadsheet could take for a formula is defused, in the XLSX as in the CSV.
 */
export interface ExportSheetRow {
  code: string;
  name: string;
  figures: MonthlyFigures;
  shares: Record<MonthlyShareKey, MonthlyShare>;
  /** For a commune, who submitted; for a unit above, "submitted / communes". */
  submittedByName: string | null;
  submittedAt: string | null;
  notSubmitted?: boolean;
}

export interface MonthlyExport {
  unitName: string;
  month: string;
  from: string;
  to: string;
  submittedBy: string;
  submittedAt: string | null;
  /** Rows by unit level: province, district, commune. */
  levels: Record<string, ExportSheetRow[]>;
}

const LEVELS = [
  { level: 'province', sheet: 'Tỉnh' },
  { level: 'district', sheet: 'Huyện' },
  { level: 'commune', sheet: 'Xã' },
] as const;

const HEADERS = [
  'Mã đơn vị',
  'Đơn vị',
  'Người nộp / số xã đã nộp',
  'Thời điểm nộp',
  ...MONTHLY_FIGURES.map((f) => f.label),
  ...MONTHLY_SHARES.flatMap((s) => [s.label, `Mục tiêu: ${s.label.toLowerCase()}`]),
];
/** Columns (1-based) that hold shares, shown as percentages. */
const SHARE_COLUMNS = MONTHLY_SHARES.flatMap((_, i) => [4 + MONTHLY_FIGURES.length + 2 * i + 1, 4 + MONTHLY_FIGURES.length + 2 * i + 2]);

function cells(r: ExportSheetRow): Cell[] {
  return [
    r.code,
    r.name,
    r.notSubmitted ? 'Chưa nộp' : r.submittedByName,
    r.submittedAt,
    ...MONTHLY_FIGURES.map((f) => (r.notSubmitted ? null : r.figures[f.key])),
    ...MONTHLY_SHARES.flatMap((s) => (r.notSubmitted ? [null, s.target] : [exportShare(r.shares[s.key].value), s.target])),
  ];
}

function titleLines(doc: MonthlyExport): string[] {
  return [
    `Báo cáo tháng ${doc.month.slice(5)}/${doc.month.slice(0, 4)} về công tác cai nghiện và quản lý sau cai`,
    `Đơn vị: ${doc.unitName}`,
    `Kỳ báo cáo: từ ${doc.from} đến ${doc.to}`,
    `Người nộp: ${doc.submittedBy}${doc.submittedAt ? `, lúc ${doc.submittedAt}` : ''}`,
  ];
}

/** UTF-8 with a byte-order mark; the title block, then each level's rows under its own heading. */
export function monthlyCsv(doc: MonthlyExport): Buffer {
  const lines: string[] = titleLines(doc).map((t) => csvCell(t));
  for (const { level, sheet } of LEVELS) {
    const rows = doc.levels[level];
    if (!rows?.length) continue;
    lines.push('', csvCell(`Cấp: ${sheet}`), HEADERS.map(csvCell).join(','));
    for (const r of rows) lines.push(cells(r).map(csvCell).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function monthlyXlsx(doc: MonthlyExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  for (const { level, sheet } of LEVELS) {
    const rows = doc.levels[level];
    if (!rows?.length) continue;
    const ws = wb.addWorksheet(sheet);
    for (const line of titleLines(doc)) ws.addRow([defuseFormula(line)]);
    ws.getRow(1).font = { bold: true };
    ws.addRow([]);
    const header = ws.addRow(HEADERS);
    header.font = { bold: true };
    for (const r of rows) ws.addRow(cells(r).map((c) => (typeof c === 'string' ? defuseFormula(c) : c)));
    HEADERS.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.max(10, Math.min(36, h.length + 2));
    });
    for (const c of SHARE_COLUMNS) ws.getColumn(c).numFmt = '0.00%';
  }
  if (!wb.worksheets.length) wb.addWorksheet('Xã').addRow(titleLines(doc));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

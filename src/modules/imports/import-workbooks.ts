import ExcelJS from 'exceljs';
import { COLUMNS, type RowError } from './person-rows.js';

export const DATA_SHEET = 'Danh sách';
export const NOTES_SHEET = 'Hướng dẫn';
export const UNITS_SHEET = 'Đơn vị';
export const ERROR_HEADER = 'Lỗi';
export const ROW_HEADER = 'Dòng trong tệp gốc';

/** Text columns keep what is typed (leading zeros of an id, a date typed as text). */
const TEXT_FIELDS = new Set(['nationalId', 'phone', 'unitCode', 'dateOfBirth', 'registeredOn', 'managementDecisionOn']);

export interface UnitListing {
  code: string;
  name: string;
}

/**
 * The register template: the columns of a person file with one example row (left in place, it is
 * skipped on import), a notes sheet on every column, and the caller's communes with their codes.
 */
export async function templateWorkbook(units: UnitListing[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow(COLUMNS.map((c) => (c.required ? `${c.header} *` : c.header)));
  header.font = { bold: true };
  const example = ws.addRow(
    COLUMNS.map((c) => (c.field === 'unitCode' ? (units[0]?.code ?? '') : c.field === 'unitName' ? (units[0]?.name ?? '') : c.example)),
  );
  example.font = { italic: true, color: { argb: 'FF808080' } };
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(14, Math.min(36, c.header.length + 4));
    if (TEXT_FIELDS.has(c.field)) col.numFmt = '@';
  });

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.addRow(['Cột', 'Bắt buộc', 'Giá trị hợp lệ và ghi chú']).font = { bold: true };
  for (const c of COLUMNS) notes.addRow([c.header, c.required ? 'Có' : 'Không', c.note]);
  notes.addRow([]);
  for (const line of [
    'Các cột có thể theo thứ tự bất kỳ; tên cột có hoặc không dấu đều được. Cột không có trong danh sách trên được bỏ qua.',
    'Dòng ví dụ (chữ nghiêng, họ tên "Nguyễn Văn Mẫu") được bỏ qua khi nhập; có thể xóa hoặc để nguyên.',
    'Dòng lỗi bị từ chối kèm lý do, các dòng khác vẫn được nhập. Tải "báo cáo lỗi", sửa các dòng đó rồi nhập lại tệp báo cáo.',
    'Nhập lại cùng một tệp không tạo hồ sơ trùng: hồ sơ đang mở cùng số CCCD (hoặc, khi không có số CCCD, cùng họ tên, ngày sinh và đơn vị cư trú) được cập nhật.',
    'Nhận tệp .xlsx (trang tính đầu tiên) hoặc .csv UTF-8 (phân cách bằng dấu phẩy, chấm phẩy hoặc tab).',
  ]) {
    notes.addRow(['', '', line]);
  }
  notes.getColumn(1).width = 30;
  notes.getColumn(2).width = 10;
  notes.getColumn(3).width = 110;
  notes.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  const unitSheet = wb.addWorksheet(UNITS_SHEET);
  unitSheet.addRow(['Mã đơn vị cư trú', 'Tên đơn vị cư trú']).font = { bold: true };
  for (const u of units) unitSheet.addRow([u.code, u.name]);
  unitSheet.getColumn(1).numFmt = '@';
  unitSheet.getColumn(1).width = 20;
  unitSheet.getColumn(2).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface RejectedRow {
  row: number;
  values: string[];
  errors: Omit<RowError, 'row'>[];
}

const describe = (e: Omit<RowError, 'row'>) => (e.column ? `${e.column}: ${e.message}` : e.message);

/**
 * The rejected rows with their original values, the row they came from and why: the worker fixes
 * the values in this file and imports it again (the two added columns are ignored on import).
 */
export async function errorWorkbook(headers: string[], rows: RejectedRow[], fileErrors: RowError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow([...headers, ROW_HEADER, ERROR_HEADER]);
  header.font = { bold: true };
  for (const e of fileErrors) ws.addRow([...headers.map(() => null), e.row || null, describe(e)]);
  for (const r of rows) ws.addRow([...headers.map((_h, i) => r.values[i] || null), r.row, r.errors.map(describe).join('; ')]);
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, Math.min(36, h.length + 4));
    col.numFmt = '@';
  });
  ws.getColumn(headers.length + 1).width = 12;
  ws.getColumn(headers.length + 2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

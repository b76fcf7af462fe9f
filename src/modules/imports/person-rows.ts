import { cleanText } from '../../common/http/invisible.js';
import { foldText } from '../../common/text/fold.js';
import { VI } from '../../common/i18n/messages.vi.js';
import type { IsoDate } from '../../common/time/dates.js';
import { NATIONAL_ID, PHONE } from '../persons/dto/person.dto.js';
import type { PersonStatus, Sex } from '../persons/person.entity.js';
import { EARLIEST_DATE } from '../persons/person-rules.js';

/**
 * Rows of a person register as people type them, turned into person-file values (SPEC 3) or into
 * reasons a worker can act on. Pure: no database, no clock (today is passed in).
 */

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number the worker sees in the spreadsheet (the header is row 1 unless preceded by titles). */
  row: number;
  cells: CellValue[];
}

export const IMPORT_FIELDS = [
  'fullName',
  'dateOfBirth',
  'sex',
  'nationalId',
  'unitCode',
  'unitName',
  'address',
  'phone',
  'status',
  'substances',
  'registeredOn',
  'managementDecisionOn',
  'inDetention',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ColumnSpec {
  field: ImportField;
  /** The header of the template. */
  header: string;
  /** Other headers seen in registers, compared folded (no diacritics, lower case, no punctuation). */
  aliases: string[];
  required: boolean;
  /** What the notes sheet of the template says about the column. */
  note: string;
  example: string;
}

export const COLUMNS: ColumnSpec[] = [
  {
    field: 'fullName',
    header: 'Họ và tên',
    aliases: ['ho ten', 'ten', 'ho va ten nguoi su dung', 'full name', 'fullname', 'name'],
    required: true,
    note: 'Bắt buộc. Họ và tên đầy đủ, có dấu. Khoảng trắng thừa được bỏ.',
    example: 'Nguyễn Văn Mẫu',
  },
  {
    field: 'dateOfBirth',
    header: 'Ngày sinh',
    aliases: ['ngay thang nam sinh', 'sinh ngay', 'date of birth', 'dateofbirth', 'dob'],
    required: true,
    note: 'Bắt buộc. Ngày đầy đủ dạng dd/mm/yyyy (ví dụ 05/03/1990 hoặc 5/3/1990) hoặc ô kiểu ngày của Excel. Không nhận chỉ năm sinh.',
    example: '05/03/1990',
  },
  {
    field: 'sex',
    header: 'Giới tính',
    aliases: ['gioi', 'phai', 'sex', 'gender'],
    required: true,
    note: 'Bắt buộc. "Nam" hoặc "Nữ" (có hoặc không dấu), hoặc male / female.',
    example: 'Nam',
  },
  {
    field: 'nationalId',
    header: 'Số CCCD',
    aliases: [
      'cccd',
      'so can cuoc',
      'so can cuoc cong dan',
      'can cuoc cong dan',
      'so dinh danh',
      'so dinh danh ca nhan',
      'cmnd cccd',
      'so cmnd cccd',
      'national id',
      'nationalid',
    ],
    required: false,
    note: 'Không bắt buộc. Đúng 12 chữ số (dấu cách, dấu chấm được bỏ qua); nên nhập ô dạng văn bản để giữ số 0 ở đầu. Hồ sơ đang mở có cùng số CCCD sẽ được cập nhật thay vì tạo mới.',
    example: '001090012345',
  },
  {
    field: 'unitCode',
    header: 'Mã đơn vị cư trú',
    aliases: ['ma don vi', 'ma xa', 'ma xa phuong', 'ma don vi hanh chinh', 'unit code', 'residence unit code'],
    required: false,
    note: 'Mã xã/phường nơi cư trú. Cần mã hoặc tên đơn vị; nếu có cả hai thì dùng mã. Đơn vị phải là xã/phường thuộc phạm vi quản lý của người nhập.',
    example: '',
  },
  {
    field: 'unitName',
    header: 'Tên đơn vị cư trú',
    aliases: ['don vi cu tru', 'ten don vi', 'xa phuong', 'xa phuong thi tran', 'ten xa', 'ten xa phuong', 'xa', 'phuong', 'unit name', 'residence unit'],
    required: false,
    note: 'Tên xã/phường nơi cư trú (có hoặc không dấu, có hoặc không chữ "Xã"/"Phường"), tìm trong phạm vi quản lý của người nhập. Tên trùng với nhiều đơn vị thì dòng bị từ chối: hãy dùng mã đơn vị.',
    example: '',
  },
  {
    field: 'address',
    header: 'Địa chỉ',
    aliases: ['dia chi cu tru', 'dia chi thuong tru', 'noi o hien nay', 'address'],
    required: false,
    note: 'Không bắt buộc. Số nhà, thôn/tổ, đường. Được lưu mã hóa.',
    example: 'Số 12, thôn Phú Hòa',
  },
  {
    field: 'phone',
    header: 'Số điện thoại',
    aliases: ['dien thoai', 'sdt', 'so dt', 'dt', 'phone', 'phone number'],
    required: false,
    note: 'Không bắt buộc. Ví dụ 0912 345 678 hoặc +84 912 345 678 (6-20 ký tự: chữ số, dấu cách, + . ( ) -). Được lưu mã hóa.',
    example: '0912345678',
  },
  {
    field: 'status',
    header: 'Tình trạng (sử dụng/nghiện)',
    aliases: ['tinh trang', 'phan loai', 'doi tuong', 'status'],
    required: true,
    note: 'Bắt buộc. "Sử dụng" (sử dụng trái phép chất ma túy, xã quản lý) hoặc "Nghiện" (đã được xác định nghiện), có hoặc không dấu; hoặc using / addicted.',
    example: 'Nghiện',
  },
  {
    field: 'substances',
    header: 'Chất sử dụng',
    aliases: ['chat ma tuy', 'chat ma tuy su dung', 'loai ma tuy', 'loai ma tuy su dung', 'substances'],
    required: false,
    note: 'Không bắt buộc. Tối đa 20 chất, mỗi chất tối đa 50 ký tự, cách nhau bằng dấu phẩy hoặc chấm phẩy (ví dụ: heroin, methamphetamine). Để trống: hồ sơ đã có giữ nguyên.',
    example: 'heroin, methamphetamine',
  },
  {
    field: 'registeredOn',
    header: 'Ngày lập hồ sơ',
    aliases: ['ngay lap', 'ngay mo ho so', 'registered on', 'registeredon'],
    required: false,
    note: 'Không bắt buộc, dạng dd/mm/yyyy. Để trống: ngày nhập. Không sửa được ngày lập của hồ sơ đã có.',
    example: '15/01/2024',
  },
  {
    field: 'managementDecisionOn',
    header: 'Ngày quyết định quản lý',
    aliases: ['ngay quyet dinh', 'ngay ra quyet dinh quan ly', 'ngay qd quan ly', 'management decision on', 'managementdecisionon'],
    required: false,
    note: 'Ngày quyết định quản lý của xã, dạng dd/mm/yyyy, cho người "Sử dụng" (thời hạn quản lý 1 năm tính từ ngày này). Để trống nếu chưa có.',
    example: '',
  },
  {
    field: 'inDetention',
    header: 'Đang bị tạm giữ, tạm giam',
    aliases: ['dang bi tam giu', 'tam giu', 'tam giu tam giam', 'dang tam giu tam giam', 'in detention', 'indetention'],
    required: false,
    note: 'Không bắt buộc. "Có" hoặc "Không" (có/không dấu, x = có). Để trống: không (hồ sơ đã có thì giữ nguyên).',
    example: 'Không',
  },
];


export const COLUMN_OF = new Map(COLUMNS.map((c) => [c.field, c]));

/** Lower case, no diacritics (đ → d), punctuation as spaces, spaces collapsed: how headers and names are compared. */
export const fold = (text: string): string => foldText(text, { punctuation: 'space' });


function foldHeader(text: string): string {
  // "Ngày sinh (dd/mm/yyyy)", "Họ và tên *": the parenthesised hint and marks do not name the column.
  return fold(text.replace(/\([^)]*\)/g, ' '));
}

const FIELD_OF_HEADER = new Map<string, ImportField>();
for (const c of COLUMNS) {
  for (const h of [c.header, ...c.aliases]) FIELD_OF_HEADER.set(foldHeader(h), c.field);
  FIELD_OF_HEADER.set(fold(c.header), c.field);
}

export interface HeaderProblem {
  column: string;
  code: 'missing_column' | 'duplicate_column';
  message: string;
}

export interface HeaderMap {
  /** Index in `cells` of each recognised field. */
  index: Partial<Record<ImportField, number>>;
  /** The headers as written in the file (for the error report). */
  headers: string[];
}

/** Matches the header row, in any order, with or without diacritics; unknown headers are ignored. */
export function mapHeaders(cells: CellValue[]): { map: HeaderMap; problems: HeaderProblem[] } {
  const headers = cells.map((c) => (c === null ? '' : cleanText(String(c))));
  const index: Partial<Record<ImportField, number>> = {};
  const problems: HeaderProblem[] = [];
  headers.forEach((h, i) => {
    if (!h) return;
    const field = FIELD_OF_HEADER.get(foldHeader(h)) ?? FIELD_OF_HEADER.get(fold(h));
    if (!field) return;
    if (index[field] !== undefined) {
      problems.push({ column: h, code: 'duplicate_column', message: VI.header.duplicateColumn(COLUMN_OF.get(field)!.header) });
      return;
    }
    index[field] = i;
  });
  for (const c of COLUMNS) {
    if (c.required && index[c.field] === undefined) problems.push({ column: c.header, code: 'missing_column', message: VI.header.missingColumn(c.header) });
  }
  if (index.unitCode === undefined && index.unitName === undefined) {
    problems.push({ column: COLUMN_OF.get('unitCode')!.header, code: 'missing_column', message: VI.header.missingUnitColumn });
  }
  return { map: { index, headers }, problems };
}

/** Up to this many leading rows are searched for the header row (registers often start with a title). */
export const HEADER_SEARCH_ROWS = 10;

/** The first row that names the required columns; titles above it are skipped. */
export function findHeaderRow(rows: SheetRow[]): number {
  let best = 0;
  let bestScore = -1;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const score = mapHeaders(r.cells).problems.length;
    const recognised = Object.keys(mapHeaders(r.cells).map.index).length;
    if (recognised > 0 && (bestScore === -1 || score < bestScore)) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

export type RowErrorCode =
  | 'required'
  | 'invalid_date'
  | 'future_date'
  | 'date_order'
  | 'invalid_sex'
  | 'invalid_status'
  | 'invalid_national_id'
  | 'invalid_phone'
  | 'invalid_boolean'
  | 'too_long'
  | 'unknown_unit'
  | 'unit_out_of_scope'
  | 'unit_not_commune'
  | 'ambiguous_unit'
  | 'duplicate_in_file'
  | 'ambiguous_match'
  | 'file_out_of_scope'
  | 'national_id_refused'
  | 'possible_duplicate'
  | 'batch_failed'
  | 'update_refused'
  // Problems with the file as a whole:
  | 'unreadable_file'
  | 'file_too_large'
  | 'missing_column'
  | 'duplicate_column'
  | 'not_allowed'
  // Not the file's fault: the reader failed, or the file stopped its worker twice.
  | 'reader_failed'
  | 'worker_crashed';

export interface RowError {
  row: number;
  /** The column header as the template names it. */
  column: string;
  field: ImportField | null;
  code: RowErrorCode;
  /** In Vietnamese, for the worker; never quotes the value. */
  message: string;
}

/** A row whose values are all well formed; the unit is still a reference to resolve. */
export interface PersonRow {
  row: number;
  fullName: string;
  dateOfBirth: IsoDate;
  sex: Sex;
  nationalId: string | null;
  unitCode: string | null;
  unitName: string | null;
  /** null: not given (an existing file keeps its value). */
  address: string | null;
  phone: string | null;
  status: PersonStatus;
  substances: string[] | null;
  registeredOn: IsoDate | null;
  managementDecisionOn: IsoDate | null;
  inDetention: boolean | null;
}

// The limits of a person file (src/modules/persons/dto/person.dto.ts).
export const MAX_NAME = 200;
export const MAX_ADDRESS = 500;
export const MAX_SUBSTANCE = 50;
export const MAX_SUBSTANCES = 20;

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): IsoDate | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Excel serial day numbers count from 1899-12-30 (the 1900 leap-year bug included). */
function fromExcelSerial(serial: number): IsoDate | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** dd/mm/yyyy, d/m/yyyy (also with '.' or '-'), yyyy-mm-dd, an Excel date cell or serial. */
export function parseDate(value: CellValue): IsoDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    // Excel date cells carry no zone: the reader gives them as midnight UTC.
    return isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return fromExcelSerial(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

const SEX_OF = new Map<string, Sex>([
  ['nam', 'male'],
  ['nu', 'female'],
  ['male', 'male'],
  ['female', 'female'],
]);

const STATUS_OF = new Map<string, PersonStatus>([
  ['su dung', 'using'],
  ['nguoi su dung', 'using'],
  ['su dung trai phep', 'using'],
  ['su dung trai phep chat ma tuy', 'using'],
  ['nguoi su dung trai phep chat ma tuy', 'using'],
  ['using', 'using'],
  ['nghien', 'addicted'],
  ['nguoi nghien', 'addicted'],
  ['nghien ma tuy', 'addicted'],
  ['nguoi nghien ma tuy', 'addicted'],
  ['addicted', 'addicted'],
]);

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dang tam giu', 'dang tam giam', 'tam giu', 'tam giam']);
const NO = new Set(['khong', 'no', 'false', '0']);

/**
 * 12 digits. Spaces, dots and dashes are ignored. A number cell lost its leading zeros in Excel
 * (every CCCD starts with a 0-prefixed province code), so a number of 9-11 digits is padded back.
 */
export function parseNationalId(value: CellValue): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return undefined;
    const digits = String(value);
    return digits.length <= 12 && digits.length >= 9 ? digits.padStart(12, '0') : undefined;
  }
  const s = String(value).replace(/[\s.-]/g, '');
  return NATIONAL_ID.test(s) ? s : undefined;
}

/** The rule of a person file's phone; a number cell of 9-10 digits lost its leading 0 in Excel. */
export function parsePhone(value: CellValue): string | undefined {
  if (typeof value === 'number') {
    const digits = String(value);
    if (!/^[1-9]\d{8,9}$/.test(digits)) return undefined;
    return `0${digits}`;
  }
  const s = cleanText(String(value));
  return PHONE.test(s) && /\d{6}/.test(s.replace(/\D/g, '')) ? s : undefined;
}

/** Phones compare by their digits: "0912 345 678" and "0912345678" are one number. */
export const phoneDigits = (phone: string) => phone.replace(/[^\d+]/g, '');

function cellString(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return cleanText(String(value));
}

const isBlank = (v: CellValue) => v === null || (typeof v === 'string' && cleanText(v) === '');

/**
 * The template's example row, left in place: skipped, so downloading the template and filling it
 * in below the example never files the example person.
 */
export function isTemplateExample(r: SheetRow, map: HeaderMap): boolean {
  const at = (field: ImportField) => {
    const i = map.index[field];
    const v = i === undefined ? null : (r.cells[i] ?? null);
    return v === null ? '' : cellString(v);
  };
  const example = (field: ImportField) => COLUMN_OF.get(field)!.example;
  return (
    fold(at('fullName')) === fold(example('fullName')) &&
    at('nationalId') === example('nationalId') &&
    parseDate(at('dateOfBirth')) === parseDate(example('dateOfBirth'))
  );
}

/** True when every cell of the row is empty (such rows are skipped, not counted). */
export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every(isBlank);
}

/** Validates one row's values; the unit, duplicates and scope are checked afterwards. */
export function readPersonRow(r: SheetRow, map: HeaderMap, today: IsoDate): { person?: PersonRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: ImportField, code: RowErrorCode, message: string) =>
    errors.push({ row: r.row, column: COLUMN_OF.get(field)!.header, field, code, message });
  const raw = (field: ImportField): CellValue => {
    const i = map.index[field];
    if (i === undefined) return null;
    const v = r.cells[i] ?? null;
    return isBlank(v) ? null : v;
  };
  const text = (field: ImportField): string | null => {
    const v = raw(field);
    return v === null ? null : cellString(v);
  };
  const date = (field: ImportField, required: boolean): IsoDate | null => {
    const v = raw(field);
    if (v === null) {
      if (required) fail(field, 'required', VI.cell.required);
      return null;
    }
    const iso = parseDate(v);
    if (!iso || iso < EARLIEST_DATE) {
      fail(field, 'invalid_date', VI.cell.invalidDate);
      return null;
    }
    if (iso > today) {
      fail(field, 'future_date', VI.cell.futureDate);
      return null;
    }
    return iso;
  };

  const fullName = text('fullName');
  if (!fullName) fail('fullName', 'required', VI.cell.required);
  else if (fullName.length > MAX_NAME) fail('fullName', 'too_long', VI.cell.tooLong(MAX_NAME));

  const dateOfBirth = date('dateOfBirth', true);

  const sexText = text('sex');
  const sex = sexText === null ? undefined : SEX_OF.get(fold(sexText));
  if (sexText === null) fail('sex', 'required', VI.cell.required);
  else if (!sex) fail('sex', 'invalid_sex', VI.cell.invalidSex);

  const nidRaw = raw('nationalId');
  const nationalId = nidRaw === null ? null : (parseNationalId(nidRaw) ?? null);
  if (nidRaw !== null && !nationalId) fail('nationalId', 'invalid_national_id', VI.cell.invalidNationalId);

  const unitCode = text('unitCode');
  const unitName = text('unitName');
  if (!unitCode && !unitName) {
    fail(map.index.unitCode !== undefined ? 'unitCode' : 'unitName', 'required', VI.cell.unitRequired);
  }

  const address = text('address');
  if (address && address.length > MAX_ADDRESS) fail('address', 'too_long', VI.cell.tooLong(MAX_ADDRESS));

  const phoneRaw = raw('phone');
  const phone = phoneRaw === null ? null : (parsePhone(phoneRaw) ?? null);
  if (phoneRaw !== null && !phone) fail('phone', 'invalid_phone', VI.cell.invalidPhone);

  const statusText = text('status');
  const status = statusText === null ? undefined : STATUS_OF.get(fold(statusText));
  if (statusText === null) fail('status', 'required', VI.cell.required);
  else if (!status) fail('status', 'invalid_status', VI.cell.invalidStatus);

  const substancesText = text('substances');
  let substances: string[] | null = null;
  if (substancesText !== null) {
    substances = [...new Set(substancesText.split(/[,;\n]/).map(cleanText).filter(Boolean))];
    if (substances.some((s) => s.length > MAX_SUBSTANCE)) fail('substances', 'too_long', VI.cell.substanceTooLong(MAX_SUBSTANCE));
    else if (substances.length > MAX_SUBSTANCES) fail('substances', 'too_long', VI.cell.tooManySubstances(MAX_SUBSTANCES));
  }

  const registeredOn = date('registeredOn', false);
  const managementDecisionOn = date('managementDecisionOn', false);
  if (dateOfBirth && registeredOn && registeredOn < dateOfBirth) {
    fail('registeredOn', 'date_order', VI.cell.registeredBeforeBirth);
  }
  if (dateOfBirth && managementDecisionOn && managementDecisionOn < dateOfBirth) {
    fail('managementDecisionOn', 'date_order', VI.cell.decisionBeforeBirth);
  }

  const detentionText = text('inDetention');
  let inDetention: boolean | null = null;
  if (detentionText !== null) {
    const f = fold(detentionText);
    if (YES.has(f)) inDetention = true;
    else if (NO.has(f)) inDetention = false;
    else fail('inDetention', 'invalid_boolean', VI.cell.invalidBoolean);
  }

  if (errors.length) return { errors };
  return {
    errors,
    person: {
      row: r.row,
      fullName: fullName!,
      dateOfBirth: dateOfBirth!,
      sex: sex!,
      nationalId,
      unitCode,
      unitName,
      address,
      phone,
      status: status!,
      substances,
      registeredOn,
      managementDecisionOn,
      inDetention,
    },
  };
}

/** The original values of a row, as text, for the error report. */
export function rowValues(r: SheetRow, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < width; i++) {
    const v = r.cells[i] ?? null;
    out.push(v instanceof Date ? (parseDate(v) ?? '').split('-').reverse().join('/') : cellString(v));
  }
  return out;
}

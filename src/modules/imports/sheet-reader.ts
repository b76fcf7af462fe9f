import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { CellValue, SheetRow } from './person-rows.js';

export type SheetFormat = 'xlsx' | 'csv';

/** A file that cannot be read as a register at all; the message is for the worker, in Vietnamese. */
export class UnreadableFile extends Error {}

/** The most rows one import takes; a bigger register is split into several files. */
export const MAX_ROWS = 200_000;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * XLSX by its content (a zip), CSV otherwise; old binary .xls is refused with a hint. The file
 * name only helps to word the refusal.
 */
export function detectFormat(bytes: Buffer): SheetFormat | { problem: string } {
  if (bytes.length === 0) return { problem: 'file is empty' };
  if (bytes.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (bytes.subarray(0, 4).equals(OLE)) return { problem: 'old .xls files are not supported: save the file as .xlsx or CSV UTF-8' };
  if (bytes.includes(0) && !isUtf16(bytes)) return { problem: 'file is neither XLSX nor CSV' };
  return 'csv';
}

const isUtf16 = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

export async function readSheet(bytes: Buffer, format: SheetFormat): Promise<SheetRow[]> {
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

// ---- XLSX ----

type ExcelValue = ExcelJS.CellValue | undefined;

function excelCell(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join('');
    if ('result' in v) return excelCell(v.result as ExcelValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
  }
  return null;
}

/** The first worksheet, streamed (a 100,000-row register is read in a few seconds). */
async function readXlsx(bytes: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      // Styles tell date cells from numbers.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelValue[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
        rows.push({ row: row.number, cells });
        if (rows.length > MAX_ROWS + 1) throw new UnreadableFile(`Tệp có quá ${MAX_ROWS} dòng: hãy chia thành nhiều tệp`);
      }
      break;
    }
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile('Không đọc được tệp XLSX');
  }
  return rows;
}

// ---- CSV ----

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableFile('Tệp CSV phải dùng bảng mã UTF-8 (trong Excel: Lưu thành "CSV UTF-8")');
  }
}

/** The separator used by the first line: comma, semicolon (Excel in some locales) or tab. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180: quoted fields may hold separators, quotes ("") and line breaks. */
export function parseCsv(text: string): SheetRow[] {
  const d = detectDelimiter(text);
  const rows: SheetRow[] = [];
  let cells: CellValue[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let i = 0;
  const endField = () => {
    cells.push(field === '' ? null : field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push({ row: rowStart, cells });
    if (rows.length > MAX_ROWS + 1) throw new UnreadableFile(`Tệp có quá ${MAX_ROWS} dòng: hãy chia thành nhiều tệp`);
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === d) endField();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      rowStart = line;
    } else field += ch;
    i++;
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}

function readCsv(bytes: Buffer): SheetRow[] {
  return parseCsv(decodeText(bytes).replace(/^\uFEFF/, ''));
}

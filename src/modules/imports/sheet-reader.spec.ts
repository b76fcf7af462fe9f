import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { repeatedDeflate, sheetXml, sstXml, xlsxOfParts, zip } from '../../../test/support/zip-writer.js';
import { templateWorkbook } from './import-workbooks.js';
import type { CellValue, SheetRow } from './person-rows.js';
import { DEFAULT_SHEET_LIMITS, FileTooLarge, parseCsv, ReaderFailure, readSheet, UnreadableFile, type SheetLimits } from './sheet-reader.js';

/**
 * The XLSX reader (issue 14.1, 15.2): registers written by Excel-like (ExcelJS), SheetJS and
 * LibreOffice-like writers read the same every time, whatever the order of their parts; files past
 * the limits are refused, row-free, before what they hold is kept; a fault of the reader is ours.
 */

// Reading files of hundreds of megabytes unpacked takes a few seconds, more on a busy machine.
jest.setTimeout(180_000);

const DOB = new Date(Date.UTC(1990, 4, 3));
const HEADERS = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mã đơn vị cư trú', 'Ghi chú'];
/** What each writer's file must read back as (rows 1-4; cells by column from A). */
const EXPECTED: SheetRow[] = [
  { row: 1, cells: HEADERS },
  { row: 2, cells: ['Nguyễn Văn An', DOB, 'Nam', '001090000001', 'XA-01', 'đã chuyển'] },
  { row: 3, cells: ['Trần Thị Bích', DOB, 'Nữ', '001090000002', 'XA-01'] },
  { row: 4, cells: ['Lê Đức', 32996, 'Nam', null, 'XA-02', 42.5] },
];

async function excelLike(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(HEADERS);
  ws.addRow(['Nguyễn Văn An', DOB, 'Nam', '001090000001', 'XA-01', { richText: [{ text: 'đã ' }, { font: { bold: true }, text: 'chuyển' }] }]);
  ws.addRow(['Trần Thị Bích', DOB, 'Nữ', '001090000002', 'XA-01']);
  ws.addRow(['Lê Đức', 32996, 'Nam', undefined, 'XA-02', { formula: 'A1*0', result: 42.5 }]);
  ws.getColumn(2).eachCell((c, n) => {
    if (n === 2 || n === 3) c.numFmt = 'dd/mm/yyyy';
  });
  wb.addWorksheet('Hướng dẫn').addRow(['not read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetJs(bookSST: boolean): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(
    [HEADERS, ['Nguyễn Văn An', DOB, 'Nam', '001090000001', 'XA-01', 'đã chuyển'], ['Trần Thị Bích', DOB, 'Nữ', '001090000002', 'XA-01'], ['Lê Đức', 32996, 'Nam', null, 'XA-02', 42.5]],
    { cellDates: true, dateNF: 'dd/mm/yyyy' },
  );
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Danh sach');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['not read']]), 'Huong dan');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST }) as Buffer;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * As LibreOffice Calc writes it: the sheet before the shared strings and the workbook, cells typed
 * `s` with a few inline strings, dates as serials under a custom DD/MM/YYYY style, rows with spans.
 */
function libreOfficeLike(): Buffer {
  const shared = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mã đơn vị cư trú', 'Ghi chú', 'Nguyễn Văn An', 'Nam', 'XA-01', 'Trần Thị Bích', 'Nữ'];
  const s = (col: string, row: number, text: string) => `<c r="${col}${row}" s="0" t="s"><v>${shared.indexOf(text)}</v></c>`;
  const inline = (col: string, row: number, text: string) => `<c r="${col}${row}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
  const rows = [
    `<row r="1" spans="1:6">${HEADERS.map((h, i) => s('ABCDEF'[i], 1, h)).join('')}</row>`,
    `<row r="2" spans="1:6">${s('A', 2, 'Nguyễn Văn An')}<c r="B2" s="1" t="n"><v>32996</v></c>${s('C', 2, 'Nam')}${inline('D', 2, '001090000001')}${s('E', 2, 'XA-01')}<c r="F2" t="inlineStr"><is><r><t>đã </t></r><r><rPr><b/></rPr><t>chuyển</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>`,
    `<row r="3" spans="1:6">${s('A', 3, 'Trần Thị Bích')}<c r="B3" s="1"><v>32996</v></c>${s('C', 3, 'Nữ')}${inline('D', 3, '001090000002')}${s('E', 3, 'XA-01')}</row>`,
    `<row r="4" spans="1:6">${inline('A', 4, 'Lê Đức')}<c r="B4" s="0" t="n"><v>32996</v></c>${s('C', 4, 'Nam')}<c r="D4" s="0"/>${inline('E', 4, 'XA-02')}<c r="F4" s="0"><f>A1*0</f><v>42.5</v></c></row>`,
  ];
  return xlsxOfParts(sheetXml(rows.join('')), sstXml(shared.map((t) => `<si><t>${esc(t)}</t></si>`).join(''), shared.length));
}

/** SheetJS writes date cells as serials; both readers give Dates for date-styled cells. */
function normalise(rows: SheetRow[]): SheetRow[] {
  return rows.slice(0, 4).map((r) => ({ row: r.row, cells: trimEnd(r.cells) }));
}
const trimEnd = (cells: CellValue[]) => {
  const out = [...cells];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
};

describe('reading XLSX registers, whoever wrote them', () => {
  const writers: [string, () => Promise<Buffer> | Buffer][] = [
    ['Excel-like (ExcelJS)', excelLike],
    ['SheetJS, inline strings', () => sheetJs(false)],
    ['SheetJS, shared strings written after the sheet', () => sheetJs(true)],
    ['LibreOffice-like, parts out of order, inline and shared strings', libreOfficeLike],
  ];

  it.each(writers)('%s: read 50 times with identical rows', async (_name, write) => {
    const bytes = await write();
    const first = await readSheet(bytes, 'xlsx');
    expect(normalise(first)).toEqual(EXPECTED);
    for (let i = 0; i < 49; i++) expect(await readSheet(bytes, 'xlsx')).toEqual(first);
  });

  it('reads the untouched template 50 times with identical rows (header and example row)', async () => {
    const bytes = await templateWorkbook([{ code: 'XA-01', name: 'Xã Một' }]);
    const first = await readSheet(bytes, 'xlsx');
    expect(first[0].cells[0]).toBe('Họ và tên *');
    expect(first.length).toBe(2);
    for (let i = 0; i < 49; i++) expect(await readSheet(bytes, 'xlsx')).toEqual(first);
  });

  it('reads the first sheet of the workbook, element prefixes and the 1904 date system', async () => {
    const workbook = `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="B" sheetId="2" r:id="rId9"/><x:sheet name="A" sheetId="1" r:id="rId2"/></x:sheets></x:workbook>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/b.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sheet = (text: string) =>
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = zip([
      { name: 'xl/worksheets/a.xml', data: sheet('second') },
      { name: 'xl/worksheets/b.xml', data: sheet('first') },
      { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
      { name: 'xl/styles.xml', data: styles, stored: true },
      { name: 'xl/_rels/workbook.xml.rels', data: rels },
      { name: 'xl/workbook.xml', data: workbook },
    ]);
    expect(await readSheet(bytes, 'xlsx')).toEqual([{ row: 1, cells: ['first', new Date(Date.UTC(1904, 0, 1)), true] }]);
  });

  it('blames the file when it is not a workbook, and the service when the reader itself fails', async () => {
    await expect(readSheet(Buffer.from('PK\u0003\u0004 not really a zip'), 'xlsx')).rejects.toThrow(UnreadableFile);
    await expect(readSheet(xlsxOfParts('<worksheet><sheetData><row>'), 'xlsx')).rejects.toThrow(UnreadableFile);
    // A defect of ours (here provoked through the test seam) is not "your file is unreadable".
    const bytes = libreOfficeLike();
    const failing = readSheet(bytes, 'xlsx', DEFAULT_SHEET_LIMITS, {
      beforePart: (name) => {
        if (name.endsWith('sheet1.xml')) throw new TypeError('boom');
      },
    });
    await expect(failing).rejects.toThrow(ReaderFailure);
    await expect(failing).rejects.not.toThrow(UnreadableFile);
  });
});

describe('limits: a file is refused, row-free, before what it holds is kept', () => {
  const limits = (over: Partial<SheetLimits>): SheetLimits => ({ ...DEFAULT_SHEET_LIMITS, ...over });
  const refusal = async (bytes: Buffer, l: SheetLimits = DEFAULT_SHEET_LIMITS) => {
    const err = await readSheet(bytes, 'xlsx', l).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FileTooLarge);
    return (err as FileTooLarge).message;
  };

  it('a shared-strings part that unpacks past the limit (declared honestly, or not at all)', async () => {
    const bomb = repeatedDeflate('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', 'A'.repeat(1 << 20), 400, '</t></si></sst>');
    expect(bomb.compressed.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal(xlsxOfParts(sheetXml(''), bomb))).toMatch(/giải nén ra hơn 256 MB/);
    // Sizes declared small: the stream is cut where the part stops keeping its word.
    await expect(readSheet(xlsxOfParts(sheetXml(''), { ...bomb, size: 1000 }), 'xlsx')).rejects.toThrow(UnreadableFile);
    // Within the unpacked limit, one text that never ends: the parser would keep it whole.
    const long = repeatedDeflate('<sst><si><t>', 'A'.repeat(1 << 16), 100, '</t></si></sst>');
    expect(await refusal(xlsxOfParts(sheetXml(''), long))).toMatch(/dài hơn 512 KB/);
  });

  it('too many shared strings, declared or not; too much text', async () => {
    const many = repeatedDeflate('<sst>', '<si><t>a</t></si>'.repeat(1000), 1100, '</sst>');
    expect(await refusal(xlsxOfParts(sheetXml(''), many))).toMatch(/hơn 1000000 chuỗi/);
    expect(await refusal(xlsxOfParts(sheetXml(''), sstXml('<si><t>a</t></si>', 5_000_000)))).toMatch(/hơn 1000000 chuỗi/);
    const text = repeatedDeflate('<sst>', `<si><t>${'Ư'.repeat(10_000)}</t></si>`, 4_000, '</sst>');
    expect(await refusal(xlsxOfParts(sheetXml(''), text))).toMatch(/hơn 64 MB chữ/);
    const inline = repeatedDeflate('<worksheet><sheetData>', `<row><c t="inlineStr"><is><t>${'x'.repeat(100_000)}</t></is></c></row>`, 700, '</sheetData></worksheet>');
    expect(await refusal(xlsxOfParts(inline))).toMatch(/hơn 64 MB chữ/);
  });

  it('too many rows, columns or cells', async () => {
    const rows = repeatedDeflate('<worksheet><sheetData>', '<row><c><v>1</v></c></row>'.repeat(100), 2_100, '</sheetData></worksheet>');
    expect(await refusal(xlsxOfParts(rows))).toMatch(/quá 200000 dòng/);
    expect(await refusal(xlsxOfParts(sheetXml('<row r="1"><c r="XFD1"><v>1</v></c></row>')))).toMatch(/quá 100 cột/);
    const cells = repeatedDeflate('<worksheet><sheetData>', '<row><c r="CV1"><v>1.5</v></c></row>'.repeat(100), 500, '</sheetData></worksheet>');
    expect(await refusal(xlsxOfParts(cells))).toMatch(/quá 4000000 ô/);
    // An empty cell far out costs nothing and is not data.
    expect(await readSheet(xlsxOfParts(sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"/></row>')), 'xlsx')).toEqual([{ row: 1, cells: [1] }]);
    expect(await refusal(xlsxOfParts(sheetXml('<row><c><v>1</v></c></row>'.repeat(12))), limits({ maxRows: 10 }))).toMatch(/quá 10 dòng/);
  });

  it('CSV: the same bounds on columns and cells', () => {
    expect(() => parseCsv(`a${',x'.repeat(200)}\n`)).toThrow(/quá 100 cột/);
    expect(parseCsv(`a,b${','.repeat(5000)}\n`)).toEqual([{ row: 1, cells: ['a', 'b', ...Array<null>(98).fill(null)] }]);
    expect(() => parseCsv('a,b\n'.repeat(20), limits({ maxCells: 30 }))).toThrow(/quá 30 ô/);
  });
});

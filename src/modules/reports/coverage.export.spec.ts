import ExcelJS from 'exceljs';
import { counts } from '../../../test/support/coverage-counts.js';
import { assembleReport } from './coverage.arithmetic.js';
import { populationRates } from './coverage.arithmetic.js';
import { EXPORT_COLUMNS, exportRows, exportShare, toCsv, toXlsx } from './coverage.export.js';


// Shares 2/3, 4/7 and 1/6 in the JSON; the export shows them to 4 decimals.
const report = () =>
  assembleReport(
    counts({
      id: 'p', code: 'P1', name: 'Tỉnh', level: 'province', population: 3000, peopleWithFiles: 3,
      withFiles: 3, reached: 2, supervised: 7, supported: 4, held: 6, treated: 1,
    }),
    [counts({ id: 'a', code: 'A1', name: 'Xã A', parentId: 'p', withFiles: 9, reached: 1 })],
    { from: '2025-03-01', to: '2025-03-31', asOf: '2025-04-10' },
  );

const column = (header: string) => EXPORT_COLUMNS.findIndex((c) => c.header === header);
const SHARE = column('Tỷ lệ');
const POST_SHARE = column('Tỷ lệ hỗ trợ sau cai');
const DETENTION_SHARE = column('Tỷ lệ điều trị khi bị tạm giữ, tạm giam');

describe('coverage export', () => {
  it('rounds a share to 4 decimals for people to read', () => {
    expect(exportShare(2 / 3)).toBe(0.6667);
    expect(exportShare(4 / 7)).toBe(0.5714);
    expect(exportShare(1 / 6)).toBe(0.1667);
    expect(exportShare(0.5)).toBe(0.5);
    expect(exportShare(0)).toBe(0);
    expect(exportShare(1)).toBe(1);
  });

  it('exports the exact shares of the report rounded, and every other figure as it is', () => {
    const r = report();
    expect([r.share, r.postRehab.share, r.detention.share]).toEqual([2 / 3, 4 / 7, 1 / 6]);
    const [unitRow, childRow] = exportRows(r);
    expect([unitRow[SHARE], unitRow[POST_SHARE], unitRow[DETENTION_SHARE]]).toEqual([0.6667, 0.5714, 0.1667]);
    expect(childRow[SHARE]).toBe(0.1111);
    expect(unitRow.slice(0, 6)).toEqual(['P1', 'Tỉnh', 3, 2, 0.6667, 0.8]);
    expect(unitRow[column('Mục tiêu sau cai')]).toBe(0.9);
    expect(unitRow[column('Mục tiêu điều trị khi bị tạm giữ, tạm giam')]).toBe(1);
    expect(unitRow[column('Số người có hồ sơ trên 1.000 dân')]).toBe(1);
  });

  it('rounds files per 1,000 residents to 2 decimals in the export only (the JSON keeps it exact)', () => {
    const r = report();
    r.rates = populationRates(1, 3000);
    expect(r.rates?.filesPer1000).toBe(1 / 3);
    expect(exportRows(r)[0][column('Số người có hồ sơ trên 1.000 dân')]).toBe(0.33);
  });

  it('writes the rounded shares in the CSV', () => {
    const lines = toCsv(report()).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    const unitLine = lines[1].split(',');
    expect([unitLine[SHARE], unitLine[POST_SHARE], unitLine[DETENTION_SHARE]]).toEqual(['0.6667', '0.5714', '0.1667']);
    expect(lines[2].split(',')[SHARE]).toBe('0.1111');
  });

  it('writes the rounded shares in the XLSX, formatted as percentages', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(report())) as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRow(3);
    const cells = [SHARE, POST_SHARE, DETENTION_SHARE].map((i) => row.getCell(i + 1).value);
    expect(cells).toEqual([0.6667, 0.5714, 0.1667]);
    expect(row.getCell(SHARE + 1).numFmt).toBe('0.00%');
  });
});

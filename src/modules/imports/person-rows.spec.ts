import { changesFor, FileDuplicates, type OpenFile, type ResolvedRow } from './person-match.js';
import { cleanText } from '../../common/http/invisible.js';
import {
  COLUMNS,
  findHeaderRow,
  fold,
  isTemplateExample,
  mapHeaders,
  parseDate,
  parseNationalId,
  parsePhone,
  readPersonRow,
  type CellValue,
} from './person-rows.js';
import { detectFormat, parseCsv } from './sheet-reader.js';
import { UnitDirectory } from './unit-directory.js';

const TODAY = '2025-06-30';
const nfd = (s: string) => s.normalize('NFD');

describe('fold and cleanText', () => {
  it('fold drops diacritics, đ, case and punctuation, for NFC and NFD alike', () => {
    expect(fold('Tình trạng (sử dụng/nghiện)')).toBe('tinh trang su dung nghien');
    expect(fold(nfd('ĐỖ   Văn-Đức'))).toBe('do van duc');
  });

  it('cleanText composes to NFC, drops zero-width characters and collapses spaces', () => {
    const out = cleanText(`  ${nfd('Trần')}\u200B   Thị\tBích `);
    expect(out).toBe('Trần Thị Bích');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('parseDate', () => {
  it.each([
    ['05/03/1990', '1990-03-05'],
    ['5/3/1990', '1990-03-05'],
    ['5.3.1990', '1990-03-05'],
    ['05-03-1990', '1990-03-05'],
    ['1990-03-05', '1990-03-05'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s day first as %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['31/02/1990', '29/02/2023', '13/13/1990', '1990', '05/03/90', 'hôm qua', '', '0/1/1990'])('refuses %s', (text) =>
    expect(parseDate(text)).toBeUndefined(),
  );

  it('reads Excel date cells (midnight UTC) and serial numbers', () => {
    expect(parseDate(new Date(Date.UTC(1985, 6, 9)))).toBe('1985-07-09');
    expect(parseDate(45658)).toBe('2025-01-01'); // =DATE(2025,1,1) in Excel
    expect(parseDate(1.5)).toBeUndefined();
    expect(parseDate(true)).toBeUndefined();
  });
});

describe('parseNationalId and parsePhone', () => {
  it('takes 12 digits, ignoring spaces, dots and dashes', () => {
    expect(parseNationalId('001 090 012 345')).toBe('001090012345');
    expect(parseNationalId('001.090.012.345')).toBe('001090012345');
    expect(parseNationalId('00109001234')).toBeUndefined();
    expect(parseNationalId('0010900123456')).toBeUndefined();
    expect(parseNationalId('00109001234a')).toBeUndefined();
  });

  it('puts back the leading zeros Excel dropped from a number cell', () => {
    expect(parseNationalId(1090012345)).toBe('001090012345');
    expect(parseNationalId(12345)).toBeUndefined();
    expect(parseNationalId(1.5)).toBeUndefined();
  });

  it('accepts the phone rule of person files, and a number cell without its leading 0', () => {
    expect(parsePhone('0912 345 678')).toBe('0912 345 678');
    expect(parsePhone('+84 912.345.678')).toBe('+84 912.345.678');
    expect(parsePhone(912345678)).toBe('0912345678');
    expect(parsePhone('gọi sau')).toBeUndefined();
    expect(parsePhone('12')).toBeUndefined();
  });
});

describe('mapHeaders', () => {
  it('matches headers in any order, with or without diacritics, in any case, NFD or NFC; ignores unknown ones', () => {
    const { map, problems } = mapHeaders(['ghi chu', 'NGAY SINH', nfd('Họ và tên *'), 'gioi tinh', 'Tình trạng (sử dụng/nghiện)', 'Ma xa', 'so cccd']);
    expect(problems).toEqual([]);
    expect(map.index).toEqual({ dateOfBirth: 1, fullName: 2, sex: 3, status: 4, unitCode: 5, nationalId: 6 });
  });

  it('names missing required columns and a column given twice', () => {
    const { problems } = mapHeaders(['Họ và tên', 'Ho ten', 'Ngày sinh']);
    expect(problems).toEqual([
      { column: 'Ho ten', code: 'duplicate_column', message: 'Cột "Họ và tên" xuất hiện hai lần' },
      { column: 'Giới tính', code: 'missing_column', message: 'Thiếu cột bắt buộc "Giới tính"' },
      { column: 'Tình trạng (sử dụng/nghiện)', code: 'missing_column', message: 'Thiếu cột bắt buộc "Tình trạng (sử dụng/nghiện)"' },
      { column: 'Mã đơn vị cư trú', code: 'missing_column', message: 'Thiếu cột mã hoặc tên đơn vị cư trú' },
    ]);
  });

  it('finds the header row below title rows', () => {
    const rows = [
      { row: 1, cells: ['DANH SÁCH NGƯỜI SỬ DỤNG TRÁI PHÉP CHẤT MA TÚY'] as CellValue[] },
      { row: 2, cells: [] as CellValue[] },
      { row: 3, cells: ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Tình trạng', 'Xã'] as CellValue[] },
      { row: 4, cells: ['A', '01/01/1990', 'Nam', 'Nghiện', 'X'] as CellValue[] },
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });
});

describe('readPersonRow', () => {
  const headers = COLUMNS.map((c) => c.header);
  const { map } = mapHeaders(headers);
  const at = (values: Partial<Record<string, CellValue>>) => ({ row: 7, cells: COLUMNS.map((c) => values[c.field] ?? null) });

  it('reads a row typed the Vietnamese way into person-file values', () => {
    const out = readPersonRow(
      at({
        fullName: nfd('  Trần  Thị Bích '),
        dateOfBirth: '5/3/1990',
        sex: 'NỮ',
        nationalId: '001190000001',
        unitName: 'Hòa Bình',
        address: ' Số 12 ',
        phone: '0912345678',
        status: 'sử dụng',
        substances: 'heroin; Methamphetamine,heroin',
        registeredOn: '01/02/2025',
        managementDecisionOn: '02/02/2025',
        inDetention: 'x',
      }),
      map,
      TODAY,
    );
    expect(out.errors).toEqual([]);
    expect(out.person).toEqual({
      row: 7,
      fullName: 'Trần Thị Bích',
      dateOfBirth: '1990-03-05',
      sex: 'female',
      nationalId: '001190000001',
      unitCode: null,
      unitName: 'Hòa Bình',
      address: 'Số 12',
      phone: '0912345678',
      status: 'using',
      substances: ['heroin', 'Methamphetamine'],
      registeredOn: '2025-02-01',
      managementDecisionOn: '2025-02-02',
      inDetention: true,
    });
  });

  it('lists every problem of a row, naming the template column, without quoting values', () => {
    const out = readPersonRow(
      at({
        fullName: '',
        dateOfBirth: '2030-01-01',
        sex: 'khác',
        nationalId: '123',
        phone: 'không có',
        status: 'đang cai',
        registeredOn: '31/12/1899',
        inDetention: 'chắc',
      }),
      map,
      TODAY,
    );
    expect(out.person).toBeUndefined();
    expect(out.errors.map((e) => [e.row, e.field, e.code, e.column])).toEqual([
      [7, 'fullName', 'required', 'Họ và tên'],
      [7, 'dateOfBirth', 'future_date', 'Ngày sinh'],
      [7, 'sex', 'invalid_sex', 'Giới tính'],
      [7, 'nationalId', 'invalid_national_id', 'Số CCCD'],
      [7, 'unitCode', 'required', 'Mã đơn vị cư trú'],
      [7, 'phone', 'invalid_phone', 'Số điện thoại'],
      [7, 'status', 'invalid_status', 'Tình trạng (sử dụng/nghiện)'],
      [7, 'registeredOn', 'invalid_date', 'Ngày lập hồ sơ'],
      [7, 'inDetention', 'invalid_boolean', 'Đang bị tạm giữ, tạm giam'],
    ]);
    expect(JSON.stringify(out.errors)).not.toMatch(/khác|123|đang cai|chắc/);
  });

  it('refuses dates of the file before the date of birth', () => {
    const out = readPersonRow(
      at({ fullName: 'A', dateOfBirth: '01/01/2000', sex: 'nam', unitCode: 'X', status: 'using', registeredOn: '01/01/1999', managementDecisionOn: '31/12/1999' }),
      map,
      TODAY,
    );
    expect(out.errors.map((e) => [e.field, e.code])).toEqual([
      ['registeredOn', 'date_order'],
      ['managementDecisionOn', 'date_order'],
    ]);
  });

  it('recognises the untouched example row of the template', () => {
    const example = { row: 2, cells: COLUMNS.map((c) => c.example || null) };
    expect(isTemplateExample(example, map)).toBe(true);
    expect(isTemplateExample({ row: 2, cells: example.cells.map((v, i) => (i === 0 ? 'Nguyễn Văn Khác' : v)) }, map)).toBe(false);
  });
});

describe('UnitDirectory', () => {
  const u = (id: string, code: string, name: string, level = 'commune', inScope = true) => ({ id, code, name, level, inScope });
  const inScope = [u('1', 'C1', 'Xã Hòa Bình'), u('2', 'C2', 'Xã Phú Mỹ'), u('3', 'C3', 'Phường Phú Mỹ'), u('4', 'D1', 'Huyện Đông', 'district')];
  const dir = new UnitDirectory([u('9', 'Q1', 'Xã Xa', 'commune', false), u('1', 'C1', 'Xã Hòa Bình')], inScope);

  it('finds a unit by code (exact, then in any case) or by name with or without diacritics and "Xã"', () => {
    expect(dir.resolve('C1', null)).toEqual({ unitId: '1' });
    expect(dir.resolve('c1', 'ignored when a code is given')).toEqual({ unitId: '1' });
    expect(dir.resolve(null, 'hoa binh')).toEqual({ unitId: '1' });
    expect(dir.resolve(null, 'XÃ HÒA BÌNH')).toEqual({ unitId: '1' });
    expect(dir.resolve(null, 'Phường Phú Mỹ')).toEqual({ unitId: '3' });
  });

  it('tells unknown, outside scope, not a commune and ambiguous apart', () => {
    expect(dir.resolve('NOPE', null)).toMatchObject({ field: 'unitCode', code: 'unknown_unit' });
    expect(dir.resolve('Q1', null)).toMatchObject({ field: 'unitCode', code: 'unit_out_of_scope' });
    expect(dir.resolve(null, 'Xã Xa')).toMatchObject({ field: 'unitName', code: 'unknown_unit' });
    expect(dir.resolve('D1', null)).toMatchObject({ field: 'unitCode', code: 'unit_not_commune' });
    expect(dir.resolve(null, 'Phú Mỹ')).toMatchObject({ field: 'unitName', code: 'ambiguous_unit' });
  });
});

describe('FileDuplicates and changesFor', () => {
  const base: ResolvedRow = {
    row: 2,
    fullName: 'Lê Văn Cường',
    dateOfBirth: '1979-08-07',
    sex: 'male',
    nationalId: null,
    unitCode: 'C2',
    unitName: null,
    address: null,
    phone: null,
    status: 'addicted',
    substances: null,
    registeredOn: null,
    managementDecisionOn: null,
    inDetention: null,
    residenceUnitId: 'u2',
  };

  it('finds a later row with the same national id, or the same folded name, date of birth and unit when one has no id', () => {
    const d = new FileDuplicates();
    expect(d.check({ ...base, row: 2, nationalId: '001000000001' })).toEqual({});
    expect(d.check({ ...base, row: 3, nationalId: '001000000001', fullName: 'Khác' })).toEqual({ duplicateOf: 2 });
    expect(d.check({ ...base, row: 4, fullName: 'LE VAN CUONG' })).toEqual({ duplicateOf: 2 });
    // Namesakes with different national ids are different people.
    expect(d.check({ ...base, row: 5, nationalId: '001000000002' })).toEqual({});
    expect(d.check({ ...base, row: 6, residenceUnitId: 'u3' })).toEqual({});
    expect(d.check({ ...base, row: 7, residenceUnitId: 'u3', nationalId: '001000000003' })).toEqual({ duplicateOf: 6 });
  });

  const file: OpenFile = {
    id: 'f',
    version: 3,
    fullName: 'Lê Văn Cường',
    dateOfBirth: '1979-08-07',
    sex: 'male',
    hasNationalId: false,
    sameNationalId: false,
    residenceUnitId: 'u2',
    address: 'Số 1',
    phone: '0912 345 678',
    status: 'addicted',
    substances: ['heroin', 'methamphetamine'],
    managementDecisionOn: null,
    inDetention: false,
  };

  it('changes nothing for blank cells, a name without its diacritics, the same phone or substances written otherwise', () => {
    expect(changesFor({ ...base, fullName: 'LE VAN CUONG' }, file)).toEqual({});
    expect(changesFor({ ...base, phone: '0912345678', substances: ['Methamphetamine', 'heroin'] }, file)).toEqual({});
  });

  it('changes what the row writes differently', () => {
    expect(
      changesFor(
        { ...base, fullName: 'Lê Văn Cương', nationalId: '001000000001', status: 'using', managementDecisionOn: '2025-01-01', address: 'Số 2', inDetention: true, residenceUnitId: 'u3' },
        file,
      ),
    ).toEqual({
      fullName: 'Lê Văn Cương',
      nationalId: '001000000001',
      status: 'using',
      managementDecisionOn: '2025-01-01',
      address: 'Số 2',
      inDetention: true,
      residenceUnitId: 'u3',
    });
    expect(changesFor({ ...base, nationalId: '001000000001' }, { ...file, hasNationalId: true, sameNationalId: true })).toEqual({});
  });
});

describe('CSV and format detection', () => {
  it('reads quoted fields with separators, quotes and line breaks; row numbers are lines', () => {
    const rows = parseCsv('a;b;c\r\n"x;1";"say ""hi""";"two\nlines"\r\nlast;;\r\n');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['x;1', 'say "hi"', 'two\nlines'] },
      { row: 4, cells: ['last', null, null] },
    ]);
  });

  it('picks the separator of the header line (comma, semicolon or tab)', () => {
    expect(parseCsv('a,b\n1,2')[1].cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2,5')[1].cells).toEqual(['1', '2,5']);
  });

  it('tells XLSX from CSV by content and refuses old .xls and binary files', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest'))).toBe('xlsx');
    expect(detectFormat(Buffer.from('Họ và tên,Ngày sinh\n'))).toBe('csv');
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0]))).toEqual({ problem: expect.stringContaining('.xls') });
    expect(detectFormat(Buffer.from([1, 0, 2, 0]))).toEqual({ problem: 'file is neither XLSX nor CSV' });
    expect(detectFormat(Buffer.alloc(0))).toEqual({ problem: 'file is empty' });
  });
});

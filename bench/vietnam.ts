import { weighted } from './prng.js';

/**
 * Vocabulary of the synthetic data: the 34 provinces and cities of the 2025 reorganisation, family,
 * middle and given names with their diacritics, and syllables for commune names. Every string is
 * NFC, as the service stores names.
 */

const nfc = (s: string) => s.normalize('NFC');

/** Code, name, and whether the province still has districts (since July 2025 many have none). */
export const PROVINCES: readonly { code: string; name: string; districts: boolean }[] = [
  ['01', 'Thành phố Hà Nội', true],
  ['04', 'Tỉnh Cao Bằng', false],
  ['08', 'Tỉnh Tuyên Quang', true],
  ['11', 'Tỉnh Điện Biên', false],
  ['12', 'Tỉnh Lai Châu', false],
  ['14', 'Tỉnh Sơn La', true],
  ['15', 'Tỉnh Lào Cai', true],
  ['19', 'Tỉnh Thái Nguyên', false],
  ['20', 'Tỉnh Lạng Sơn', true],
  ['22', 'Tỉnh Quảng Ninh', true],
  ['24', 'Tỉnh Bắc Ninh', false],
  ['25', 'Tỉnh Phú Thọ', true],
  ['31', 'Thành phố Hải Phòng', true],
  ['33', 'Tỉnh Hưng Yên', false],
  ['37', 'Tỉnh Ninh Bình', true],
  ['38', 'Tỉnh Thanh Hóa', true],
  ['40', 'Tỉnh Nghệ An', true],
  ['42', 'Tỉnh Hà Tĩnh', false],
  ['44', 'Tỉnh Quảng Trị', true],
  ['46', 'Thành phố Huế', false],
  ['48', 'Thành phố Đà Nẵng', true],
  ['51', 'Tỉnh Quảng Ngãi', false],
  ['52', 'Tỉnh Gia Lai', true],
  ['56', 'Tỉnh Khánh Hòa', false],
  ['66', 'Tỉnh Đắk Lắk', true],
  ['68', 'Tỉnh Lâm Đồng', true],
  ['75', 'Tỉnh Đồng Nai', false],
  ['79', 'Thành phố Hồ Chí Minh', true],
  ['80', 'Tỉnh Tây Ninh', false],
  ['82', 'Tỉnh Đồng Tháp', true],
  ['86', 'Tỉnh Vĩnh Long', false],
  ['91', 'Tỉnh An Giang', true],
  ['92', 'Thành phố Cần Thơ', false],
  ['96', 'Tỉnh Cà Mau', true],
].map(([code, name, districts]) => ({ code: code as string, name: nfc(name as string), districts: districts as boolean }));

/** Family names with rough shares of the population. */
export const FAMILY_NAMES = weighted(
  (
    [
      ['Nguyễn', 38],
      ['Trần', 11],
      ['Lê', 9.5],
      ['Phạm', 7],
      ['Hoàng', 4],
      ['Huỳnh', 2],
      ['Phan', 4.5],
      ['Vũ', 3.9],
      ['Võ', 2.5],
      ['Đặng', 2.1],
      ['Bùi', 2],
      ['Đỗ', 1.4],
      ['Hồ', 1.3],
      ['Ngô', 1.3],
      ['Dương', 1],
      ['Lý', 0.5],
    ] as const
  ).map(([n, w]) => [nfc(n), w] as const),
);

export const MIDDLE_NAMES = {
  male: weighted(
    (
      [
        ['Văn', 40],
        ['Đức', 8],
        ['Minh', 8],
        ['Hữu', 6],
        ['Quang', 6],
        ['Công', 5],
        ['Thành', 5],
        ['Ngọc', 4],
        ['Xuân', 4],
        ['Đình', 4],
        ['Trọng', 3],
        ['Hoàng', 3],
        ['Thanh', 4],
      ] as const
    ).map(([n, w]) => [nfc(n), w] as const),
  ),
  female: weighted(
    (
      [
        ['Thị', 60],
        ['Thu', 8],
        ['Ngọc', 8],
        ['Thanh', 6],
        ['Hồng', 6],
        ['Kim', 6],
        ['Minh', 6],
      ] as const
    ).map(([n, w]) => [nfc(n), w] as const),
  ),
};

export const GIVEN_NAMES = {
  male: [
    'An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Long', 'Nam', 'Sơn', 'Tuấn', 'Hải', 'Hiếu', 'Huy', 'Khánh', 'Kiên',
    'Lực', 'Mạnh', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quý', 'Tài', 'Thắng', 'Toàn', 'Trung', 'Tú', 'Việt',
    'Vinh', 'Đạt', 'Đông', 'Đức', 'Giang', 'Hòa', 'Khoa', 'Lâm', 'Thịnh', 'Tùng', 'Duy',
  ].map(nfc),
  female: [
    'Hoa', 'Lan', 'Mai', 'Hương', 'Hằng', 'Hạnh', 'Huyền', 'Linh', 'Loan', 'Ngân', 'Nhung', 'Phương', 'Thảo',
    'Trang', 'Tuyết', 'Vân', 'Yến', 'Anh', 'Dung', 'Hà', 'Nga', 'Oanh',
  ].map(nfc),
};

/** Syllables of place names: communes are "Xã"/"Phường" and two of these. */
export const PLACE_SYLLABLES = [
  'An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Long', 'Mỹ', 'Phước', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Hưng',
  'Thịnh', 'Lộc', 'Thuận', 'Quang', 'Minh', 'Sơn', 'Thủy', 'Lâm', 'Hải', 'Yên', 'Định', 'Vĩnh', 'Xuân', 'Thành',
  'Lợi', 'Hiệp', 'Đức', 'Khánh', 'Hà', 'Cẩm', 'Kim', 'Ngọc', 'Thượng', 'Hạ', 'Phong', 'Điền', 'Mới',
].map(nfc);

export const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Quang Trung', 'Lý Thường Kiệt', 'Hùng Vương',
  'Nguyễn Huệ', 'Phan Chu Trinh', 'Lê Duẩn', 'Điện Biên Phủ', 'Trường Chinh',
].map(nfc);

export const SUBSTANCES = weighted([
  ['heroin', 30],
  ['methamphetamine', 40],
  ['cannabis', 12],
  ['ketamine', 6],
  ['ecstasy', 6],
  ['opium', 3],
  ['tramadol', 3],
] as const);

export const CONTACT_NOTES = [
  'Tư vấn điều trị nghiện',
  'Tư vấn dự phòng HIV',
  'Hỗ trợ giới thiệu việc làm',
  'Khám sức khỏe định kỳ',
  'Sinh hoạt nhóm đồng đẳng',
  'Hỗ trợ thủ tục hành chính',
].map(nfc);

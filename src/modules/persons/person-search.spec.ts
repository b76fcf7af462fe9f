import { escapeLike, foldForSearch, searchTextOf } from './person-search.js';

describe('foldForSearch', () => {
  it('strips Vietnamese diacritics and lower-cases', () => {
    expect(foldForSearch('Trần Văn Ơn')).toBe('tran van on');
    expect(foldForSearch('NGUYỄN THỊ HỒNG')).toBe('nguyen thi hong');
    expect(foldForSearch('Lê Hữu Phước')).toBe('le huu phuoc');
  });

  it('maps đ and Đ to d, which NFD alone does not decompose', () => {
    expect(foldForSearch('Đặng Đình Đức')).toBe('dang dinh duc');
    expect(foldForSearch('đ')).toBe('d');
  });

  it('gives the same result for composed and decomposed input', () => {
    const composed = 'Nguyễn'.normalize('NFC');
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    expect(foldForSearch(composed)).toBe('nguyen');
    expect(foldForSearch(decomposed)).toBe('nguyen');
  });

  it('collapses and trims whitespace', () => {
    expect(foldForSearch('  Trần \t  Văn\nAn  ')).toBe('tran van an');
    expect(foldForSearch('   ')).toBe('');
  });

  it('keeps digits, dashes and other characters', () => {
    expect(foldForSearch('HN01-2025-00007')).toBe('hn01-2025-00007');
    expect(foldForSearch('50%_x')).toBe('50%_x');
  });
});

describe('searchTextOf', () => {
  it('is the folded name, a space, then the case code in lower case', () => {
    expect(searchTextOf(' Trần  Văn Đạt ', 'XA01-2025-00012')).toBe('tran van dat xa01-2025-00012');
  });
});

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike('tran van')).toBe('tran van');
  });
});

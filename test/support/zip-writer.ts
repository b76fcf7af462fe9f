import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for crafting XLSX files part by part: any order of entries, stored or
 * deflated, and (for zip bombs) compressed data and sizes given as they are, true or not.
 */
export interface ZipPart {
  name: string;
  /** The part's content; deflated unless `stored` or `raw` is given. */
  data?: Buffer | string;
  stored?: boolean;
  /** Already-deflated data, with the sizes and CRC to declare. */
  raw?: { compressed: Buffer; size: number; crc: number };
}

export function zip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    let method: number;
    let compressed: Buffer;
    let size: number;
    let crc: number;
    if (part.raw) {
      ({ compressed, size, crc } = part.raw);
      method = 8;
    } else {
      const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data ?? '', 'utf8');
      size = data.length;
      crc = crc32(data);
      method = part.stored ? 0 : 8;
      compressed = part.stored ? data : deflateRawSync(data);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, compressed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(0, 12);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(size >>> 0, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/**
 * Deflated data for `repeat` copies of `block` without deflating them all: the block is compressed
 * once with a full flush (no reference reaches back across it), repeated, and closed with an empty
 * final block. The CRC is left out (0): a reader stops long before it could check it.
 */
export function repeatedDeflate(prefix: string, block: string, repeat: number, suffix: string): { compressed: Buffer; size: number; crc: number } {
  const head = deflateRawSync(Buffer.from(prefix), { finishFlush: 3 /* Z_FULL_FLUSH */ });
  const body = deflateRawSync(Buffer.from(block), { finishFlush: 3 });
  const tail = deflateRawSync(Buffer.from(suffix));
  const size = Buffer.byteLength(prefix) + Buffer.byteLength(block) * repeat + Buffer.byteLength(suffix);
  return { compressed: Buffer.concat([head, ...Array.from({ length: repeat }, () => body), tail]), size, crc: 0 };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Danh sach" sheetId="1" state="visible" r:id="rId2"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="true"/></cellXfs></styleSheet>`;

export const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData></worksheet>`;
export const sstXml = (items: string, count?: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${count === undefined ? '' : ` count="${count}" uniqueCount="${count}"`}>${items}</sst>`;

/**
 * An XLSX made of the given sheet and shared-strings parts, in the order LibreOffice and SheetJS
 * write them (the sheet before the shared strings and the workbook), with one date style (s="1").
 */
export function xlsxOfParts(sheet: ZipPart['data'] | ZipPart['raw'], sharedStrings?: ZipPart['data'] | ZipPart['raw']): Buffer {
  const part = (name: string, content: ZipPart['data'] | ZipPart['raw']): ZipPart =>
    typeof content === 'object' && content !== null && !Buffer.isBuffer(content) ? { name, raw: content } : { name, data: content };
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    part('xl/worksheets/sheet1.xml', sheet),
    ...(sharedStrings === undefined ? [] : [part('xl/sharedStrings.xml', sharedStrings)]),
    { name: 'xl/styles.xml', data: STYLES },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
  ]);
}

import { VI } from '../../common/i18n/messages.vi.js';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { CellValue, SheetRow } from './person-rows.js';

export type SheetFormat = 'xlsx' | 'csv';

/** A file that cannot be read as a register at all; the message is for the worker, in Vietnamese. */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
  readonly code: 'unreadable_file' | 'file_too_large' = 'unreadable_file';
}

/** A file past one of the limits below: refused before what it holds is kept in memory. */
export class FileTooLarge extends UnreadableFile {
  override name = 'FileTooLarge';
  override readonly code = 'file_too_large';
}

/**
 * The reader itself failed on a file it should have read: a defect of the service, not of the file.
 * `cause` is the original error; it is logged without its message (which may quote the file).
 */
export class ReaderFailure extends Error {
  override name = 'ReaderFailure';
  constructor(override readonly cause: unknown) {
    super('the XLSX reader failed');
  }
}

/**
 * What one register may cost. A 100,000-row register is about 7 MB as XLSX and unpacks to about
 * 60 MB of XML; these bounds are checked as the file is unpacked, before what it holds is kept.
 */
export interface SheetLimits {
  /** Bytes of XML unpacked from the zip, all parts read together. */
  maxUnpackedBytes: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
  /** Bytes (UTF-8) of text kept: shared strings and text cells together. */
  maxTextBytes: number;
  /** Data rows of the sheet (below the header). */
  maxRows: number;
  /** Columns that may hold a value. */
  maxColumns: number;
  /** Cells kept, empty ones before the last value of a row included. */
  maxCells: number;
}

/** The most rows one import takes; a bigger register is split into several files. */
export const MAX_ROWS = 200_000;

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxSharedStrings: 1_000_000,
  maxTextBytes: 64 * 1024 * 1024,
  maxRows: MAX_ROWS,
  maxColumns: 100,
  maxCells: 4_000_000,
};

/** No cell (32,767 characters at most in Excel) nor tag comes near this: XML between two '<'. */
const MAX_XML_RUN = 512 * 1024;
const MAX_XML_DEPTH = 64;
const MAX_ZIP_ENTRIES = 10_000;

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

/** Test seam: called with each part's name before it is read. */
export interface ReadHooks {
  beforePart?: (name: string) => void;
}

export async function readSheet(bytes: Buffer, format: SheetFormat, limits: SheetLimits = DEFAULT_SHEET_LIMITS, hooks: ReadHooks = {}): Promise<SheetRow[]> {
  return format === 'xlsx' ? readXlsx(bytes, limits, hooks) : readCsv(bytes, limits);
}

// ---- limits ----

const MB = 1024 * 1024;
const tooManyRows = (max: number) => new FileTooLarge(VI.file.tooManyRows(max));
const tooManyColumns = (max: number) => new FileTooLarge(VI.file.tooManyColumns(max));
const tooManyCells = (max: number) => new FileTooLarge(VI.file.tooManyCells(max));

/** What the file has cost so far; each step throws FileTooLarge past its limit. */
class Budget {
  unpacked = 0;
  text = 0;
  cells = 0;
  constructor(readonly limits: SheetLimits) {}

  /** Refuses a part whose declared size alone passes the limit, before unpacking it. */
  declare(n: number): void {
    if (this.unpacked + n > this.limits.maxUnpackedBytes) throw this.unpackedTooMuch();
  }

  /** Counts bytes as they are unpacked (a declared size may lie). */
  unpack(n: number): void {
    this.unpacked += n;
    if (this.unpacked > this.limits.maxUnpackedBytes) throw this.unpackedTooMuch();
  }

  private unpackedTooMuch(): FileTooLarge {
    return new FileTooLarge(VI.file.unpackedTooLarge(Math.round(this.limits.maxUnpackedBytes / MB)));
  }

  keepText(s: string): void {
    this.text += Buffer.byteLength(s);
    if (this.text > this.limits.maxTextBytes) {
      throw new FileTooLarge(VI.file.tooMuchText(Math.round(this.limits.maxTextBytes / MB)));
    }
  }

  keepCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) throw tooManyCells(this.limits.maxCells);
  }
}

// ---- XLSX ----

/** The zip or its XML is malformed: the file's fault. */
class FileFault extends Error {
  override name = 'FileFault';
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const plain = tag.attributes[name];
  if (plain !== undefined) return plain;
  for (const key in tag.attributes) if (localName(key) === name) return tag.attributes[key];
  return undefined;
}

/** The attribute `r:id` (whatever the prefix of the relationships namespace). */
function relId(tag: SaxesTagPlain): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (key.includes(':') && localName(key) === 'id') return value;
  return tag.attributes.id;
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) =>
      err ? reject(new FileFault(err.message)) : resolvePromise(zip),
    ),
  );
}

/** Every entry of the central directory by lower-cased name (the first of duplicates). */
function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolvePromise, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      const name = entry.fileName.replace(/^\/+/, '').toLowerCase();
      if (!entries.has(name)) entries.set(name, entry);
      if (entries.size > MAX_ZIP_ENTRIES) return reject(new FileFault('too many zip entries'));
      zip.readEntry();
    });
    zip.once('end', () => resolvePromise(entries));
    zip.once('error', (err: Error) => reject(new FileFault(err.message)));
    zip.readEntry();
  });
}

/**
 * Streams one part through a SAX parser, in chunks: its bytes count against the budget as they are
 * unpacked, and no text or tag may run longer than MAX_XML_RUN (the parser would hold it whole).
 */
async function parsePart(zip: ZipFile, entry: Entry, budget: Budget, wire: (parser: SaxesParser) => void): Promise<void> {
  if (entry.isEncrypted()) throw new FileFault('encrypted part');
  // The declared size first: a part that says it is too big is not unpacked at all.
  budget.declare(entry.uncompressedSize);
  const stream = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolvePromise, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(new FileFault(err.message)) : resolvePromise(s))),
  );
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on('error', (err) => {
    throw new FileFault(err.message);
  });
  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing && ++depth > MAX_XML_DEPTH) throw new FileFault('XML nested too deep');
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  wire(parser);
  const decoder = new TextDecoder('utf-8');
  // Bytes since the last '<' of the chunks before.
  let run = 0;
  let unpacking = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      unpacking = false;
      budget.unpack(chunk.length);
      const firstOpen = chunk.indexOf(0x3c);
      const longest = firstOpen < 0 ? run + chunk.length : Math.max(run + firstOpen, longestRun(chunk));
      if (longest > MAX_XML_RUN) throw new FileTooLarge(VI.file.xmlRunTooLong(MAX_XML_RUN / 1024));
      run = firstOpen < 0 ? longest : chunk.length - chunk.lastIndexOf(0x3c);
      parser.write(decoder.decode(chunk, { stream: true }));
      unpacking = true;
    }
    unpacking = false;
    parser.write(decoder.decode());
    parser.close();
  } catch (err) {
    stream.destroy();
    // What the unzipping stream throws (bad data, a part longer than it says, a bad CRC) is the file's.
    if (unpacking) throw new FileFault(err instanceof Error ? err.message : 'zip stream failed');
    throw err;
  }
}

/** The longest distance between two '<' inside one chunk. */
function longestRun(chunk: Buffer): number {
  let longest = 0;
  let at = chunk.indexOf(0x3c);
  while (at >= 0) {
    const next = chunk.indexOf(0x3c, at + 1);
    if (next < 0) break;
    if (next - at > longest) longest = next - at;
    at = next;
  }
  return longest;
}

/** A part name relative to the folder of `base` ('xl/workbook.xml' + 'worksheets/sheet1.xml'). */
function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Number formats 14-22 and 45-47 are dates and times; 27-36 and 50-81 are CJK and Thai ones. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47]);
for (let id = 50; id <= 81; id++) BUILTIN_DATE_FORMATS.add(id);

/** A format is a date when it has date or time letters outside quotes and [brackets]. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Excel serial days, 1900 or 1904 system, as the instant ExcelJS gives (UTC). */
const fromSerial = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/**
 * The first worksheet, read deterministically: the parts are found through the zip's central
 * directory and read in dependency order (workbook, its relationships, styles, shared strings, then
 * the sheet), whatever their order in the file, streaming each within the limits.
 */
async function readXlsx(bytes: Buffer, limits: SheetLimits, hooks: ReadHooks): Promise<SheetRow[]> {
  let zip: ZipFile | undefined;
  try {
    zip = await openZip(bytes);
    const entries = await listEntries(zip);
    const budget = new Budget(limits);
    const part = (name: string) => entries.get(name.toLowerCase());
    const read = async (name: string, wire: (p: SaxesParser) => void) => {
      const entry = part(name);
      if (!entry) return false;
      hooks.beforePart?.(name);
      await parsePart(zip!, entry, budget, wire);
      return true;
    };
    const readRels = async (name: string) => {
      const rels: Relationship[] = [];
      await read(relsOf(name), (p) =>
        p.on('opentag', (t) => {
          if (localName(t.name) !== 'Relationship' || attr(t, 'TargetMode') === 'External') return;
          rels.push({ id: attr(t, 'Id') ?? '', type: attr(t, 'Type') ?? '', target: resolvePart(name, attr(t, 'Target') ?? '') });
        }),
      );
      return rels;
    };

    const rootRels = await readRels('');
    const workbookPart = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    let date1904 = false;
    let firstSheet: string | undefined;
    const found = await read(workbookPart, (p) =>
      p.on('opentag', (t) => {
        const name = localName(t.name);
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(t, 'date1904') ?? '');
        else if (name === 'sheet' && firstSheet === undefined) firstSheet = relId(t) ?? '';
      }),
    );
    if (!found) throw new FileFault('no workbook part');
    const rels = await readRels(workbookPart);
    const sheetPart =
      rels.find((r) => r.id === firstSheet && r.type.endsWith('/worksheet'))?.target ?? rels.find((r) => r.type.endsWith('/worksheet'))?.target;
    if (!sheetPart || !part(sheetPart)) throw new FileFault('no worksheet');

    const styles = rels.find((r) => r.type.endsWith('/styles'))?.target;
    const dateStyles = styles ? await readDateStyles(read, styles) : new Set<number>();
    const sharedStrings = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
    const strings = sharedStrings ? await readSharedStrings(read, sharedStrings, budget) : [];
    return await readRows(read, sheetPart, { strings, dateStyles, date1904, budget });
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    if (err instanceof FileFault) throw new UnreadableFile(VI.file.brokenXlsx);
    throw new ReaderFailure(err);
  } finally {
    zip?.close();
  }
}

type PartReader = (name: string, wire: (p: SaxesParser) => void) => Promise<boolean>;

/** The cell styles (by index) whose number format shows a date. */
async function readDateStyles(read: PartReader, name: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await read(name, (p) => {
    p.on('opentag', (t) => {
      const tag = localName(t.name);
      if (tag === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
      else if (tag === 'cellXfs') inCellXfs = !t.isSelfClosing;
      else if (tag === 'xf' && inCellXfs) formats.push(Number(attr(t, 'numFmtId') ?? 0));
    });
    p.on('closetag', (t) => {
      if (localName(t.name) === 'cellXfs') inCellXfs = false;
    });
  });
  const dates = new Set<number>();
  formats.forEach((id, index) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(index);
  });
  return dates;
}

/** The shared-string table: rich text runs joined, phonetic guides left out. */
async function readSharedStrings(read: PartReader, name: string, budget: Budget): Promise<string[]> {
  const strings: string[] = [];
  const max = budget.limits.maxSharedStrings;
  const tooMany = () => new FileTooLarge(VI.file.tooManyStrings(max));
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await read(name, (p) => {
    p.on('opentag', (t) => {
      const tag = localName(t.name);
      if (tag === 'sst') {
        const declared = Number(attr(t, 'uniqueCount') ?? 0);
        if (declared > max) throw tooMany();
      } else if (tag === 'si') {
        current = [];
      } else if (tag === 'rPh' && !t.isSelfClosing) phonetic++;
      else if (tag === 't' && !t.isSelfClosing && current && phonetic === 0) inText = true;
    });
    const text = (s: string) => {
      if (!inText || !current) return;
      budget.keepText(s);
      current.push(s);
    };
    p.on('text', text);
    p.on('cdata', text);
    p.on('closetag', (t) => {
      const tag = localName(t.name);
      if (tag === 't') inText = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'si' && current) {
        strings.push(current.join(''));
        current = undefined;
        if (strings.length > max) throw tooMany();
      }
    });
  });
  return strings;
}

/** "BC12" -> 54 (zero-based column index), or undefined. */
function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    const upper = c >= 97 ? c - 32 : c;
    if (upper < 65 || upper > 90) break;
    col = col * 26 + (upper - 64);
    if (col > 16_384) return undefined;
  }
  return i === 0 ? undefined : col - 1;
}

interface SheetContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  budget: Budget;
}

/** The rows of the sheet as the reader of person rows expects them: cells by column, from A. */
async function readRows(read: PartReader, name: string, ctx: SheetContext): Promise<SheetRow[]> {
  const { budget } = ctx;
  const { maxRows, maxColumns } = budget.limits;
  const rows: SheetRow[] = [];
  let rowNumber = 0;
  let cells: CellValue[] | undefined;
  let column = -1;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let value: string[] | undefined;
  let inline: string[] | undefined;
  let collect: string[] | undefined;
  let phonetic = 0;

  const endCell = () => {
    const raw = value?.join('');
    let v: CellValue = null;
    switch (type) {
      case 's': {
        if (raw === undefined || raw.trim() === '') break;
        const index = Number(raw);
        if (!Number.isInteger(index) || index < 0 || index >= ctx.strings.length) throw new FileFault('shared string out of range');
        v = ctx.strings[index];
        break;
      }
      case 'inlineStr':
        v = inline ? inline.join('') : (raw ?? null);
        break;
      case 'str':
      case 'e':
        v = raw ?? null;
        break;
      case 'b':
        v = raw === undefined ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
        break;
      case 'd': {
        if (raw === undefined) break;
        const d = new Date(raw.trim());
        v = Number.isNaN(d.getTime()) ? raw : d;
        break;
      }
      default: {
        if (raw === undefined || raw.trim() === '') break;
        const n = Number(raw);
        if (Number.isNaN(n)) v = raw;
        else v = ctx.dateStyles.has(style) ? fromSerial(n, ctx.date1904) : n;
      }
    }
    if (v === null || !cells) return;
    if (column >= maxColumns) throw tooManyColumns(maxColumns);
    if (typeof v === 'string' && type !== 's') budget.keepText(v);
    if (column >= cells.length) {
      budget.keepCells(column + 1 - cells.length);
      while (cells.length < column) cells.push(null);
      cells.push(v);
    } else cells[column] = v;
  };

  await read(name, (p) => {
    p.on('opentag', (t) => {
      switch (localName(t.name)) {
        case 'row': {
          const r = Number(attr(t, 'r'));
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          column = -1;
          break;
        }
        case 'c':
          column = columnOf(attr(t, 'r')) ?? column + 1;
          type = attr(t, 't') ?? 'n';
          style = Number(attr(t, 's') ?? 0);
          value = undefined;
          inline = undefined;
          break;
        case 'v':
          value = [];
          collect = value;
          break;
        case 'is':
          inline = [];
          break;
        case 'rPh':
          if (!t.isSelfClosing) phonetic++;
          break;
        case 't':
          if (inline && phonetic === 0 && !t.isSelfClosing) collect = inline;
          break;
      }
    });
    const text = (s: string) => {
      if (!collect) return;
      if (collect === inline) budget.keepText(s);
      collect.push(s);
    };
    p.on('text', text);
    p.on('cdata', text);
    p.on('closetag', (t) => {
      switch (localName(t.name)) {
        case 'v':
        case 't':
          collect = undefined;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          endCell();
          break;
        case 'row':
          if (cells) {
            rows.push({ row: rowNumber, cells });
            cells = undefined;
            // The header row comes on top of the data rows.
            if (rows.length > maxRows + 1) throw tooManyRows(maxRows);
          }
          break;
      }
    });
  });
  return rows;
}

// ---- CSV ----

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableFile(VI.file.csvNotUtf8);
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
export function parseCsv(text: string, limits: SheetLimits = DEFAULT_SHEET_LIMITS): SheetRow[] {
  const d = detectDelimiter(text);
  const rows: SheetRow[] = [];
  let cells: CellValue[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let i = 0;
  let cellCount = 0;
  const endField = () => {
    // Empty cells past the last column that may hold a value are dropped, not kept.
    if (cells.length >= limits.maxColumns) {
      if (field.trim() !== '') throw tooManyColumns(limits.maxColumns);
    } else {
      cells.push(field === '' ? null : field);
      cellCount++;
      if (cellCount > limits.maxCells) throw tooManyCells(limits.maxCells);
    }
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push({ row: rowStart, cells });
    if (rows.length > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
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

function readCsv(bytes: Buffer, limits: SheetLimits): SheetRow[] {
  return parseCsv(decodeText(bytes).replace(/^\uFEFF/, ''), limits);
}

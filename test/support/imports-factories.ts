import ExcelJS from 'exceljs';
import type { TestApp } from './test-app.js';

/** Registers as workers make them (XLSX and CSV), uploads, and fingerprints of the person tables. */

export type Cell = string | number | boolean | Date | null;

export async function xlsx(headers: string[], rows: Cell[][], opts: { titleRows?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sach');
  for (const title of opts.titleRows ?? []) ws.addRow([title]);
  ws.addRow(headers);
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => (c === null ? undefined : c)));
    r.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (c: Cell, d: string) => {
  const s = c === null ? '' : String(c);
  return s.includes(d) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csv(headers: string[], rows: Cell[][], delimiter = ','): Buffer {
  const lines = [headers, ...rows].map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export interface Uploaded {
  status: number;
  body: any;
}

export async function upload(
  t: TestApp,
  token: string,
  file: Buffer,
  opts: { filename?: string; dryRun?: boolean; field?: string; contentType?: string } = {},
): Promise<Uploaded> {
  const form = new FormData();
  form.append(opts.field ?? 'file', new Blob([new Uint8Array(file)], { type: opts.contentType ?? 'application/octet-stream' }), opts.filename ?? 'danh-sach.xlsx');
  const res = await fetch(`${t.baseUrl}/api/v1/imports/persons${opts.dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  t.checkContract('POST', `/api/v1/imports/persons`, res.status, res.headers.get('content-type'), body);
  return { status: res.status, body };
}

/** Polls an import until its job has finished. */
export async function finished(t: TestApp, token: string, importId: string, timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.as(token).get(`/api/v1/imports/${importId}`);
    if (res.status !== 200) throw new Error(`import ${importId}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > until) throw new Error(`import ${importId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Uploads and waits; fails the test when the upload is refused. */
export async function importFile(t: TestApp, token: string, file: Buffer, opts: { filename?: string; dryRun?: boolean } = {}): Promise<any> {
  const res = await upload(t, token, file, opts);
  if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${JSON.stringify(res.body)}`);
  return finished(t, token, res.body.importId);
}

export async function download(t: TestApp, token: string, path: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const type = res.headers.get('content-type');
  const body = Buffer.from(await res.arrayBuffer());
  t.checkContract('GET', path, res.status, type, type?.includes('json') ? JSON.parse(body.toString('utf8')) : body);
  return { status: res.status, type, body };
}

export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The values of a worksheet's rows (1-based cells dropped to 0-based). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** Row counts and an md5 over every column of the tables an import may write. */
export async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, order] of [
    ['persons', 'id'],
    ['person_events', 'id'],
    ['case_code_counters', 'unit_id, year'],
  ]) {
    const rows: { n: number; sum: string | null }[] = await t.db.query(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY ${order})) AS sum FROM ${table} x`,
    );
    out[table] = `${rows[0].n}:${rows[0].sum ?? ''}`;
  }
  return out;
}

import ExcelJS from 'exceljs';
import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createHttpApp, migrate } from '../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../src/config/config.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { COLUMNS } from '../src/modules/imports/person-rows.js';
import { Passwords } from '../src/modules/users/passwords.js';
import { checkFlags, createDatabaseIfMissing, intFlag, parseFlags, stringFlag } from './database.js';
import { Prng } from './prng.js';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './vietnam.js';

/**
 * The person import, timed end to end: an N-row register is generated as XLSX (shared strings, as
 * Excel writes them), uploaded by a commune worker to a running service with its workers, and
 * polled until done; then the same file is imported again (every row unchanged).
 *
 *   import { benchImport } from './import-bench.js';
 *   const r = await benchImport({ rows: 100_000, databaseUrl: 'postgres://postgres@127.0.0.1:5432/cm_bench' });
 *
 * or, after `npm run build`: `node dist/bench/import-bench.js --rows 100000 --database-url postgres://…`.
 * The database is created if missing and migrated; the run adds its own province, communes and
 * user (fresh codes each time), so it may share a database with other benchmarks.
 */
export interface ImportBenchOptions {
  rows?: number;
  /** A database the run may write into (created and migrated if needed). */
  databaseUrl: string;
  /** Communes the rows are spread over. */
  communes?: number;
  /** Also time a second import of the same file (default true). */
  reimport?: boolean;
  /** Share of rows without national id (matched by name, date of birth and commune). */
  withoutNationalId?: number;
  seed?: number;
  config?: Partial<AppConfig>;
  log?: (line: string) => void;
}

export interface ImportRun {
  ms: number;
  rowsPerSecond: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  status: string;
}

export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  generateMs: number;
  /** The province the run created; its communes hold the imported files. */
  provinceId: string;
  unitCodes: string[];
  /** Upload (202) to done, as a worker would wait for it. */
  first: ImportRun;
  second?: ImportRun;
}

const headerOf = (field: string) => COLUMNS.find((c) => c.field === field)!.header;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An N-row register as XLSX (N up to 1,000,000), deterministic for a seed; every row valid and distinct. */
export async function registerXlsx(rows: number, unitCodes: string[], opts: { seed?: number; withoutNationalId?: number } = {}): Promise<Buffer> {
  const prng = new Prng(opts.seed ?? randomBytes(4).readUInt32LE(0));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Danh sách');
  const fields = ['fullName', 'dateOfBirth', 'sex', 'nationalId', 'unitCode', 'address', 'phone', 'status', 'substances', 'registeredOn', 'managementDecisionOn', 'inDetention'];
  ws.addRow(fields.map(headerOf)).commit();
  const base = prng.int(0, 999_999);
  // Rows without national id are born on days of their own (one a day from 1930), apart from the
  // rows with one (1960-2005): with the same name, date of birth and sex, a row would be a likely
  // duplicate of an earlier row's file and be rejected (persons/person-candidates.ts).
  let withoutId = 0;
  for (let i = 0; i < rows; i++) {
    const male = prng.chance(0.9);
    const sexKey = male ? 'male' : 'female';
    const name = `${prng.weighted(FAMILY_NAMES)} ${prng.weighted(MIDDLE_NAMES[sexKey])} ${prng.pick(GIVEN_NAMES[sexKey])}`;
    const year = prng.int(1960, 2005);
    const using = prng.chance(0.3);
    const noId = prng.chance(opts.withoutNationalId ?? 0.1);
    const born = noId ? new Date(Date.UTC(1930, 0, 1 + withoutId++)) : null;
    ws.addRow([
      // A sequence number keeps rows without national id distinct by name.
      noId ? `${name} ${i}` : name,
      born ? `${born.getUTCDate()}/${born.getUTCMonth() + 1}/${born.getUTCFullYear()}` : `${prng.int(1, 28)}/${prng.int(1, 12)}/${year}`,
      male ? 'Nam' : 'Nữ',
      noId ? null : `0${pad(prng.int(1, 96))}${male ? '0' : '1'}${String(year).slice(2)}${String((base + i) % 1_000_000).padStart(6, '0')}`,
      unitCodes[i % unitCodes.length],
      `Số ${prng.int(1, 300)}, thôn ${prng.int(1, 12)}`,
      `09${prng.digits(8)}`,
      using ? 'Sử dụng' : 'Nghiện',
      prng.chance(0.6) ? 'heroin' : 'methamphetamine, cần sa',
      `${pad(prng.int(1, 28))}/${pad(prng.int(1, 12))}/2024`,
      using ? `${pad(prng.int(1, 28))}/${pad(prng.int(1, 12))}/2024` : null,
      prng.chance(0.02) ? 'Có' : 'Không',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function uploadAndWait(baseUrl: string, token: string, file: Buffer, timeoutMs: number): Promise<ImportRun> {
  const started = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'register.xlsx');
  const res = await fetch(`${baseUrl}/api/v1/imports/persons`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as { importId?: string };
  if (res.status !== 202 || !body.importId) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
  for (;;) {
    const r = await fetch(`${baseUrl}/api/v1/imports/${body.importId}`, { headers: { authorization: `Bearer ${token}` } });
    const s = (await r.json()) as { status: string; counts: ImportRun['counts'] };
    if (s.status === 'done' || s.status === 'failed') {
      const ms = performance.now() - started;
      const rows = s.counts.created + s.counts.updated + s.counts.unchanged + s.counts.rejected;
      return { ms: Math.round(ms), rowsPerSecond: Math.round((rows / ms) * 1000), counts: s.counts, status: s.status };
    }
    if (performance.now() - started > timeoutMs) throw new Error(`import still ${s.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function benchImport(opts: ImportBenchOptions): Promise<ImportBenchResult> {
  const rows = opts.rows ?? 100_000;
  const log = opts.log ?? (() => undefined);
  await createDatabaseIfMissing(opts.databaseUrl);
  await migrate(opts.databaseUrl);
  const config: AppConfig = {
    ...loadConfig(process.env),
    databaseUrl: opts.databaseUrl,
    queuePrefix: `bench-import:${randomBytes(4).toString('hex')}`,
    runWorkers: true,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    ...opts.config,
  };
  let app: NestFastifyApplication | undefined;
  try {
    app = await createHttpApp(config, opts.databaseUrl);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const db = app.get(DataSource);

    // A province with its communes and a worker for it.
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const provinceId = randomUUID();
    await db.query(`INSERT INTO admin_units (id, code, name, level, path) VALUES ($1, $2, $3, 'province', $4)`, [
      provinceId,
      `BI${tag}`,
      `Tỉnh thử ${tag}`,
      `${provinceId}/`,
    ]);
    const unitCodes: string[] = [];
    for (let i = 0; i < (opts.communes ?? 20); i++) {
      const id = randomUUID();
      const code = `BI${tag}${pad(i, 3)}`;
      unitCodes.push(code);
      await db.query(`INSERT INTO admin_units (id, code, name, level, parent_id, path) VALUES ($1, $2, $3, 'commune', $4, $5)`, [
        id,
        code,
        `Xã thử ${tag} ${i}`,
        provinceId,
        `${provinceId}/${id}/`,
      ]);
    }
    const username = `bench.import.${tag.toLowerCase()}`;
    const password = randomBytes(12).toString('hex');
    await db.query(`INSERT INTO users (username, password_hash, role, admin_unit_id) VALUES ($1, $2, 'commune_worker', $3)`, [
      username,
      await app.get(Passwords).hash(password),
      provinceId,
    ]);
    const { accessToken } = await app.get(AuthService).login(username, password, { id: null, role: null, ip: '127.0.0.1', requestId: null });

    let t = performance.now();
    const file = await registerXlsx(rows, unitCodes, { seed: opts.seed, withoutNationalId: opts.withoutNationalId });
    const generateMs = Math.round(performance.now() - t);
    log(`import bench: ${rows} rows, ${(file.length / 1e6).toFixed(1)} MB XLSX generated in ${generateMs} ms`);

    const timeoutMs = Math.max(120_000, rows * 5);
    const first = await uploadAndWait(baseUrl, accessToken, file, timeoutMs);
    log(`import bench: first import ${first.status} in ${first.ms} ms (${first.rowsPerSecond} rows/s) ${JSON.stringify(first.counts)}`);
    let second: ImportRun | undefined;
    if (opts.reimport !== false) {
      t = performance.now();
      second = await uploadAndWait(baseUrl, accessToken, file, timeoutMs);
      log(`import bench: same file again ${second.status} in ${second.ms} ms (${second.rowsPerSecond} rows/s) ${JSON.stringify(second.counts)}`);
    }
    return { rows, fileBytes: file.length, generateMs, provinceId, unitCodes, first, second };
  } finally {
    await app?.close();
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  const flags = parseFlags(process.argv.slice(2));
  checkFlags(flags, ['rows', 'database-url', 'communes', 'no-reimport']);
  const databaseUrl = stringFlag(flags, 'database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cm_bench';
  benchImport({
    rows: intFlag(flags, 'rows', 100_000, 1),
    communes: intFlag(flags, 'communes', 20, 1),
    reimport: !flags.has('no-reimport'),
    databaseUrl,
    log: (line) => console.log(line),
  })
    .then((r) => {
      console.log(JSON.stringify(r));
      process.exit(0);
    })
    .catch((err: Error) => {
      console.error(err);
      process.exit(1);
    });
}

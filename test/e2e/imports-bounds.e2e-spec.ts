import { Queue, Worker } from 'bullmq';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { importJobId } from '../../src/modules/imports/imports.jobs.js';
import { user, world, type TestUser, type World } from '../support/factories.js';
import { finished, importFile, upload } from '../support/imports-factories.js';
import { discard, restart, waitFor, type Restarted } from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { repeatedDeflate, sheetXml, xlsxOfParts } from '../support/zip-writer.js';

/**
 * What an upload may cost (issues 14.1 and 15.2): a register written by SheetJS imports every time;
 * zip bombs and oversized sheets fail with one row-free error while the reading process stays under
 * 600 MB; a job that stopped its worker twice is failed and its import says why.
 */
const LETTERS = 'ABCDEGHIKLMNOPQRSTUVXY';
const ROOT = resolve(import.meta.dirname, '../..');
const HEADERS = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị cư trú', 'Tình trạng (sử dụng/nghiện)', 'Ngày lập hồ sơ'];

const bombs = {
  /** 10 MB of text repeated into a 400 MB shared-strings part, declared honestly. */
  unpacked: () => xlsxOfParts(sheetXml(''), repeatedDeflate('<sst><si><t>', 'A'.repeat(1 << 20), 400, '</t></si></sst>')),
  /** The same, its sizes declared small. */
  lying: () => xlsxOfParts(sheetXml(''), { ...repeatedDeflate('<sst><si><t>', 'A'.repeat(1 << 20), 400, '</t></si></sst>'), size: 900 }),
  sharedStrings: () => xlsxOfParts(sheetXml(''), repeatedDeflate('<sst>', '<si><t>a</t></si>'.repeat(1000), 1100, '</sst>')),
  text: () => xlsxOfParts(sheetXml(''), repeatedDeflate('<sst>', `<si><t>${'Ư'.repeat(10_000)}</t></si>`, 4_000, '</sst>')),
  rows: () => xlsxOfParts(repeatedDeflate('<worksheet><sheetData>', '<row><c><v>1</v></c></row>'.repeat(100), 2_100, '</sheetData></worksheet>')),
  cells: () => xlsxOfParts(repeatedDeflate('<worksheet><sheetData>', '<row><c r="CV1"><v>1.5</v></c></row>'.repeat(100), 500, '</sheetData></worksheet>')),
};

/** Within every limit and close to all of them: 200,000 rows of 20 cells, a million 54-byte strings. */
function atTheLimits(): Buffer {
  const strings = repeatedDeflate('<sst>', `<si><t>${'Nguyễn Thị Ư '.repeat(3)}</t></si>`.repeat(1000), 1000, '</sst>');
  const row = `<row>${Array.from({ length: 10 }, (_, i) => `<c t="s"><v>${i * 977}</v></c><c><v>${i}.25</v></c>`).join('')}</row>`;
  return xlsxOfParts(repeatedDeflate('<worksheet><sheetData>', row.repeat(100), 2_000, '</sheetData></worksheet>'), strings);
}

describe('bounded imports', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;
  const dir = mkdtempSync(join(tmpdir(), 'cm-bombs-'));

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    w = await world(t);
    worker = await user(t, 'commune_worker', w.d);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a register written by SheetJS (shared strings after the sheet) every time', async () => {
    const rows = [HEADERS, ...Array.from({ length: 30 }, (_, i) => [`Nguyễn Văn ${LETTERS[i % 22]}${LETTERS[Math.floor(i / 22)]}`, '03/05/1990', 'Nam', w.c1.code, 'nghiện', new Date(Date.UTC(2024, 0, 2))])];
    const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: 'dd/mm/yyyy' });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Danh sach');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer;
    for (let i = 0; i < 5; i++) {
      const dry = await importFile(t, worker.token, bytes, { dryRun: true });
      expect([dry.status, dry.errors, dry.counts]).toEqual(['done', [], { created: 30, updated: 0, unchanged: 0, rejected: 0 }]);
    }
  });

  it.each(Object.keys(bombs) as (keyof typeof bombs)[])('fails a %s bomb with one row-free error', async (kind) => {
    const bytes = bombs[kind]();
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
    const res = await upload(t, worker.token, bytes, { dryRun: true });
    expect(res.status).toBe(202);
    const done = await finished(t, worker.token, res.body.importId, 120_000);
    expect(done.status).toBe('failed');
    expect(done.errors).toEqual([
      { row: 0, column: '', field: null, code: kind === 'lying' ? 'unreadable_file' : 'file_too_large', message: expect.stringMatching(/^Tệp|^Không đọc được/) },
    ]);
    expect(done.counts).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 0 });
  }, 150_000);

  it('reads every bomb, and a file at the limits, in a process that stays under 600 MB', async () => {
    // Incremental: only what changed since the last build is compiled.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    const files: [string, Buffer][] = [...Object.entries(bombs).map(([k, f]) => [k, f()] as [string, Buffer]), ['limits', atTheLimits()]];
    const peaks: string[] = [];
    for (const [name, bytes] of files) {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, bytes);
      const out = JSON.parse(
        execFileSync(process.execPath, [join(ROOT, 'test/support/read-sheet-child.mjs'), join(ROOT, 'dist/src/modules/imports/sheet-reader.js'), file], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '' },
        }),
      ) as { rows?: number; code?: string; maxRssMb: number };
      if (name === 'limits') expect(out).toMatchObject({ rows: 200_000 });
      else expect(out).toMatchObject({ code: name === 'lying' ? 'unreadable_file' : 'file_too_large' });
      expect({ name, under600: out.maxRssMb < 600 }).toEqual({ name, under600: true });
      peaks.push(`${name} ${out.maxRssMb} MB`);
    }
    process.stdout.write(`peak RSS of the reading process: ${peaks.join(', ')}\n`);
  }, 480_000);
});

describe('an import whose job stopped its worker twice', () => {
  const LOCK_MS = 1_000;
  let t: TestApp;
  let again: Restarted | undefined;

  afterEach(async () => {
    await again?.close();
    await t.app.close().catch(() => undefined);
    await discard(t);
  });

  it('is failed, saying why, instead of staying running', async () => {
    t = await startTestApp({ runWorkers: false });
    const w = await world(t);
    const worker = await user(t, 'commune_worker', w.d);
    const bytes = xlsxOfParts(sheetXml('<row><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>'));
    const res = await upload(t, worker.token, bytes);
    expect(res.status).toBe(202);
    const jobId = importJobId(res.body.importId);
    const connection = { url: t.config.redisUrl };
    const inspect = new Queue('imports', { connection, prefix: t.config.queuePrefix });
    try {
      // Two workers in turn take the job and die with it in hand (no lock renewed, nothing released),
      // as a process killed by the file would.
      for (let crash = 0; crash < 2; crash++) {
        let took!: () => void;
        const inHand = new Promise<void>((r) => (took = r));
        const dying = new Worker(
          'imports',
          () => {
            took();
            return new Promise(() => undefined);
          },
          { connection, prefix: t.config.queuePrefix, lockDuration: LOCK_MS, stalledInterval: LOCK_MS, maxStalledCount: 5 },
        );
        await inHand;
        await dying.close(true);
        expect(await (await inspect.getJob(jobId))?.getState()).toBe('active');
      }
      // The service's worker finds it stalled a second time.
      again = await restart(t, { runWorkers: true, jobLockSeconds: 1 });
      const status = await waitFor(async () => {
        const rows: { status: string; file_errors: { code: string; message: string }[] }[] = await t.db.query(
          `SELECT status, file_errors FROM imports WHERE id = $1`,
          [res.body.importId],
        );
        return rows[0].status === 'failed' ? rows[0] : undefined;
      }, 20_000, 'the import to be failed');
      expect(status.file_errors).toEqual([{ row: 0, column: '', field: null, code: 'worker_crashed', message: expect.stringContaining('2 lần') }]);
      const job = await waitFor(async () => {
        const j = await inspect.getJob(jobId);
        return (await j?.getState()) === 'failed' ? j : undefined;
      }, 10_000, 'the job to be failed');
      expect(job.stalledCounter).toBe(2);
      expect(job.failedReason).toMatch(/stopped its worker 2 times/);
    } finally {
      await inspect.close();
    }
  }, 60_000);
});

// Reads one XLSX with the compiled reader and prints what it made of it and the process's peak RSS.
// Run by test/e2e/imports-bounds.e2e-spec.ts: node read-sheet-child.mjs <dist sheet-reader.js> <file>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , modulePath, file] = process.argv;
const { readSheet } = await import(pathToFileURL(modulePath).href);
let outcome;
try {
  const rows = await readSheet(readFileSync(file), 'xlsx');
  outcome = { rows: rows.length };
} catch (err) {
  outcome = { error: err.name, code: err.code };
}
process.stdout.write(JSON.stringify({ ...outcome, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));

// The web app's tests as two Playwright runs side by side: the bundle check with the desktop
// project, and the phone project. Each run has its own service, database, seed (of the one site its
// projects use: WEB_SITES) and output folder (see e2e/global-setup.ts), so they share nothing; the
// two JSON reports are summed into one at PLAYWRIGHT_JSON_OUTPUT (default
// ../.playwright-results.json), which CI reads. Arguments (a spec file, --grep …) are passed to both
// runs.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const target = process.env.PLAYWRIGHT_JSON_OUTPUT ?? resolve(root, '.playwright-results.json');
const runs = [
  { name: 'desktop', projects: ['bundle', 'desktop'], sites: 'desktop' },
  { name: 'phone', projects: ['phone'], sites: 'phone' },
];

function run({ name, projects, sites }) {
  const out = resolve(root, `.playwright-output-${name}`);
  const json = resolve(root, `.playwright-results-${name}.json`);
  const args = ['playwright', 'test', '-c', 'playwright.config.ts', ...projects.map((p) => `--project=${p}`), ...process.argv.slice(2)];
  const child = spawn('npx', args, {
    cwd: import.meta.dirname,
    env: { ...process.env, WEB_SITES: sites, PLAYWRIGHT_JSON_OUTPUT: json, PLAYWRIGHT_OUTPUT_DIR: out, WEB_STATE_FILE: resolve(out, 'state.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, sink) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) sink.write(`[${name}] ${line}\n`);
    });
    stream.on('end', () => rest && sink.write(`[${name}] ${rest}\n`));
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return new Promise((done) => child.on('close', (code) => done({ code: code ?? 1, json })));
}

const results = await Promise.all(runs.map(run));
const merged = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [], suites: [] };
for (const { json } of results) {
  let report;
  try {
    report = JSON.parse(readFileSync(json, 'utf8'));
  } catch {
    merged.errors.push({ message: `no report at ${json}` });
    continue;
  }
  for (const key of Object.keys(merged.stats)) merged.stats[key] += report.stats?.[key] ?? 0;
  merged.errors.push(...(report.errors ?? []));
  merged.suites.push(...(report.suites ?? []));
}
writeFileSync(target, JSON.stringify(merged));
console.log(`web: ${merged.stats.expected} passed, ${merged.stats.unexpected + merged.stats.flaky} failed`);
process.exit(results.some((r) => r.code !== 0) || merged.errors.length ? 1 : 0);

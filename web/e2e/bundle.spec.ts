import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A cheap phone on weak 4G: the first screen after sign-in must load at most 300 kB of compressed
 * JavaScript. Read from the build manifest: the entry's static imports plus the role's first
 * screen (a lazy route) and its static imports, each file gzipped once.
 */
const DIST = resolve(import.meta.dirname, '../dist');
const LIMIT = 300 * 1024;

interface Chunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}
const manifest = JSON.parse(readFileSync(resolve(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

const gzipped = (files: Iterable<string>) =>
  [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSync(readFileSync(resolve(DIST, f)), { level: 9 }).length, 0);

for (const [role, screen] of [
  ['commune worker', 'src/screens/Today.tsx'],
  ['province officer and admin', 'src/screens/People.tsx'],
  ['clinic staff', 'src/screens/Clinic.tsx'],
  ['facility staff', 'src/screens/Facility.tsx'],
] as const) {
  test(`the first screen of the ${role} loads at most 300 kB of compressed JavaScript`, () => {
    expect(manifest['index.html']?.isEntry).toBe(true);
    expect(manifest[screen]?.isDynamicEntry, `${screen} is a lazy route`).toBe(true);
    const files = new Set([...closure(['index.html', screen])].map((k) => manifest[k]!.file));
    const bytes = gzipped(files);
    test.info().annotations.push({ type: 'gzip bytes', description: `${role}: ${bytes}` });
    console.log(`${role}: ${(bytes / 1024).toFixed(1)} kB gzip in ${files.size} files`);
    expect(bytes).toBeLessThanOrEqual(LIMIT);
    expect(bytes).toBeGreaterThan(50 * 1024); // the manifest really was read: React and Ant Design are in it
  });
}

test('the sign-in screen does not load the screens behind it', () => {
  const entry = new Set([...closure(['index.html'])].map((k) => manifest[k]!.file));
  for (const screen of ['src/screens/Clinic.tsx', 'src/screens/PersonPage.tsx', 'src/screens/Today.tsx']) {
    expect(entry.has(manifest[screen]!.file)).toBe(false);
  }
});

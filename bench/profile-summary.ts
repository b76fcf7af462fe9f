import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof` writes one `.cpuprofile` per process) by self time
 * and by inclusive time, per function and per package:
 *
 *   node dist/bench/profile-summary.js CPU.…cpuprofile [--top 25] [--requests N] [--from-us A --to-us B]
 *
 * With `--requests` (the answers served while profiling) each line also gives its µs per request;
 * `--from-us`/`--to-us` keep the samples of that window (µs of the monotonic clock, as
 * bench/profile-reads.ts prints for its load).
 * Shares are of the busy samples (idle left out). A package is the `node_modules` folder a function
 * lives in, `app` for this project's own code, `node` for Node's internals; `(gc)`, `(program)` are
 * V8's own.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds of the monotonic clock (the same as `process.hrtime` of any process on the machine). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Only the samples taken between these two instants (µs of the monotonic clock), e.g. a load's. */
export interface SampleWindow {
  fromUs: number;
  toUs: number;
}

export interface ProfileLine {
  name: string;
  us: number;
  share: number;
}

export interface ProfileSummary {
  totalUs: number;
  idleUs: number;
  busyUs: number;
  selfByFunction: ProfileLine[];
  selfByPackage: ProfileLine[];
  inclusiveByFunction: ProfileLine[];
  inclusiveByPackage: ProfileLine[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** The package of a script URL: the last `node_modules/<name>` (or `@scope/name`) in it. */
export function packageOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName === '(garbage collector)' ? '(gc)' : frame.functionName;
  const url = frame.url;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node';
  const at = url.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const rest = url.slice(at + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return 'app';
}

function functionOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName;
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, '');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

export function summarise(profile: CpuProfile, top = 25, window?: SampleWindow): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfFn = new Map<string, number>();
  const selfPkg = new Map<string, number>();
  const inclFn = new Map<string, number>();
  const inclPkg = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  let idle = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    // A sample's time is the delta to the next one (V8 records the delta before each sample).
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const node = byId.get(profile.samples[i]);
    if (!node || us <= 0) continue;
    total += us;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    add(selfFn, functionOf(node.callFrame), us);
    add(selfPkg, packageOf(node.callFrame), us);
    // Inclusive: each function or package once per sample, however deep the recursion.
    const fns = new Set<string>();
    const pkgs = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = (byId.get(id) as ProfileNode).callFrame;
      if (frame.functionName === '(root)') break;
      fns.add(functionOf(frame));
      pkgs.add(packageOf(frame));
    }
    for (const f of fns) add(inclFn, f, us);
    for (const p of pkgs) add(inclPkg, p, us);
  }
  const busy = total - idle;
  const lines = (m: Map<string, number>, n: number): ProfileLine[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, us, share: busy ? us / busy : 0 }));
  return {
    totalUs: total,
    idleUs: idle,
    busyUs: busy,
    selfByFunction: lines(selfFn, top),
    selfByPackage: lines(selfPkg, top),
    inclusiveByFunction: lines(inclFn, top),
    inclusiveByPackage: lines(inclPkg, top),
  };
}

export function formatSummary(s: ProfileSummary, requests?: number): string {
  const out: string[] = [];
  const ms = (us: number) => (us / 1000).toFixed(0);
  out.push(`profile: ${ms(s.totalUs)} ms, idle ${ms(s.idleUs)} ms, busy ${ms(s.busyUs)} ms${requests ? ` = ${(s.busyUs / 1000 / requests).toFixed(3)} ms per request (${requests} requests)` : ''}`);
  const table = (title: string, lines: ProfileLine[]) => {
    out.push('', title);
    for (const l of lines) {
      const perReq = requests ? `${(l.us / requests).toFixed(1).padStart(8)} µs/req` : '';
      out.push(`${(l.share * 100).toFixed(1).padStart(6)} % ${perReq}  ${l.name}`);
    }
  };
  table('self time by package', s.selfByPackage);
  table('inclusive time by package', s.inclusiveByPackage);
  table('self time by function', s.selfByFunction);
  table('inclusive time by function', s.inclusiveByFunction);
  return out.join('\n');
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile-summary.js FILE.cpuprofile [--top N] [--requests N]\n');
    process.exit(2);
  }
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const fromUs = flag('from-us');
  const toUs = flag('to-us');
  const window = fromUs !== undefined && toUs !== undefined ? { fromUs, toUs } : undefined;
  console.log(formatSummary(summarise(profile, flag('top') ?? 25, window), flag('requests')));
}

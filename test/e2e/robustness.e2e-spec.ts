/**
 * Property-based robustness (SPEC 9, issue 9): every write and list route of the OpenAPI document,
 * fed generated malformed and hostile bodies, query strings and path ids, as an administrator and
 * as a commune worker, answers 4xx in the error shape, never 5xx, never leaks internals, and a
 * refused request leaves no row behind. Routes are read from `/api/docs-json`, so feature routes
 * are covered as they land.
 */
import { jest } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import {
  HOSTILE_PATH_IDS,
  errorShapeProblems,
  fillPath,
  fingerprint,
  hostileQuery,
  leaks,
  malformedBody,
  messageText,
  realPathIds,
  routesOf,
  seedFiles,
  shapedBody,
  type OpenApiDoc,
  type Route,
  type SeededFiles,
  type ValueContext,
} from '../support/hostile.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

const SEED = 20_260_509;
/** Runs per route and caller; HOSTILE_RUNS scales them for a longer local hunt. */
const SCALE = Number(process.env.HOSTILE_RUNS ?? 1);
const MALFORMED_RUNS = Math.round(200 * SCALE);
const SHAPED_RUNS = Math.round(60 * SCALE);
const QUERY_RUNS = Math.round(120 * SCALE);

jest.setTimeout(240_000);

interface Failure {
  route: string;
  caller: string;
  input: string;
  status: number;
  problems: string[];
  body: string;
}

describe('robustness under hostile input (property-based, seeded)', () => {
  let t: TestApp;
  let w: World;
  let doc: OpenApiDoc;
  let routes: Route[];
  let files: SeededFiles;
  let ctx: ValueContext;
  const callers: Record<'admin' | 'commune_worker', TestUser> = {} as never;
  const known: Record<string, string> = {};
  const counts: Record<string, number> = {};
  const count = (cls: string, n = 1) => (counts[cls] = (counts[cls] ?? 0) + n);

  const writeRoutes = () => routes.filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method));
  const listRoutes = () => routes.filter((r) => r.method === 'GET' && r.query.length > 0);
  const idRoutes = () => routes.filter((r) => r.pathParams.length > 0);
  const label = (r: Route) => `${r.method} ${r.template}`;

  /** Logs the caller in again should a generated request have ended its session (logout). */
  async function keepSession(who: keyof typeof callers): Promise<void> {
    const me = await t.as(callers[who].token).get('/api/v1/auth/me');
    if (me.status === 200) return;
    const c = callers[who];
    await t.db.query(`DELETE FROM login_failures`);
    const pair = await t.app.get(AuthService).login(c.username, c.password, { id: null, role: null, ip: '127.0.0.1', requestId: null });
    callers[who] = { ...c, token: pair.accessToken, refreshToken: pair.refreshToken };
  }

  function check(failures: Failure[], route: Route, caller: string, input: string, res: Reply, extra: string[] = []): void {
    const problems = [...extra];
    if (res.status >= 400 || res.status < 200) problems.push(...errorShapeProblems(res.status, res.body));
    else problems.push(...leaks(res.body));
    if (problems.length) {
      failures.push({
        route: label(route),
        caller,
        input: input.slice(0, 300),
        status: res.status,
        problems,
        body: JSON.stringify(res.body).slice(0, 300),
      });
    }
  }

  const send = (who: keyof typeof callers, method: string, path: string, json?: string) =>
    json === undefined ? t.as(callers[who].token).get(path) : t.as(callers[who].token).raw(method, path, json, 'application/json');

  async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
    for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
  }

  const report = (failures: Failure[]) =>
    failures
      .slice(0, 25)
      .map((f) => `${f.route} as ${f.caller} <- ${f.input}\n   => ${f.status} ${f.problems.join('; ')} ${f.body}`)
      .join('\n');

  beforeAll(async () => {
    t = await startTestApp();
    w = await world(t);
    callers.admin = await admin(t);
    callers.commune_worker = await user(t, 'commune_worker', w.c1);
    const victim = await user(t, 'commune_worker', w.c2);
    files = await seedFiles(t.db, w.c1.id, w.c1.code, w.clinicP);
    Object.assign(known, {
      'admin-units': w.c1.id,
      facilities: w.clinicP,
      users: victim.id,
      persons: files.personId,
      enrollments: files.enrollmentId,
      supervisions: files.supervisionId,
      'follow-ups': files.followUpId,
      reminders: files.reminderId,
      services: files.serviceContactId,
      jobId: `coverage_${w.c1.id}_2025-01-01_2025-01-31`,
    });
    ctx = { ids: [w.c1.id, w.p.id, w.qc.id, w.clinicP, w.rehabQ, files.personId, files.enrollmentId, files.supervisionId, victim.id] };
    const res = await t.http.get('/api/docs-json');
    doc = res.body;
    routes = routesOf(doc);
  });

  afterAll(async () => {
    if (process.env.HOSTILE_REPORT) console.log(`hostile inputs sent, by class:\n${JSON.stringify(counts, null, 2)}`);
    await t?.close();
  });

  it('finds the identity routes in the OpenAPI document (the generators have something to chew on)', () => {
    const names = routes.map(label);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/v1/admin-units',
        'GET /api/v1/admin-units',
        'POST /api/v1/facilities',
        'POST /api/v1/users',
        'PATCH /api/v1/users/{id}',
        'POST /api/v1/auth/login',
        'GET /api/v1/audit-logs',
      ]),
    );
    expect(writeRoutes().length).toBeGreaterThanOrEqual(6);
  });

  it('refuses certainly-invalid bodies on every write route with a 4xx naming the field, and writes nothing', async () => {
    const failures: Failure[] = [];
    const before = await fingerprint(t.db);
    for (const route of writeRoutes()) {
      if (!route.body?.properties || !Object.keys(route.body.properties).length) continue;
      const path = fillPath(route.template, realPathIds(route, known));
      for (const who of ['admin', 'commune_worker'] as const) {
        const bodies = fc.sample(malformedBody(route.body, ctx), { seed: SEED, numRuns: MALFORMED_RUNS });
        await inBatches(bodies, 8, async (b) => {
          const res = await send(who, route.method, path, b.json);
          count(`malformed body (${b.broken[0] === 'body' ? 'not an object' : 'bad field or foreign key'})`);
          const extra: string[] = [];
          if (res.status < 400) extra.push(`accepted a body broken at ${b.broken.join(',')}`);
          // A 400 names the fields at fault: the broken one, or another the generator spoiled too.
          const named = b.broken.filter((f) => f.trim() && f !== 'body' && f !== '__proto__' && f !== '\u0000');
          const candidates = [...named, ...Object.keys(route.body!.properties!)];
          // Keys that cannot be named legibly, and JSON the parser refuses, are exempt.
          const exempt = /should not exist|nested deeper|not valid JSON/.test(messageText(res.body));
          if (res.status === 400 && !exempt && b.broken[0] !== 'body' && !candidates.some((f) => messageText(res.body).includes(f))) {
            extra.push(`400 names no field (${named.join(',')}): ${messageText(res.body).slice(0, 120)}`);
          }
          // An undeclared key alongside a body of the right types is refused by name.
          if (res.status === 400 && named.length && b.onlyBroken && !named.some((f) => messageText(res.body).includes(f))) {
            extra.push(`400 does not name ${named.join(',')}: ${messageText(res.body).slice(0, 120)}`);
          }
          check(failures, route, who, b.json, res, extra);
        });
        await keepSession(who);
      }
    }
    const after = await fingerprint(t.db);
    expect(report(failures)).toBe('');
    expect(after).toEqual(before);
  });

  it('survives bodies of the right shape with hostile values: never 5xx, and a refused one changes no row', async () => {
    const failures: Failure[] = [];
    for (const route of writeRoutes()) {
      const path = fillPath(route.template, realPathIds(route, known));
      for (const who of ['admin', 'commune_worker'] as const) {
        const bodies = fc.sample(shapedBody(route.body, ctx), { seed: SEED + 1, numRuns: SHAPED_RUNS });
        let state = await fingerprint(t.db);
        for (const json of bodies) {
          const res = await send(who, route.method, path, json);
          count('shaped body with hostile values');
          const now = await fingerprint(t.db);
          const extra: string[] = [];
          if (res.status >= 400) {
            const changed = Object.keys(now).filter((k) => now[k] !== state[k]);
            if (changed.length) extra.push(`refused with ${res.status} yet changed ${changed.join(',')}`);
          }
          state = now;
          check(failures, route, who, json, res, extra);
          if (res.status === 401) await keepSession(who);
        }
        await keepSession(who);
      }
    }
    expect(report(failures)).toBe('');
  });

  it('answers malformed transport (content types, broken JSON, oversized bodies) on every write route with a 4xx', async () => {
    const failures: Failure[] = [];
    const cases: [string, string | undefined][] = [
      ['{"a":', 'application/json'],
      ['{"a":1,}', 'application/json'],
      ["{'a':1}", 'application/json'],
      ['', 'application/json'],
      ['\u0000', 'application/json'],
      ['{"__proto__":{"isAdmin":true}}', 'application/json'],
      ['{"constructor":{"prototype":{"isAdmin":true}}}', 'application/json'],
      ['a=1&b=2', 'application/x-www-form-urlencoded'],
      ['plain text', 'text/plain'],
      ['<x/>', 'application/xml'],
      ['{"a":1}', 'application/json; charset=utf-16'],
      [`{"a":"${'x'.repeat(1_100_000)}"}`, 'application/json'],
    ];
    for (const route of writeRoutes()) {
      const path = fillPath(route.template, realPathIds(route, known));
      for (const [body, type] of cases) {
        const res = await t.as(callers.admin.token).raw(route.method, path, body, type);
        count('malformed transport');
        const extra = res.status < 400 && route.body?.properties ? [`accepted ${type} ${body.slice(0, 30)}`] : [];
        // A route without a body ignores what it is sent; only a 5xx or a leak is wrong there.
        if (res.status >= 400 || extra.length) check(failures, route, 'admin', `${type}: ${body.slice(0, 60)}`, res, extra);
      }
      await keepSession('admin');
    }
    expect(report(failures)).toBe('');
  });

  it('answers hostile query strings on every list route with 200 or a 4xx, refusing bad paging with 400', async () => {
    const failures: Failure[] = [];
    for (const route of listRoutes()) {
      const base = fillPath(route.template, realPathIds(route, known));
      for (const who of ['admin', 'commune_worker'] as const) {
        const queries = fc.sample(hostileQuery(route, ctx), { seed: SEED + 2, numRuns: QUERY_RUNS });
        await inBatches(queries, 8, async (q) => {
          const res = await send(who, 'GET', `${base}?${q.qs}`);
          count('hostile query string');
          const extra: string[] = [];
          if (q.mustRefuse.length && res.status !== 400 && res.status !== 403) {
            extra.push(`bad ${q.mustRefuse.join(',')} answered ${res.status}`);
          }
          if (q.mustRefuse.length && res.status === 400 && !q.mustRefuse.some((p) => messageText(res.body).includes(p))) {
            // Another invalid parameter may be named instead; it must then be one of the query's.
            const named = route.query.some((p) => messageText(res.body).includes(p.name)) || /should not exist/.test(messageText(res.body));
            if (!named) extra.push(`400 names no parameter: ${messageText(res.body).slice(0, 120)}`);
          }
          if (res.status === 200 && res.body && typeof res.body === 'object' && 'items' in res.body) {
            const b = res.body as { items: unknown[]; page: number; pageSize: number; total: number };
            if (!Array.isArray(b.items) || b.pageSize > 100 || b.pageSize < 1 || b.page < 1 || b.items.length > b.pageSize) {
              extra.push(`list shape broken: page ${b.page} pageSize ${b.pageSize} items ${b.items?.length}`);
            }
          }
          check(failures, route, who, q.qs, res, extra);
        });
      }
    }
    expect(report(failures)).toBe('');
  });

  it('answers hostile path ids on every route with a path parameter with a 4xx, and a uuid of nothing with 404', async () => {
    const failures: Failure[] = [];
    for (const route of idRoutes()) {
      for (const who of ['admin', 'commune_worker'] as const) {
        for (const id of [...HOSTILE_PATH_IDS, randomUUID()]) {
          const values = Object.fromEntries(route.pathParams.map((p) => [p, id]));
          // encodeURIComponent keeps the id one path segment; the raw '../' forms are sent as well.
          const paths = [fillPath(route.template, values)];
          if (id.includes('/') || id.includes('%')) paths.push(route.template.replace(/\{\w+\}/g, id));
          for (const path of paths) {
            const res = await send(who, route.method, path, route.method === 'GET' ? undefined : '{}');
            count('hostile path id');
            const extra = res.status < 400 ? [`answered ${res.status}`] : [];
            check(failures, route, who, path.slice(0, 120), res, extra);
          }
        }
      }
    }
    // A uuid nobody holds is simply not found, for the administrator, on every GET by id.
    for (const route of idRoutes().filter((r) => r.method === 'GET' && r.pathParams.includes('id'))) {
      const res = await send('admin', 'GET', fillPath(route.template, { id: randomUUID() }));
      count('uuid of nothing');
      if (res.status !== 404) check(failures, route, 'admin', 'uuid of nothing', res, [`answered ${res.status}, not 404`]);
    }
    expect(report(failures)).toBe('');
  });
});

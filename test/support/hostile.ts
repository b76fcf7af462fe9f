/**
 * Generators of malformed and hostile input, driven by the service's own OpenAPI document, so a
 * route is covered as soon as it is documented: no per-route list to keep by hand.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

// ---------------------------------------------------------------------------------------------
// The OpenAPI document

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  $ref?: string;
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  in: 'query' | 'path' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The documented template, e.g. `/api/v1/persons/{id}`. */
  template: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  /** The JSON body schema, resolved; undefined when the route takes none. */
  body?: Schema;
}

/** Follows `$ref` and merges `allOf` so callers see plain properties. */
export function resolve(doc: OpenApiDoc, schema: Schema | undefined, depth = 0): Schema | undefined {
  if (!schema || depth > 10) return schema;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc, doc.components?.schemas?.[name], depth + 1);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(doc, s, depth + 1) ?? {});
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

export function routesOf(doc: OpenApiDoc): Route[] {
  const routes: Route[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Route['method'];
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
      const params = op.parameters ?? [];
      routes.push({
        method,
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: !!p.required, schema: resolve(doc, p.schema) ?? {} })),
        body: resolve(doc, op.requestBody?.content?.['application/json']?.schema),
      });
    }
  }
  return routes.sort((a, b) => `${a.template} ${a.method}`.localeCompare(`${b.template} ${b.method}`));
}

export const fillPath = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));

// ---------------------------------------------------------------------------------------------
// Hostile values

export const SQL_LIKE = [
  `'; DROP TABLE persons; --`,
  `' OR '1'='1`,
  `1; SELECT pg_sleep(5)--`,
  `") UNION SELECT password_hash FROM users --`,
  `%' AND 1=1 --`,
  `\\'; DELETE FROM users; --`,
];
export const SCRIPT_LIKE = [
  `<script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
  `{{7*7}}\${7*7}`,
  `=cmd|' /C calc'!A0`,
];

/** Strings that are each a plausible attack or edge case on a text field. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  'a\u0000b',
  '\u0000',
  '\uFEFF',
  '\u202Eevil',
  'Nguyễn Văn Ánh 🚑',
  '\uD800',
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '9'.repeat(400),
  'x'.repeat(5_000),
  ...SQL_LIKE,
  ...SCRIPT_LIKE,
];

export const INVALID_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-1-5',
  '26-01-05',
  '2026/01/05',
  '05-01-2026',
  '0000-00-00',
  '2026-01-05T25:00:00Z',
  '+275760-09-13',
  '2026-01-05; DROP TABLE persons',
  '',
];

/** Dates that are well formed, at the edges of what a calendar or a column holds. */
export const EDGE_DATES = ['0001-01-01', '1900-01-01', '1970-01-01', '2024-02-29', '2026-12-31', '9999-12-31'];

export const EDGE_NUMBERS = [0, -1, -0.5, 0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e308, -1e308];

/** Literal JSON number tokens JSON.stringify cannot write. */
export const RAW_NUMBER_TOKENS = ['1e309', '-1e309', '1e-400', '123456789012345678901234567890', '-0', '1.0e+2'];

export const HOSTILE_PATH_IDS = [
  'not-a-uuid',
  '1',
  '-1',
  '0',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '../',
  '../../health',
  '..%2F..%2Fhealth',
  '%00',
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  'a'.repeat(10_000),
  `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}x`,
  ' 3f1b6ff8-3d2c-4b6a-9a51-0f6d8e5b2b11',
  '3f1b6ff8-3d2c-4b6a-9a51-0f6d8e5b2b11;',
  '{id}',
  'null',
  // Sent raw as well: percent-encodings that decode to nothing valid.
  '%E0%A4%A',
  '%',
  '%ZZ',
  '%C0%AE%C0%AE%2F',
];

// ---------------------------------------------------------------------------------------------
// Raw JSON: values that JSON.stringify cannot produce (1e309, own `__proto__` keys)

const RAW_MARK = '\u0001RAW:';
/** A value written verbatim into the JSON text. */
export const raw = (token: string) => `${RAW_MARK}${token}\u0001`;

/** JSON.stringify, then splices in the raw tokens made by `raw()`. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001RAW:(.*?)\\u0001"/g, (_, token: string) => JSON.parse(`"${token}"`));
}

/** An object with an own enumerable key, even `__proto__`. */
export function withKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export function deepArray(depth: number): string {
  return raw(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}
export function deepObject(depth: number): string {
  return raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const isDateField = (name: string, s: Schema) =>
  s.format === 'date' || /(^date|Date$|On$|^from$|^to$|^dateOfBirth$)/.test(name);
const isIdField = (name: string, s: Schema) => s.format === 'uuid' || /(^id$|Id$)/.test(name);

export interface ValueContext {
  /** Real ids that exist in the test world, to be picked for `...Id` fields. */
  ids: string[];
}

/** A value of the documented type, often at an edge; it may or may not satisfy the validators. */
export function plausible(name: string, schema: Schema, ctx: ValueContext): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), fc.constantFrom(...HOSTILE_STRINGS));
  const type = schema.type ?? 'string';
  if (type === 'string' && isIdField(name, schema)) {
    return fc.oneof(
      ctx.ids.length ? fc.constantFrom(...ctx.ids) : fc.constant(randomUUID()),
      fc.uuid(),
      fc.constantFrom(...HOSTILE_PATH_IDS),
    );
  }
  if (type === 'string' && isDateField(name, schema)) {
    return fc.oneof(fc.constantFrom(...INVALID_DATES), fc.constantFrom(...EDGE_DATES), fc.constant('2026-01-15'));
  }
  switch (type) {
    case 'string':
      return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
    case 'integer':
    case 'number':
      return fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.constantFrom(...RAW_NUMBER_TOKENS).map(raw));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(name, schema.items ?? {}, ctx), { maxLength: 5 });
    default:
      return fc.object({ maxDepth: 2, maxKeys: 3 });
  }
}

/** A plain value of the documented type, without hostile content. */
function tidyValue(name: string, schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (isIdField(name, schema)) return fc.uuid();
  if (isDateField(name, schema)) return fc.constant('2026-01-15');
  switch (schema.type ?? 'string') {
    case 'integer':
    case 'number':
      return fc.integer({ min: 1, max: 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.constant([]);
    case 'string':
      return fc.stringMatching(/^[a-z]{3,12}$/);
    default:
      return fc.constant({});
  }
}

/** A value that no validator of the documented type can accept. */
export function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const notScalar = fc.oneof(
    fc.constant({}),
    fc.constant({ $gt: '' }),
    fc.constant({ toString: 'x' }),
    fc.constant(deepObject(40)),
    fc.constant(deepArray(40)),
  );
  if (schema.enum?.length) {
    return fc.oneof(
      notScalar,
      fc.constant(42),
      fc.constant(`${String(schema.enum[0])}x`),
      fc.constant(String(schema.enum[0]).toUpperCase() + '_'),
      fc.constant([schema.enum[0]]),
    );
  }
  switch (schema.type ?? 'string') {
    case 'string':
      return fc.oneof(notScalar, fc.integer(), fc.boolean(), fc.constant([]), fc.constant(['a']), fc.constant(1e308));
    case 'integer':
    case 'number':
      return fc.oneof(notScalar, fc.constant('abc'), fc.constant('12abc'), fc.boolean(), fc.constant([1]));
    case 'boolean':
      return fc.oneof(notScalar, fc.constant('maybe'), fc.constant(2), fc.constant([true]));
    case 'array':
      return fc.oneof(fc.constant(42), fc.constant(true), fc.constant({ 0: 'a', length: 1 }));
    default:
      return fc.oneof(fc.constant(42), fc.constant('x'), fc.constant(true), fc.constant([]));
  }
}

/** Keys that no DTO declares; `forbidNonWhitelisted` must refuse each of them. */
export const FOREIGN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'isAdmin',
  'createdBy',
  'passwordHash',
  '$where',
  'a.b',
  '',
  ' ',
  '\u0000',
  'zzExtra',
];

export interface HostileBody {
  json: string;
  /** What was made invalid (field names, or `body` when the whole body is not an object). */
  broken: string[];
  /** True when every other field holds a valid-looking value, so the broken one alone is at fault. */
  onlyBroken?: boolean;
}

/**
 * A body that is certainly invalid: plausible or hostile values for the documented fields, plus at
 * least one of: an undeclared key, a declared field of the wrong type, a body that is not an object.
 */
export function malformedBody(schema: Schema | undefined, ctx: ValueContext): fc.Arbitrary<HostileBody> {
  const props = Object.entries(schema?.properties ?? {});
  const declared = new Set(props.map(([k]) => k));
  const base = props.length
    ? fc.record(Object.fromEntries(props.map(([k, s]) => [k, plausible(k, s, ctx)])), { requiredKeys: [] })
    : fc.constant({} as Record<string, unknown>);
  const foreign = FOREIGN_KEYS.filter((k) => !declared.has(k));

  const withForeign = fc
    .tuple(base, fc.constantFrom(...foreign), fc.oneof(fc.string({ maxLength: 8 }), fc.constant({ polluted: true }), fc.constant(null)))
    .map(([b, key, value]): HostileBody => ({ json: toJson(withKey(b, key, value)), broken: [key] }));

  const notObject = fc
    .constantFrom<unknown>(null, 42, 'a string', true, [], [{}], deepArray(5_000), deepObject(5_000), deepArray(100_000))
    .map((v): HostileBody => ({ json: toJson(v), broken: ['body'] }));

  // An undeclared key added to a body of plain, well-typed values: the key alone is at fault.
  const tidy = props.length
    ? fc.record(Object.fromEntries(props.map(([k, s]) => [k, tidyValue(k, s)])), { requiredKeys: [] })
    : fc.constant({} as Record<string, unknown>);
  const tidyForeign = fc
    .tuple(tidy, fc.constantFrom(...foreign.filter((k) => k !== '__proto__')), fc.string({ maxLength: 8 }))
    .map(([b, key, value]): HostileBody => ({ json: toJson(withKey(b, key, value)), broken: [key], onlyBroken: true }));

  const options: fc.Arbitrary<HostileBody>[] = [withForeign, notObject, tidyForeign];
  if (props.length) {
    const wrong = fc
      .tuple(base, fc.constantFrom(...props))
      .chain(([b, [key, s]]) => wrongType(s).map((v): HostileBody => ({ json: toJson({ ...b, [key]: v }), broken: [key] })));
    options.push(wrong, wrong);
  }
  return fc.oneof(...options);
}

/** A body of the documented shape whose values are hostile but each of the right JSON type. */
export function shapedBody(schema: Schema | undefined, ctx: ValueContext): fc.Arbitrary<string> {
  const props = Object.entries(schema?.properties ?? {});
  if (!props.length) return fc.constant('{}');
  const required = new Set(schema?.required ?? []);
  return fc
    .record(Object.fromEntries(props.map(([k, s]) => [k, plausible(k, s, ctx)])), {
      requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
    })
    .map(toJson);
}

/** Page values that must be refused with 400, whatever the route. */
export const BAD_PAGE = ['0', '-1', 'abc', '1e309', '1.5', '', '%00', '1 OR 1=1', '9'.repeat(30), 'NaN', 'Infinity'];
export const BAD_PAGE_SIZE = ['0', '101', '-1', 'abc', '1e309', '100.5', '', '20;DROP TABLE persons', '1000000'];

export interface HostileQuery {
  qs: string;
  /** Parameters given a value that must be refused (400 naming one of them). */
  mustRefuse: string[];
}

/** Percent-encodes what URLs can carry; a lone surrogate goes as the raw bytes of its UTF-16 half. */
function enc(text: string): string {
  return text.replace(/[\s\S]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%ED%A0%80';
    }
  });
}

/** A query string for a documented list route: values of each parameter plausible or hostile. */
export function hostileQuery(route: Route, ctx: ValueContext): fc.Arbitrary<HostileQuery> {
  const names = route.query.map((q) => q.name);
  const paged = names.includes('page') && names.includes('pageSize');
  const param = (q: Route['query'][number]) => fc.option(plausible(q.name, q.schema, ctx), { nil: undefined, freq: 3 });
  const base = fc.record(Object.fromEntries(route.query.map((q) => [q.name, param(q)])));
  const extras = fc.subarray([
    'page=1&page=2',
    'zzExtra=1',
    'unitId[]=x',
    'q[$ne]=1',
    '__proto__[x]=1',
    'constructor=1',
    'constructor[prototype][x]=1',
    // Bytes that are not UTF-8.
    'q=%ED%A0%80',
    'q=%FF%FE',
    '%FF=1',
  ]);
  const badPaging = paged
    ? fc.option(
        fc.oneof(
          fc.constantFrom(...BAD_PAGE).map((v) => ['page', v] as const),
          fc.constantFrom(...BAD_PAGE_SIZE).map((v) => ['pageSize', v] as const),
        ),
        { nil: undefined },
      )
    : fc.constant(undefined);
  return fc.tuple(base, extras, badPaging).map(([values, extra, bad]) => {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || (bad && bad[0] === k)) continue;
      const text = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
      parts.push(`${enc(k)}=${enc(text.split(RAW_MARK).join('').split('\u0001').join('').slice(0, 2_000))}`);
    }
    if (bad) parts.push(`${bad[0]}=${encodeURIComponent(bad[1])}`);
    parts.push(...extra);
    return { qs: parts.join('&'), mustRefuse: bad ? [bad[0]] : [] };
  });
}

// ---------------------------------------------------------------------------------------------
// The database holds no partial row

/** Tables that legitimately change on refused requests (logins, tokens, the audit trail). */
// Rate counters and the addresses users logged in from count attempts, refused ones included.
export const VOLATILE_TABLES = ['audit_logs', 'login_failures', 'rate_counters', 'login_known_addresses', 'refresh_tokens', 'migrations', 'typeorm_metadata'];

/** Row count and checksum of every other table, in one statement. */
export async function fingerprint(db: DataSource): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1))
      ORDER BY table_name`,
    [VOLATILE_TABLES],
  );
  const sql = tables
    .map(
      ({ table_name: name }) =>
        `SELECT '${name}' AS name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS sum FROM "${name}" t`,
    )
    .join(' UNION ALL ');
  const rows: { name: string; sum: string }[] = await db.query(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

// ---------------------------------------------------------------------------------------------
// What every error answer must look like

/** Phrases that betray internals: stack frames, driver errors, SQL. */
const LEAKS = [/\n\s+at /, /\bat .+\.(ts|js):\d+/, /QueryFailedError/, /\bSELECT\b/, /\bINSERT INTO\b/, /\bUPDATE\b.+\bSET\b/, /node_modules/, /TypeError|ReferenceError|RangeError/, /violates .* constraint/];

/** Returns what is wrong with an error answer, or an empty list. */
export function errorShapeProblems(status: number, body: unknown): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  if (typeof body !== 'object' || body === null) return [...problems, `body is not a JSON object: ${String(body).slice(0, 200)}`];
  const b = body as Record<string, unknown>;
  if (b.statusCode !== status) problems.push(`statusCode ${String(b.statusCode)} differs from ${status}`);
  if (typeof b.error !== 'string' || !b.error) problems.push('no error text');
  const okMessage =
    (typeof b.message === 'string' && b.message.length > 0) ||
    (Array.isArray(b.message) && b.message.length > 0 && b.message.every((m) => typeof m === 'string'));
  if (!okMessage) problems.push('message is not a non-empty string or list of strings');
  if (typeof b.code !== 'string' || !/^[a-z][a-z_]*$/.test(b.code)) problems.push(`code ${String(b.code)} is not a snake_case code`);
  if (b.code === 'validation_failed' && !(Array.isArray(b.errors) && b.errors.length > 0)) problems.push('validation_failed without field errors');
  const extra = Object.keys(b).filter((k) => !['statusCode', 'error', 'code', 'message', 'errors'].includes(k));
  if (extra.length) problems.push(`extra keys ${extra.join(',')}`);
  problems.push(...leaks(body));
  return problems;
}

export function leaks(body: unknown): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return LEAKS.filter((re) => re.test(text)).map((re) => `leaks ${re.source}`);
}

export const messageText = (body: unknown) => {
  const m = (body as { message?: unknown })?.message;
  return Array.isArray(m) ? m.join(' | ') : String(m ?? '');
};

// ---------------------------------------------------------------------------------------------
// Records to point path ids at, written straight into the tables so they exist whether or not
// the feature routes that create them have landed yet

export interface SeededFiles {
  personId: string;
  enrollmentId: string;
  supervisionId: string;
  followUpId: string;
  reminderId: string;
  serviceContactId: string;
}

let seeded = 0;

/** One open `addicted` file living in `unitId`, with a methadone enrollment at `clinicId`, etc. */
export async function seedFiles(db: DataSource, unitId: string, unitCode: string, clinicId: string): Promise<SeededFiles> {
  const n = ++seeded;
  const [person]: { id: string }[] = await db.query(
    `INSERT INTO persons (case_code, full_name, search_text, date_of_birth, sex, residence_unit_id, status, substances, registered_on)
     VALUES ($1, $2, $3, '1990-04-02', 'male', $4, 'addicted', '{heroin}', '2025-06-01') RETURNING id`,
    [`${unitCode}-2025-R${n}${randomUUID().slice(0, 4)}`, `Seeded Person ${n}`, `seeded person ${n}`, unitId],
  );
  const [enrollment]: { id: string }[] = await db.query(
    `INSERT INTO enrollments (person_id, type, facility_id, start_date) VALUES ($1, 'methadone', $2, '2025-07-01') RETURNING id`,
    [person.id, clinicId],
  );
  const [supervision]: { id: string }[] = await db.query(
    `INSERT INTO supervisions (person_id, start_date, end_date, interval_days) VALUES ($1, '2025-08-01', '2026-07-31', 30) RETURNING id`,
    [person.id],
  );
  const [followUp]: { id: string }[] = await db.query(
    `INSERT INTO follow_ups (supervision_id, due_date) VALUES ($1, '2025-08-31') RETURNING id`,
    [supervision.id],
  );
  const [reminder]: { id: string }[] = await db.query(
    `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_due', $1, $2, '2025-08-31', 'follow-up due') RETURNING id`,
    [person.id, followUp.id],
  );
  const [contact]: { id: string }[] = await db.query(
    `INSERT INTO service_contacts (person_id, type, date) VALUES ($1, 'counseling', '2025-09-01') RETURNING id`,
    [person.id],
  );
  return {
    personId: person.id,
    enrollmentId: enrollment.id,
    supervisionId: supervision.id,
    followUpId: followUp.id,
    reminderId: reminder.id,
    serviceContactId: contact.id,
  };
}

/**
 * A real id for each `{param}` of a route: the collection the parameter follows names the record
 * (`/persons/{id}/...` wants a person). Unknown collections get a uuid of nothing.
 */
export function realPathIds(route: Route, known: Record<string, string>): Record<string, string> {
  const segments = route.template.split('/');
  const values: Record<string, string> = {};
  for (const name of route.pathParams) {
    const at = segments.indexOf(`{${name}}`);
    const collection = segments[at - 1] ?? '';
    values[name] = known[collection] ?? known[name] ?? randomUUID();
  }
  return values;
}

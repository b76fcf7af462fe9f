/**
 * The API contract (issue 17), checked without a database: the document generated from the code
 * describes every operation fully, the committed client types are what the code generates, and
 * Redocly's recommended rules find no error. (That every e2e response matches the document is
 * checked by the test client, test/support/contract.ts.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CLIENT_TYPES_FILE, buildOpenApiDocument, clientTypes } from './openapi.js';

const run = promisify(execFile);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** The routes anyone may call without a token. */
const PUBLIC = ['POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'GET /health'];

interface Op {
  key: string;
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; schema?: { type?: string } }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function operations(doc: OpenAPIObject): Op[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, ...(item[m] as object) }) as Op),
  );
}

/**
 * The one error shape: ErrorResponseDto itself, or a schema that extends it (every field of the
 * shape, as required, plus details of its own, such as a 409's `candidates`).
 */
function isErrorShape(doc: OpenAPIObject, schema: unknown): boolean {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (!ref?.startsWith('#/components/schemas/')) return false;
  const schemas = (doc.components?.schemas ?? {}) as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
  const base = schemas.ErrorResponseDto;
  const own = schemas[ref.slice('#/components/schemas/'.length)];
  if (!base || !own) return false;
  if (own === base) return true;
  const sameFields = Object.entries(base.properties ?? {}).every(([k, v]) => JSON.stringify(own.properties?.[k]) === JSON.stringify(v));
  return sameFields && (base.required ?? []).every((k) => own.required?.includes(k));
}

describe('the OpenAPI document', () => {
  let doc: OpenAPIObject;
  let ops: Op[];
  beforeAll(async () => {
    doc = await buildOpenApiDocument();
    ops = operations(doc);
  });

  it('describes every operation: tag, summary, explicit unique operationId, a success body', () => {
    expect(ops.length).toBeGreaterThanOrEqual(49);
    const problems = ops.flatMap((op) => {
      const out: string[] = [];
      if (!op.tags?.length) out.push('no tag');
      if (!op.summary) out.push('no summary');
      if (!op.operationId || op.operationId.includes('Controller_')) out.push(`no explicit operationId (${op.operationId})`);
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (!success.length) out.push('no success response');
      for (const [status, response] of success) {
        if (status !== '204' && !Object.values(response.content ?? {}).some((c) => c.schema)) out.push(`${status} has no schema`);
      }
      return out.map((p) => `${op.key}: ${p}`);
    });
    expect(problems).toEqual([]);
    const ids = ops.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every error status answers the one error shape; token-guarded routes document 401', () => {
    const problems = ops.flatMap((op) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(([status]) => !(op.key === 'GET /health' && status === '503'))
        .filter(([, r]) => !isErrorShape(doc, r.content?.['application/json']?.schema))
        .map(([status]) => `${op.key} ${status}`),
    );
    expect(problems).toEqual([]);
    for (const op of ops) {
      if (PUBLIC.includes(op.key)) expect({ op: op.key, security: op.security }).toEqual({ op: op.key, security: [] });
      else expect({ op: op.key, has401: '401' in op.responses, security: op.security }).toEqual({ op: op.key, has401: true, security: [{ bearer: [] }] });
    }
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('paging parameters are real integer query parameters', () => {
    const listPersons = ops.find((op) => op.operationId === 'listPersons')!;
    const params = Object.fromEntries((listPersons.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema?.type]));
    expect(params).toMatchObject({ page: 'integer', pageSize: 'integer' });
    const page = doc.components!.schemas!.PersonListItemPage as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(page.properties).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(page.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/PersonListItemDto' } });
  });

  it(`the committed client types (${CLIENT_TYPES_FILE}) are what the code generates: run \`npm run client:generate\``, async () => {
    const committed = readFileSync(resolve(CLIENT_TYPES_FILE), 'utf8').split('\n');
    const generated = (await clientTypes(doc)).split('\n');
    const at = generated.findIndex((line, i) => line !== committed[i]);
    const drift = at === -1 && generated.length === committed.length ? undefined : { line: at + 1, committed: committed[at], generated: generated[at] };
    expect(drift).toBeUndefined();
  });

  it('passes Redocly’s recommended lint with no error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const cli = resolve('node_modules/@redocly/cli/bin/cli.js');
      const result = await run(process.execPath, [cli, 'lint', '--config', resolve('redocly.yaml'), '--format', 'json', file], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NODE_OPTIONS: '' },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((err: { stdout?: string; stderr?: string }) => err);
      const report = JSON.parse(result.stdout ?? '{}') as { totals?: { errors: number }; problems?: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
      const errors = (report.problems ?? []).filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect({ errors, stderr: report.totals ? '' : result.stderr }).toEqual({ errors: [], stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/**
 * The contract check (issue 17): every response the e2e suite receives through the test client
 * (test-app.ts) is checked against the OpenAPI document the application generates. The status must
 * be one the operation documents; a JSON body must match the documented schema, with no field the
 * document does not name (`additionalProperties: false` is implied wherever the document lists an
 * object's properties); other bodies (xlsx, csv) must have a documented content type.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

// ajv-formats is CommonJS; under ESM its function is the module's default or the default's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;
type ResponseObject = { content?: Record<string, { schema?: Json }> };
type OperationObject = { operationId?: string; responses: Record<string, ResponseObject> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const ERROR_SCHEMA: Json = { $ref: '#/components/schemas/ErrorResponseDto' };
/** Paths the application serves besides its operations: the document itself and its UI. */
const NOT_OPERATIONS = /^\/api\/docs(?:[/-]|$)/;

/** An OpenAPI 3.0 schema as JSON Schema: `nullable` becomes a null type, objects get closed. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'xml' || key === 'externalDocs' || key === 'discriminator') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith('#/') ? `openapi${value}` : value;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (s.nullable === true) {
    if (typeof out.type === 'string' && !out.allOf && !out.anyOf && !out.oneOf && !out.$ref) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
  operations: Record<string, OperationObject>;
}

export class ContractChecker {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: { schemas: toJsonSchema(doc.components?.schemas ?? {}) } });
    this.routes = Object.entries(doc.paths)
      .map(([template, item]) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
        operations: Object.fromEntries(METHODS.filter((m) => (item as Json)[m]).map((m) => [m, (item as Json)[m] as OperationObject])),
      }))
      // A literal segment wins over a parameter: /imports/persons/template.xlsx before /imports/{id}.
      .sort((a, b) => a.params - b.params);
  }

  /** What is wrong with this response, measured against the document; empty when it conforms. */
  check(method: string, url: string, status: number, contentType: string, body: unknown): string[] {
    const path = url.split('?')[0];
    if (NOT_OPERATIONS.test(path)) return [];
    const route = this.routes.find((r) => r.pattern.test(path));
    const operation = route?.operations[method.toLowerCase()];
    const where = `${method.toUpperCase()} ${route?.template ?? path} → ${status}`;
    if (!operation) {
      // No such operation: the router's refusal, in the one error shape.
      if (status !== 404 && status !== 400) return [`${where}: no operation in the document answers this request`];
      return this.validate(`error`, ERROR_SCHEMA, body).map((p) => `${where}: ${p}`);
    }
    const response = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses.default;
    if (!response) {
      return [`${where}: status ${status} is not documented for ${operation.operationId ?? 'this operation'} (documented: ${Object.keys(operation.responses).join(', ')})`];
    }
    const media = contentType.split(';')[0].trim().toLowerCase();
    const documented = Object.keys(response.content ?? {});
    if (!documented.length) {
      const empty = body === undefined || body === '' || body === null;
      return empty ? [] : [`${where}: the document says no body, got ${media || 'a body without a content type'}`];
    }
    if (!documented.includes(media)) return [`${where}: content type ${media || '(none)'} is not documented (${documented.join(', ')})`];
    if (!media.includes('json')) return [];
    const schema = response.content![media].schema;
    if (!schema) return [];
    return this.validate(`${operation.operationId}:${status}:${media}`, schema, body).map((p) => `${where} (${operation.operationId}): ${p}`);
  }

  private validate(key: string, schema: Json, body: unknown): string[] {
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.ajv.compile(toJsonSchema(schema) as Json);
      this.validators.set(key, validator);
    }
    if (validator(body)) return [];
    return (validator.errors ?? []).slice(0, 8).map((e) => {
      const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
      return `body${e.instancePath} ${e.message ?? e.keyword}${extra}`;
    });
  }
}

export class ContractViolation extends Error {
  constructor(problems: string[], body: unknown) {
    const shown = JSON.stringify(body)?.slice(0, 600);
    super(`response does not match the OpenAPI document:\n  ${problems.join('\n  ')}\nbody: ${shown}`);
    this.name = 'ContractViolation';
  }
}

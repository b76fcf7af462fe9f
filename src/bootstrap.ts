import 'reflect-metadata';
import {
  type ArgumentMetadata,
  Logger as NestLogger,
  RequestMethod,
  ValidationPipe,
  type INestApplication,
  type INestApplicationContext,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { isUUID, type ValidationError } from 'class-validator';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { STATUS_CODES } from 'node:http';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule, requestIds } from './app.module.js';
import { AppError, ErrorCode, type FieldError } from './common/errors/app-error.js';
import { codeOfStatus } from './common/errors/http-error.filter.js';
import { IdParam } from './common/http/id-param.js';
import { createOpenApiDocument } from './common/http/openapi.js';
import type { AppConfig } from './config/config.js';
import { grantAppRole } from './database/app-role.js';
import { dataSourceOptions } from './database/data-source.js';
import { serveWebApp } from './web-app/web-app.js';

const MIGRATION_LOCK = 7_347_001;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** helmet's default, sent only over TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

type Middleware = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
/** helmet itself, as the @fastify/helmet plugin loads it (that plugin builds it anew on every request). */
const helmet = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'))('helmet') as (options: object) => Middleware;

/** The headers helmet sets with these options, worked out once: none of them depends on the request. */
export function helmetHeaders(options: object): { set: [string, unknown][]; removed: string[] } {
  const set = new Map<string, unknown>();
  const removed: string[] = [];
  const res = {
    setHeader: (name: string, value: unknown) => void set.set(name, value),
    removeHeader: (name: string) => {
      set.delete(name);
      removed.push(name);
    },
  };
  let done = false;
  helmet(options)({}, res, (err) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not set its headers at once');
  return { set: [...set], removed };
}

/** Security headers on every answer: helmet's defaults but HSTS, and a CSP for the web app and the docs. */
export const SECURITY_HEADER_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      // Added below only for requests that came over TLS.
      upgradeInsecureRequests: null,
    },
  },
  hsts: false,
};
const SECURITY_HEADERS = helmetHeaders(SECURITY_HEADER_OPTIONS);

/** Applies pending migrations; an advisory lock lets the API and workers start together safely. */
export async function migrate(databaseUrl: string, appRole?: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 1 } }));
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
    if (appRole) await grantAppRole(ds, appRole);
    await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  } finally {
    await ds.destroy();
  }
}

/** How deep a request body or query may nest; no DTO comes close, and class-transformer recurses. */
export const MAX_INPUT_DEPTH = 32;
/** Keys that class-validator's whitelist cannot see, because every object already has them. */
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Problems no DTO decorator catches: nesting deep enough to overflow the transformer's stack, keys
 * such as `constructor` or `toString` that slip past `forbidNonWhitelisted`, and NUL characters,
 * which PostgreSQL text cannot hold. Each names the field and the rule, like a validation error.
 */
export function inputProblems(value: unknown, at: string, depth = 0): FieldError[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [{ field: at || 'value', rule: 'noNulCharacters', message: `${at || 'value'} must not contain NUL characters` }] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_INPUT_DEPTH) return [{ field: at || 'body', rule: 'maxDepth', message: `${at || 'body'} is nested deeper than ${MAX_INPUT_DEPTH} levels` }];
  const problems: FieldError[] = [];
  for (const key of Object.keys(value)) {
    if (depth === 0 && PROTOTYPE_KEYS.has(key)) problems.push({ field: key, rule: 'whitelistValidation', message: `property ${key} should not exist` });
    problems.push(...inputProblems((value as Record<string, unknown>)[key], at ? `${at}.${key}` : key, depth + 1));
    if (problems.length >= 20) break;
  }
  return problems;
}

/** class-validator's errors as field errors: the dotted path of the field and each rule it broke. */
function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...fieldErrorsOf(e.children ?? [], field)];
  });
}

const refused = (fields: FieldError[]) => new AppError(ErrorCode.Validation, fields.map((f) => f.message), fields);

/**
 * Whether `@Param() { id }: IdParam` holds just a valid `id`: the check IdParam's decorators make
 * (`@IsUUID()`, nothing else whitelisted), for the params of nearly every route that reads a record.
 */
function isValidIdParam(value: unknown): value is { id: string } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'id' && isUUID((value as { id: unknown }).id);
}

class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The answer class-transformer and class-validator would give, without them; anything else
    // (an invalid id, more keys) takes the full path below and its refusal.
    if (metadata.type === 'param' && metadata.metatype === IdParam && isValidIdParam(value)) {
      const out = new IdParam();
      out.id = value.id;
      return out;
    }
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') {
      return super.transform(value, metadata);
    }
    const dto = metadata.metatype && ![Object, Array, String, Number, Boolean].includes(metadata.metatype as never);
    if (metadata.type === 'body' && !metadata.data && dto && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      // `null` would otherwise pass as an empty update.
      throw refused([{ field: 'body', rule: 'isObject', message: 'body must be a JSON object' }]);
    }
    const problems = inputProblems(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (problems.some((p) => p.rule === 'maxDepth')) throw refused(problems);
    try {
      const out = await super.transform(value, metadata);
      if (problems.length) throw refused(problems);
      return out;
    } catch (err) {
      // One answer names every field at fault: ours first, then the DTO's.
      if (!problems.length || !(err instanceof AppError) || err.code !== ErrorCode.Validation || err.fields === problems) throw err;
      const all = [...problems, ...(err.fields ?? [])];
      throw new AppError(ErrorCode.Validation, all.map((f) => f.message), all);
    }
  }

  /** Refusals carry the same messages as Nest's, plus the field and rule of each. */
  override createExceptionFactory() {
    return (errors: ValidationError[] = []) => new AppError(ErrorCode.Validation, this.flattenValidationErrors(errors), fieldErrorsOf(errors));
  }
}

export const validationPipe = () =>
  new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
  });

/** Routes live under /api/v1, except the health check that load balancers call. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
}

/** Builds the HTTP application: routes under /api/v1, one error shape, validation, docs, headers. */
export async function createHttpApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    // Router refusals (a bad percent-encoding, an overlong path segment) in the one error shape,
    // without echoing the URL.
    frameworkErrors: (error: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      const statusCode = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply
        .code(statusCode)
        .send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Bad Request', code: codeOfStatus(statusCode), message: 'the URL is malformed or a path segment is too long' });
    },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, databaseUrl), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  useApiPrefix(app);
  app.useGlobalPipes(validationPipe());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });

  const fastify = app.getHttpAdapter().getInstance();
  // Each request logs in its own context: a line logged while it is served carries its id (what
  // pino-http's middleware did, without a middleware layer and a child logger per request).
  fastify.addHook('onRequest', (req, _reply, done) => requestIds.run(req.id, done));
  fastify.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of SECURITY_HEADERS.set) res.setHeader(name, value as string);
    for (const name of SECURITY_HEADERS.removed) res.removeHeader(name);
    done();
  });
  await serveWebApp(app, config);
  fastify.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // Over plain HTTP (a trial on a LAN) these would make the browser ask for https and the docs
    // would stay blank. `req.protocol` is https for a TLS socket, or per X-Forwarded-Proto when
    // TRUST_PROXY is on.
    if (req.protocol === 'https') {
      reply.header('strict-transport-security', HSTS);
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) {
        reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
      }
    }
    // Every API answer may carry personal data (files, names, exports, error reports): no cache,
    // shared or private, keeps a copy.
    if (req.url.startsWith('/api/v1/')) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
  });
  // One line per request: the path without its query string, which may carry a searched name or id.
  const http = new NestLogger('HTTP');
  fastify.addHook('onResponse', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (path === '/health') return;
    http.log({ reqId: req.id, method: req.method, path, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed');
  });

  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}

/** Workers without HTTP: the same modules, no listener. */
export async function createWorkerContext(config: AppConfig, databaseUrl: string): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(AppModule.register(config, databaseUrl), { bufferLogs: true });
  ctx.useLogger(ctx.get(Logger));
  return ctx;
}

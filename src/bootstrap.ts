import 'reflect-metadata';
import helmet from '@fastify/helmet';
import {
  type ArgumentMetadata,
  BadRequestException,
  Logger as NestLogger,
  RequestMethod,
  ValidationPipe,
  type INestApplicationContext,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { serveWebApp } from './web-app/web-app.js';

const MIGRATION_LOCK = 7_347_001;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Applies pending migrations; an advisory lock lets the API and workers start together safely. */
export async function migrate(databaseUrl: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 1 } }));
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
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
 * which PostgreSQL text cannot hold. Each message names the field, like a validation error.
 */
export function inputProblems(value: unknown, at: string, depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [`${at || 'value'} must not contain NUL characters`] : [];
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_INPUT_DEPTH) return [`${at || 'body'} is nested deeper than ${MAX_INPUT_DEPTH} levels`];
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (depth === 0 && PROTOTYPE_KEYS.has(key)) problems.push(`property ${key} should not exist`);
    problems.push(...inputProblems((value as Record<string, unknown>)[key], at ? `${at}.${key}` : key, depth + 1));
    if (problems.length >= 20) break;
  }
  return problems;
}

class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') {
      return super.transform(value, metadata);
    }
    const dto = metadata.metatype && ![Object, Array, String, Number, Boolean].includes(metadata.metatype as never);
    if (metadata.type === 'body' && !metadata.data && dto && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      // `null` would otherwise pass as an empty update.
      throw new BadRequestException(['body must be a JSON object']);
    }
    const problems = inputProblems(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (problems.some((p) => p.includes('nested deeper'))) throw new BadRequestException(problems);
    try {
      const out = await super.transform(value, metadata);
      if (problems.length) throw new BadRequestException(problems);
      return out;
    } catch (err) {
      // One answer names every field at fault: ours first, then the DTO's.
      if (!problems.length || !(err instanceof BadRequestException) || err.message === problems[0]) throw err;
      const theirs = (err.getResponse() as { message?: string | string[] }).message ?? [];
      throw new BadRequestException([...problems, ...(Array.isArray(theirs) ? theirs : [theirs])]);
    }
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
        .send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Bad Request', message: 'the URL is malformed or a path segment is too long' });
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
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(validationPipe());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  await serveWebApp(app, config);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // One line per request: the path without its query string, which may carry a searched name or id.
  const http = new NestLogger('HTTP');
  fastify.addHook('onResponse', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (path === '/health') return;
    http.log({ reqId: req.id, method: req.method, path, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed');
  });

  const doc = new DocumentBuilder()
    .setTitle('Drug case management')
    .setDescription('Management files, treatment, post-rehab supervision, reminders and coverage reports')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
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

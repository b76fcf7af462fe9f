import 'reflect-metadata';
import helmet from '@fastify/helmet';
import { Logger as NestLogger, RequestMethod, ValidationPipe, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';

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

export const validationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
  });

/** Builds the HTTP application: routes under /api/v1, one error shape, validation, docs, headers. */
export async function createHttpApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 1_048_576,
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

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppModule } from './app.module.js';
import { useApiPrefix } from './bootstrap.js';
import { createOpenApiDocument } from './common/http/openapi.js';
import { loadConfig } from './config/config.js';

/**
 * The OpenAPI document built from the code alone: the application in Nest's preview mode
 * instantiates no provider, so nothing connects to PostgreSQL or Redis and no server listens.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    NODE_ENV: 'development',
    JWT_SECRET: 'openapi-document-only-not-a-secret-000000',
    DATA_KEY: '0'.repeat(64),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, 'postgres://openapi@127.0.0.1:1/none'),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  useApiPrefix(app);
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The generated client's types, from the document, with openapi-typescript. */
export async function clientTypes(doc: OpenAPIObject): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  // A default is what the server assumes when a field is absent: the field stays optional for the client.
  const ast = await openapiTS(doc as never, { alphabetize: true, defaultNonNullable: false });
  return `${CLIENT_HEADER}${astToString(ast)}`;
}

const CLIENT_HEADER = '// Generated from the OpenAPI document by `npm run client:generate`; do not edit.\n';

export const CLIENT_TYPES_FILE = 'web/src/api/schema.d.ts';

/** `npm run client:generate` (from the repository's root): writes openapi.json (for linting, ignored by git) and the client's types. */
async function main(): Promise<void> {
  const doc = await buildOpenApiDocument();
  const json = resolve(process.argv[2] ?? 'dist/openapi.json');
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(doc, null, 2)}\n`);
  const types = resolve(CLIENT_TYPES_FILE);
  mkdirSync(dirname(types), { recursive: true });
  writeFileSync(types, await clientTypes(doc));
  process.stdout.write(`wrote ${json} and ${types}\n`);
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) void main();

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/bootstrap.js';
import { createOpenApiDocument } from '../../src/common/http/openapi.js';
import { Clock } from '../../src/common/time/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { ContractChecker, ContractViolation } from './contract.js';
import { createDatabase, databaseUrl, dropDatabase, ensureTemplate } from './databases.js';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  delete<T = any>(path: string): Promise<Reply<T>>;
  /** Sends a raw body with the given content type. */
  raw<T = any>(method: string, path: string, body: string, contentType?: string): Promise<Reply<T>>;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  baseUrl: string;
  databaseName: string;
  databaseUrl: string;
  db: DataSource;
  clock: Clock;
  /** A client without a token. */
  http: Client;
  /** A client that sends `token` as the bearer. */
  as(token: string): Client;
  /**
   * For a response received without the clients above (a multipart upload, a binary download):
   * throws when it does not match the OpenAPI document, as the clients do.
   */
  checkContract(method: string, path: string, status: number, contentType: string | null, body: unknown): void;
  /** Deletes this app's BullMQ keys (simulates a Redis flush without touching other runs). */
  flushQueues(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every response is checked against the application's OpenAPI document (test/support/contract.ts):
 * an undocumented status or field fails the test that received it.
 */
function client(baseUrl: string, contract: ContractChecker, token?: string): Client {
  const send = async (method: string, path: string, body?: string, contentType?: string): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json') && text) parsed = JSON.parse(text);
    const problems = contract.check(method, path, res.status, type, parsed);
    if (problems.length) throw new ContractViolation(problems, parsed);
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  return {
    get: (p) => send('GET', p),
    post: (p, b) => send('POST', p, json(b ?? {})),
    patch: (p, b) => send('PATCH', p, json(b ?? {})),
    put: (p, b) => send('PUT', p, json(b ?? {})),
    delete: (p) => send('DELETE', p),
    raw: (m, p, b, ct) => send(m, p, b, ct),
  };
}

/**
 * Boots the whole service on a fresh clone of the migrated template database, listening on a
 * free loopback port, with its own BullMQ key prefix. Workers are off unless asked for.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const runId = process.env.CM_TEST_RUN_ID;
  const template = process.env.CM_TEST_TEMPLATE;
  if (!runId || !template) throw new Error('the Jest global setup did not run');
  await ensureTemplate(template);
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `cmtest_${suffix}_${runId}`;
  await createDatabase(databaseName, template);
  const url = databaseUrl(databaseName);
  const config: AppConfig = {
    ...loadConfig(process.env),
    databaseUrl: url,
    queuePrefix: `cmtest:${runId}:${suffix}`,
    runWorkers: false,
    ...overrides,
  };
  let app: NestFastifyApplication | undefined;
  try {
    app = await createHttpApp(config, url);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    // A start that fails (a test of a refused configuration) must not leave its pools open.
    await app?.close().catch(() => undefined);
    await dropDatabase(databaseName);
    throw err;
  }
  const contract = new ContractChecker(createOpenApiDocument(app));
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const flushQueues = async () => {
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, retryStrategy: () => null });
    redis.on('error', () => undefined); // a refused connection fails the scan below instead
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  };

  return {
    app,
    config,
    baseUrl,
    databaseName,
    databaseUrl: url,
    db: app.get(DataSource),
    clock: app.get(Clock),
    http: client(baseUrl, contract),
    as: (token) => client(baseUrl, contract, token),
    checkContract: (method, path, status, contentType, body) => {
      const problems = contract.check(method, path, status, contentType ?? '', body);
      if (problems.length) throw new ContractViolation(problems, body);
    },
    flushQueues,
    close: async () => {
      try {
        await app.close();
        // An app started against an unreachable Redis (a fault test) has no keys to flush.
        await flushQueues().catch(() => undefined);
      } finally {
        await dropDatabase(databaseName);
      }
    },
  };
}

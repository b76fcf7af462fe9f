import { type INestApplicationContext, Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { createHttpApp, createWorkerContext, migrate } from './bootstrap.js';
import { EmbeddedStartError, startEmbeddedPostgres } from './database/embedded.js';

/** A line of the start log, in the same JSON shape as the service's own log. */
const say = (msg: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);

/** Starts the API (and, unless RUN_WORKERS=false, the workers) — or only the workers. */
export async function start(overrides: Partial<AppConfig> = {}): Promise<void> {
  let config: AppConfig;
  try {
    config = { ...loadConfig(), ...overrides };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let app: INestApplicationContext | undefined;
  // On a signal, even one that comes during the start: finish the requests and jobs in hand, then
  // stop the embedded database if any.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await app?.close();
    await stopEmbedded?.();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void shutdown());

  if (!databaseUrl) {
    try {
      const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
      databaseUrl = embedded.url;
      stopEmbedded = embedded.stop;
      say(
        `trial setup: DATABASE_URL is not set, using the embedded PostgreSQL on port ${config.embeddedPgPort} with data in ${embedded.databaseDir}; set DATABASE_URL for real use`,
      );
    } catch (err) {
      // One line that says what to set, never a stack trace.
      process.stderr.write(`${err instanceof EmbeddedStartError ? err.message : new EmbeddedStartError((err as Error).message.split('\n')[0]).message}\n`);
      process.exit(1);
    }
  }

  // Migrations run as the schema's owner; the service itself may run as a role that owns nothing.
  if (config.runMigrations) await migrate(config.migrationDatabaseUrl ?? databaseUrl, config.databaseAppRole);

  try {
    app = config.runApi ? await createHttpApp(config, databaseUrl) : await createWorkerContext(config, databaseUrl);
    if (config.runApi) {
      const http = app as NestFastifyApplication;
      await http.listen({ port: config.port, host: config.host });
      const { port } = http.getHttpServer().address() as { port: number };
      const everywhere = config.host === '0.0.0.0' || config.host === '::';
      const base = `http://${everywhere ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      say(`serving ${base} (API docs: ${base}/api/docs)${everywhere ? `, on every address of this machine (HOST=${config.host})` : ''}`);
      if (config.adminPasswordFile) {
        say(`trial setup: the password of the first administrator (user ${config.adminUsername}) is kept in ${config.adminPasswordFile}`);
      }
    } else {
      await app.init();
      new Logger('Main').log('workers running, without HTTP');
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      await stopEmbedded?.();
      process.exit(1);
    }
    throw err;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) void start();

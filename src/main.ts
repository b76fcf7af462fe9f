import { type INestApplicationContext, Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { createHttpApp, createWorkerContext, migrate } from './bootstrap.js';
import { startEmbeddedPostgres } from './database/embedded.js';

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
    const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
    process.stdout.write(
      `${JSON.stringify({ level: 30, time: Date.now(), msg: `trial setup: DATABASE_URL is not set, using the embedded PostgreSQL on port ${config.embeddedPgPort} with data in ${config.dataDir}; set DATABASE_URL for real use` })}\n`,
    );
  }

  // Migrations run as the schema's owner; the service itself may run as a role that owns nothing.
  if (config.runMigrations) await migrate(config.migrationDatabaseUrl ?? databaseUrl, config.databaseAppRole);

  try {
    app = config.runApi ? await createHttpApp(config, databaseUrl) : await createWorkerContext(config, databaseUrl);
    if (config.runApi) await (app as NestFastifyApplication).listen({ port: config.port, host: config.host });
    else {
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

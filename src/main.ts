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
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
    process.stdout.write(
      `${JSON.stringify({ level: 30, time: Date.now(), msg: `trial setup: DATABASE_URL is not set, using the embedded PostgreSQL on port ${config.embeddedPgPort} with data in ${config.dataDir}; set DATABASE_URL for real use` })}\n`,
    );
  }

  if (config.runMigrations) await migrate(databaseUrl);

  try {
    const app = config.runApi ? await createHttpApp(config, databaseUrl) : await createWorkerContext(config, databaseUrl);
    // On a signal: finish the requests and jobs in hand, then stop the embedded database if any.
    const shutdown = async () => {
      await app.close();
      await stopEmbedded?.();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown());
    process.once('SIGINT', () => void shutdown());
    if (config.runApi) await (app as NestFastifyApplication).listen({ port: config.port, host: config.host });
    else await app.init();
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

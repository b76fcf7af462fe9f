import 'reflect-metadata';
import { migrate } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/config.js';
import { checkFlags, createDatabaseIfMissing, intFlag, parseFlags, stringFlag } from './database.js';
import { seedDatabase } from './generator.js';

/**
 * `npm run seed:demo -- --persons N [--seed S] [--database-url URL] [--provinces P]
 *   [--communes-per-province C] [--as-of YYYY-MM-DD] [--dose-days D] [--encrypt-share 0..1] [--duplicate-share 0..1]`
 *
 * Creates the database if missing, migrates it and fills it with synthetic data. The service must
 * run with the same DATA_KEY to read the encrypted fields.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  checkFlags(flags, ['persons', 'seed', 'database-url', 'provinces', 'communes-per-province', 'as-of', 'dose-days', 'encrypt-share', 'password', 'duplicate-share']);
  const databaseUrl = stringFlag(flags, 'database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cmdemo';
  const config = loadConfig(process.env);
  const share = Number(stringFlag(flags, 'encrypt-share') ?? '1');
  if (!(share >= 0 && share <= 1)) throw new Error('--encrypt-share must be between 0 and 1');
  const duplicateShare = Number(stringFlag(flags, 'duplicate-share') ?? '0.01');
  if (!(duplicateShare >= 0 && duplicateShare <= 1)) throw new Error('--duplicate-share must be between 0 and 1');
  const asOf = stringFlag(flags, 'as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of must be YYYY-MM-DD');

  const target = new URL(databaseUrl);
  console.log(`database ${target.host}${target.pathname}`);
  if (await createDatabaseIfMissing(databaseUrl)) console.log('created the database');
  await migrate(databaseUrl);

  const result = await seedDatabase({
    databaseUrl,
    config,
    persons: intFlag(flags, 'persons', 1_000, 1),
    seed: intFlag(flags, 'seed', 1),
    provinces: intFlag(flags, 'provinces', 34, 1),
    communesPerProvince: intFlag(flags, 'communes-per-province', 98, 1),
    asOf,
    doseDays: intFlag(flags, 'dose-days', 30),
    encryptShare: share,
    duplicateShare,
    password: stringFlag(flags, 'password'),
    log: (line) => console.log(line),
  });

  console.log('\nrows written:');
  for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(20)} ${n.toLocaleString('en').padStart(12)}`);
  console.log(
    `\nseed ${result.seed}, as of ${result.asOf}: ${result.persons.toLocaleString('en')} people in ${(result.ms.total / 1000).toFixed(1)} s` +
      ` (world ${(result.ms.world / 1000).toFixed(1)} s, people ${(result.ms.people / 1000).toFixed(1)} s,` +
      ` vacuum/analyze ${(result.ms.finish / 1000).toFixed(1)} s; encryption ${(result.ms.encryption / 1000).toFixed(1)} s of it)`,
  );
  console.log(`planted duplicates: ${result.duplicates.toLocaleString('en')} second files (share ${duplicateShare}), each registered with plantedDuplicateOf`);
  console.log(`writing time per table (ms): ${Object.entries(result.ms.write).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
  console.log('\nsign in with (demo data only):');
  console.log(`  administrator   ${result.credentials.admin.username} / ${result.credentials.admin.password ?? '(unchanged: an administrator already existed)'}`);
  for (const [role, username] of Object.entries(result.credentials.users.examples)) {
    if (role !== 'admin') console.log(`  ${role.padEnd(15)} ${username} / ${result.credentials.users.password}`);
  }
  console.log('  every province officer is po.<province code>, every commune worker cw.<commune code>, with the same password');
}

main().catch((err: Error) => {
  console.error(`seed failed: ${err.message}`);
  process.exitCode = 1;
});

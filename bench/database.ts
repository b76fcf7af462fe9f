import pg from 'pg';

/** Creating and dropping the databases the benchmark and the demo seed write into. */

function maintenanceUrl(databaseUrl: string): { url: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unusable database name in the URL: "${name}"`);
  url.pathname = '/postgres';
  return { url: url.toString(), name };
}

async function onServer<T>(databaseUrl: string, fn: (c: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { url, name } = maintenanceUrl(databaseUrl);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

export async function databaseExists(databaseUrl: string): Promise<boolean> {
  return onServer(databaseUrl, async (c, name) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export async function createDatabaseIfMissing(databaseUrl: string): Promise<boolean> {
  return onServer(databaseUrl, async (c, name) => {
    if ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return false;
    await c.query(`CREATE DATABASE ${name}`);
    return true;
  });
}

export async function recreateDatabase(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, async (c, name) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
}

export function parseFlags(argv: string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags.set(key, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags.set(key, argv[++i]);
    else flags.set(key, true);
  }
  return flags;
}

export function intFlag(flags: Map<string, string | true>, name: string, fallback: number, min = 0): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}`);
  return n;
}

export function stringFlag(flags: Map<string, string | true>, name: string): string | undefined {
  const raw = flags.get(name);
  if (raw === true) throw new Error(`--${name} needs a value`);
  return raw;
}

export function checkFlags(flags: Map<string, string | true>, known: string[]): void {
  for (const key of flags.keys()) if (!known.includes(key)) throw new Error(`unknown flag --${key} (known: ${known.map((k) => `--${k}`).join(', ')})`);
}

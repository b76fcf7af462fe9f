import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 'a-jwt-secret-of-at-least-32-characters!';
const KEY_HEX = 'ab'.repeat(32);
const DB_URL = 'postgres://cm@db.internal:5432/cm';
/** The smallest environment that needs no generated secrets. */
const base = { JWT_SECRET: SECRET, DATA_KEY: KEY_HEX };

function refusal(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cm-config-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the defaults of SPEC section 10', () => {
    const config = loadConfig({ ...base, DATA_DIR: dataDir });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      redisUrl: 'redis://127.0.0.1:6379',
      databaseUrl: undefined,
      jwtSecret: SECRET,
      accessTokenTtlSeconds: 900,
      adminUsername: 'admin',
      adminPassword: undefined,
      reminderLeadDays: 3,
      reminderGraceDays: 7,
      methadoneMissedAlertDays: 3,
      taskHandoverDays: 3,
      jobLockSeconds: 30,
      tzName: 'Asia/Ho_Chi_Minh',
      runWorkers: true,
      runApi: true,
      runMigrations: true,
      logLevel: 'info',
      loginMaxFailures: 5,
      loginWindowSeconds: 900,
      loginMaxFailuresPerUsername: 50,
      nationalIdConflictsPerDay: 20,
      lookupsPerHour: 30,
      heavyRequestsPerMinute: 30,
      corsOrigins: [],
    });
    expect(config.dataKey).toEqual(Buffer.from(KEY_HEX, 'hex'));
    // Both secrets were given: nothing was generated.
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
  });

  it('reads given values', () => {
    const config = loadConfig({
      ...base,
      PORT: '8080',
      REDIS_URL: 'rediss://cache.internal:6380',
      DATABASE_URL: 'postgres://u@db/cm',
      DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
      TZ_NAME: 'UTC',
      RUN_WORKERS: 'false',
      ADMIN_USERNAME: 'root.admin',
      ADMIN_PASSWORD: 'a-long-admin-password',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      JOB_LOCK_SECONDS: '5',
    });
    expect(config).toMatchObject({
      port: 8080,
      redisUrl: 'rediss://cache.internal:6380',
      databaseUrl: 'postgres://u@db/cm',
      tzName: 'UTC',
      runWorkers: false,
      adminUsername: 'root.admin',
      adminPassword: 'a-long-admin-password',
      logLevel: 'warn',
      corsOrigins: ['https://a.example', 'https://b.example'],
      jobLockSeconds: 5,
    });
    expect(config.dataKey).toEqual(Buffer.alloc(32, 7));
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['REDIS_URL', { REDIS_URL: 'http://x' }],
    ['REDIS_URL', { REDIS_URL: 'not a url' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/cm' }],
    ['DATA_KEY', { DATA_KEY: 'abcd' }],
    ['DATA_KEY', { DATA_KEY: 'ab'.repeat(31) }],
    ['TZ_NAME', { TZ_NAME: 'Mars/Base' }],
    ['RUN_WORKERS', { RUN_WORKERS: 'maybe' }],
    ['RUN_API', { RUN_API: 'false', RUN_WORKERS: 'false' }],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }],
    ['ACCESS_TOKEN_TTL_SECONDS', { ACCESS_TOKEN_TTL_SECONDS: '0' }],
    ['LOGIN_MAX_FAILURES', { LOGIN_MAX_FAILURES: '-1' }],
    ['REMINDER_LEAD_DAYS', { REMINDER_LEAD_DAYS: '1.5' }],
    ['JOB_LOCK_SECONDS', { JOB_LOCK_SECONDS: '0' }],
    ['JOB_LOCK_SECONDS', { JOB_LOCK_SECONDS: '3601' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['ADMIN_USERNAME', { ADMIN_USERNAME: 'the admin' }],
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }],
  ])('refuses a malformed %s, naming it', (variable, env) => {
    const err = refusal({ ...base, DATA_DIR: dataDir, ...env });
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(variable);
  });

  it.each([
    ['JWT_SECRET', { DATA_KEY: KEY_HEX, DATABASE_URL: DB_URL }],
    ['DATA_KEY', { JWT_SECRET: SECRET, DATABASE_URL: DB_URL }],
    ['DATABASE_URL', { ...base }],
    ['DATABASE_URL', { ...base, DATABASE_URL: '  ' }],
  ])('in production, refuses a missing %s (no generated secret, no embedded database there)', (variable, env) => {
    const err = refusal({ NODE_ENV: 'production', DATA_DIR: dataDir, ...env });
    expect(err.variable).toBe(variable);
    expect(err.message).toBe(`Invalid configuration: ${variable} is required`);
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
  });

  it('in production, starts with DATABASE_URL, JWT_SECRET and DATA_KEY given', () => {
    const config = loadConfig({ ...base, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: DB_URL });
    expect(config).toMatchObject({ nodeEnv: 'production', databaseUrl: DB_URL, jwtSecret: SECRET });
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
  });

  it('outside production, leaves DATABASE_URL unset for the embedded trial database', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'development', DATA_DIR: dataDir }).databaseUrl).toBeUndefined();
    expect(loadConfig({ ...base, NODE_ENV: 'test', DATA_DIR: dataDir }).databaseUrl).toBeUndefined();
  });

  it('in production, leaves ADMIN_PASSWORD unset rather than inventing one (the first start on an empty database then refuses)', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: DB_URL }).adminPassword).toBeUndefined();
  });

  it('outside production, generates missing secrets once under DATA_DIR and reads them back', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'dev-secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret: string; dataKey: string; adminPassword: string };
    expect(first.jwtSecret).toBe(stored.jwtSecret);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.dataKey).toEqual(Buffer.from(stored.dataKey, 'hex'));
    expect(first.dataKey).toHaveLength(32);
    expect(first.adminPassword).toBe(stored.adminPassword);
    expect(first.adminPassword!.length).toBeGreaterThanOrEqual(10);

    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.dataKey).toEqual(first.dataKey);
    // A given value wins over the generated one.
    expect(loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
  });

  it('names DATA_DIR when its secrets file is unreadable', () => {
    writeFileSync(join(dataDir, 'dev-secrets.json'), '{ not json');
    const err = refusal({ DATA_DIR: dataDir });
    expect(err.variable).toBe('DATA_DIR');
  });
});

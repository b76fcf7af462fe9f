import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';

/** Everything the service reads from the environment, validated once at start. */
export interface AppConfig {
  nodeEnv: string;
  port: number;
  host: string;
  /** Empty when the embedded trial database should be used. */
  databaseUrl: string | undefined;
  /** Where migrations run (the owner of the schema); DATABASE_URL when unset. */
  migrationDatabaseUrl: string | undefined;
  /** The role DATABASE_URL logs in as, when it is not the owner: granted table rights after the migrations. */
  databaseAppRole: string | undefined;
  embeddedPgPort: number;
  dataDir: string;
  redisUrl: string;
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  /**
   * A worker's lock on the job in hand lasts this long and is renewed while the job runs; when a
   * worker dies without releasing it, another worker takes the job back within about twice this.
   */
  jobLockSeconds: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** 32-byte key that encrypts sensitive fields and keys their lookup hashes. */
  dataKey: Buffer;
  adminUsername: string;
  adminPassword: string | undefined;
  reminderLeadDays: number;
  reminderGraceDays: number;
  methadoneMissedAlertDays: number;
  /**
   * A supervision's tasks go to its responsible worker first, and to the commune's other workers
   * this many days after they fall due.
   */
  taskHandoverDays: number;
  /** How often the reminder sweep raises, in SQL, whatever a lost job would have raised. */
  reminderSweepEverySeconds: number;
  tzName: string;
  runMigrations: boolean;
  runWorkers: boolean;
  runApi: boolean;
  logLevel: string;
  corsOrigins: string[];
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** Failed logins per username and address pair in a window before that pair is held back. */
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** Failed logins per username from all addresses in a window before addresses the user never logged in from are held back. */
  loginMaxFailuresPerUsername: number;
  /** National ids found in a file outside the caller's area, per user and day, before national ids are refused. */
  nationalIdConflictsPerDay: number;
  /** Lookups of a person outside the caller's own patients (clinic and facility staff), per user and hour. */
  lookupsPerHour: number;
  /** Expensive requests (coverage jobs, the unreached list), per user and minute. */
  heavyRequestsPerMinute: number;
  /** argon2 memory cost in KiB; lowered only by the test suite. */
  argon2MemoryKib: number;
  /** The web app signs a user out after this many minutes without a key press, tap or click. */
  webIdleMinutes: number;
  /** The built web app (index.html and assets), served at `/`; nothing is served when it is absent. */
  webDistDir: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback?: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    if (fallback === undefined) throw new ConfigError(name, 'is required');
    return fallback;
  }
  return raw;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function timeZone(env: Env, name: string, fallback: string): string {
  const zone = str(env, name, fallback);
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    throw new ConfigError(name, `is not a known IANA time zone (got "${zone}")`);
  }
  return zone;
}

function dataKey(raw: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('DATA_KEY', 'must be 32 bytes, given as 64 hex digits or base64');
  }
  return key;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function oneOf(env: Env, name: string, allowed: string[], fallback: string): string {
  const value = str(env, name, fallback);
  if (!allowed.includes(value)) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** The same rules as a user created through the API, so the first admin can log in as any user. */
function appRole(env: Env): string | undefined {
  const value = env.DATABASE_APP_ROLE?.trim();
  if (!value) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) throw new ConfigError('DATABASE_APP_ROLE', 'must be a lower-case role name (letters, digits, underscores)');
  return value;
}

function adminUsername(env: Env): string {
  const value = str(env, 'ADMIN_USERNAME', 'admin');
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(value)) {
    throw new ConfigError('ADMIN_USERNAME', 'must be 3-64 letters, digits, dots, dashes or underscores');
  }
  // Usernames are stored and compared lower case.
  return value.toLowerCase();
}

function adminPassword(env: Env, fallback: string | undefined): string | undefined {
  const given = env.ADMIN_PASSWORD?.trim();
  if (!given) return fallback;
  if (given.length < 10 || given.length > 256) throw new ConfigError('ADMIN_PASSWORD', 'must be 10 to 256 characters');
  return given;
}

interface DevSecrets {
  jwtSecret: string;
  dataKey: string;
  adminPassword: string;
}

/**
 * Outside production a missing secret is generated once and kept under the data folder, so that
 * `npm start` works on a fresh machine and a restart can still read what it encrypted.
 */
function devSecrets(dataDir: string): DevSecrets {
  const file = resolve(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    } catch {
      throw new ConfigError('DATA_DIR', `holds an unreadable ${file}; fix or remove it, or set JWT_SECRET and DATA_KEY`);
    }
  }
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(48).toString('base64'),
    dataKey: randomBytes(32).toString('hex'),
    adminPassword: randomBytes(12).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = str(env, 'NODE_ENV', 'development');
  const production = nodeEnv === 'production';
  const dataDir = resolve(str(env, 'DATA_DIR', '.data'));
  const needsDev = !production && (!env.JWT_SECRET || !env.DATA_KEY);
  const dev = needsDev ? devSecrets(dataDir) : undefined;

  const jwtSecret = str(env, 'JWT_SECRET', dev?.jwtSecret);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const runApi = bool(env, 'RUN_API', true);
  const runWorkers = bool(env, 'RUN_WORKERS', true);
  if (!runApi && !runWorkers) throw new ConfigError('RUN_API', 'and RUN_WORKERS cannot both be false');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  // Without it the service would start the embedded trial database: never for production data.
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL', 'is required');

  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST', '0.0.0.0'),
    databaseUrl,
    migrationDatabaseUrl: url(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseAppRole: appRole(env),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    dataDir,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379') as string,
    queuePrefix: str(env, 'QUEUE_PREFIX', 'cm'),
    jobLockSeconds: int(env, 'JOB_LOCK_SECONDS', 30, 1, 3600),
    jwtSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 1, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86400, 60, 365 * 86400),
    dataKey: dataKey(str(env, 'DATA_KEY', dev?.dataKey)),
    adminUsername: adminUsername(env),
    adminPassword: adminPassword(env, production ? undefined : dev?.adminPassword),
    reminderLeadDays: int(env, 'REMINDER_LEAD_DAYS', 3, 0, 365),
    reminderGraceDays: int(env, 'REMINDER_GRACE_DAYS', 7, 0, 365),
    methadoneMissedAlertDays: int(env, 'METHADONE_MISSED_ALERT_DAYS', 3, 1, 365),
    taskHandoverDays: int(env, 'TASK_HANDOVER_DAYS', 3, 0, 365),
    reminderSweepEverySeconds: int(env, 'REMINDER_SWEEP_EVERY_SECONDS', 900, 10, 86400),
    tzName: timeZone(env, 'TZ_NAME', 'Asia/Ho_Chi_Minh'),
    runMigrations: bool(env, 'RUN_MIGRATIONS', true),
    runWorkers,
    runApi,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: int(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    loginMaxFailuresPerUsername: int(env, 'LOGIN_MAX_FAILURES_PER_USERNAME', 50, 1, 100000),
    nationalIdConflictsPerDay: int(env, 'NATIONAL_ID_CONFLICTS_PER_DAY', 20, 1, 100000),
    lookupsPerHour: int(env, 'LOOKUPS_PER_HOUR', 30, 1, 100000),
    heavyRequestsPerMinute: int(env, 'HEAVY_REQUESTS_PER_MINUTE', 30, 1, 100000),
    argon2MemoryKib: int(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 1048576),
    webIdleMinutes: int(env, 'WEB_IDLE_MINUTES', 30, 1, 1440),
    webDistDir: resolve(str(env, 'WEB_DIST_DIR', 'web/dist')),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

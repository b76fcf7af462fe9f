import { QueryFailedError } from 'typeorm';

/**
 * The one place that reads PostgreSQL error codes (SQLSTATE). Services and the HTTP error filter ask
 * these questions instead of comparing `driverError.code` themselves.
 */
export const PgCode = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  CheckViolation: '23514',
  NotNullViolation: '23502',
  SerializationFailure: '40001',
  DeadlockDetected: '40P01',
  LockNotAvailable: '55P03',
} as const;

/** The fields of a PostgreSQL error the service looks at. */
export interface PgErrorInfo {
  code: string;
  constraint?: string;
  column?: string;
}

/** What a failed statement means for the caller. */
export type PgErrorKind =
  | 'unique_violation'
  | 'foreign_key_violation'
  | 'invalid_value'
  | 'concurrent_update'
  | 'lock_not_available'
  | 'unavailable'
  | 'other';

/** Values PostgreSQL refused (constraints, types, ranges, encodings): the data was wrong, not the service. */
const INVALID_VALUE = new Set([
  PgCode.CheckViolation,
  PgCode.NotNullViolation,
  '22P02', // invalid text representation
  '22007', // invalid datetime format
  '22008', // datetime out of range
  '22003', // numeric out of range
  '22001', // string too long
  '22021', // a NUL or an invalid byte sequence in text
  '22P05', // an escape jsonb cannot store (\u0000)
]);

/** PostgreSQL or the connection to it is away: the request may succeed later. */
const UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);

/** The PostgreSQL error inside a TypeORM `QueryFailedError`, if that is what `err` is. */
export function pgErrorOf(err: unknown): PgErrorInfo | undefined {
  if (!(err instanceof QueryFailedError)) return undefined;
  const pg = err.driverError as { code?: unknown; constraint?: unknown; column?: unknown } | undefined;
  if (typeof pg?.code !== 'string') return undefined;
  return {
    code: pg.code,
    constraint: typeof pg.constraint === 'string' ? pg.constraint : undefined,
    column: typeof pg.column === 'string' ? pg.column : undefined,
  };
}

export function pgErrorKind(err: unknown): PgErrorKind | undefined {
  const pg = pgErrorOf(err);
  if (!pg) return undefined;
  switch (pg.code) {
    case PgCode.UniqueViolation:
      return 'unique_violation';
    case PgCode.ForeignKeyViolation:
      return 'foreign_key_violation';
    case PgCode.SerializationFailure:
    case PgCode.DeadlockDetected:
      return 'concurrent_update';
    case PgCode.LockNotAvailable:
      return 'lock_not_available';
    default:
      if (INVALID_VALUE.has(pg.code as never)) return 'invalid_value';
      if (UNAVAILABLE.has(pg.code)) return 'unavailable';
      return 'other';
  }
}

/** A unique violation; with `constraint`, only of that constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === PgCode.UniqueViolation && (constraint === undefined || pg.constraint === constraint);
}

/** The statement broke the constraint named (any kind: unique, check, foreign key). */
export function violatesConstraint(err: unknown, constraint: string): boolean {
  return pgErrorOf(err)?.constraint === constraint;
}

/** A serialization failure or a deadlock: the same work may succeed when tried again. */
export const isConcurrentUpdate = (err: unknown): boolean => pgErrorKind(err) === 'concurrent_update';

/** A `FOR UPDATE NOWAIT` (or `lock_timeout`) found the row locked. */
export const isLockNotAvailable = (err: unknown): boolean => pgErrorKind(err) === 'lock_not_available';

/** Errors caused by the data written (class 22 data exceptions, class 23 constraints) or by a concurrent writer. */
export function isDataOrConflictError(err: unknown): boolean {
  const code = pgErrorOf(err)?.code ?? '';
  return /^(22|23)/.test(code) || pgErrorKind(err) === 'concurrent_update';
}

/** PostgreSQL is away (shutdown, refused or dropped connection, too many clients). */
export const isDatabaseUnavailableCode = (code: unknown): boolean => typeof code === 'string' && UNAVAILABLE.has(code);

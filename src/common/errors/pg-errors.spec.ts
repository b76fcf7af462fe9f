import { QueryFailedError } from 'typeorm';
import { isConcurrentUpdate, isDataOrConflictError, isLockNotAvailable, isUniqueViolation, pgErrorKind, pgErrorOf, violatesConstraint } from './pg-errors.js';

const pgError = (code: string, extra: Record<string, unknown> = {}) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('failed'), { code, ...extra }));

describe('the PostgreSQL error mapper', () => {
  it('reads the code, constraint and column of a failed statement, and nothing of other errors', () => {
    expect(pgErrorOf(pgError('23505', { constraint: 'uq_x', column: 'y' }))).toEqual({ code: '23505', constraint: 'uq_x', column: 'y' });
    expect(pgErrorOf(new Error('23505'))).toBeUndefined();
    expect(pgErrorKind(new Error('x'))).toBeUndefined();
  });

  it('names each kind the service answers differently', () => {
    expect(pgErrorKind(pgError('23505'))).toBe('unique_violation');
    expect(pgErrorKind(pgError('23503'))).toBe('foreign_key_violation');
    for (const code of ['23514', '23502', '22P02', '22007', '22008', '22003', '22001', '22021', '22P05']) {
      expect({ code, kind: pgErrorKind(pgError(code)) }).toEqual({ code, kind: 'invalid_value' });
    }
    expect(pgErrorKind(pgError('40001'))).toBe('concurrent_update');
    expect(pgErrorKind(pgError('40P01'))).toBe('concurrent_update');
    expect(pgErrorKind(pgError('55P03'))).toBe('lock_not_available');
    expect(pgErrorKind(pgError('57P01'))).toBe('unavailable');
    expect(pgErrorKind(pgError('42P01'))).toBe('other');
  });

  it('answers the questions services ask', () => {
    expect(isUniqueViolation(pgError('23505', { constraint: 'uq_persons_national_id_open' }), 'uq_persons_national_id_open')).toBe(true);
    expect(isUniqueViolation(pgError('23505', { constraint: 'other' }), 'uq_persons_national_id_open')).toBe(false);
    expect(isUniqueViolation(pgError('23505'))).toBe(true);
    expect(isUniqueViolation(pgError('23503', { constraint: 'uq_x' }), 'uq_x')).toBe(false);
    expect(violatesConstraint(pgError('23514', { constraint: 'ck_x' }), 'ck_x')).toBe(true);
    expect(isConcurrentUpdate(pgError('40001'))).toBe(true);
    expect(isLockNotAvailable(pgError('55P03'))).toBe(true);
    expect(isDataOrConflictError(pgError('22P02'))).toBe(true);
    expect(isDataOrConflictError(pgError('40P01'))).toBe(true);
    expect(isDataOrConflictError(pgError('57P01'))).toBe(false);
    expect(isDataOrConflictError(new Error('x'))).toBe(false);
  });
});

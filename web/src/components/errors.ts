import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** One sentence for the user from any failure; the service's field messages are kept as detail. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const detail = err.message;
    if (err.status === 400) return t('errors.validation', { detail });
    if (err.status === 403) return t('errors.forbidden');
    if (err.status === 404) return t('errors.notFound');
    if (err.code === 'legal_term_not_reached') return t('errors.legalTermNotReached', { detail });
    if (err.status === 409) return t('errors.conflict', { detail });
    if (err.status === 503) return t('errors.unavailable');
    return t('errors.generic', { status: err.status });
  }
  if (err instanceof TypeError) return t('errors.network');
  return t('app.error');
}

/**
 * Domain errors carry a code; one filter maps the code to an HTTP status and the error shape, so
 * services never think in HTTP.
 */
export enum ErrorCode {
  Validation = 'VALIDATION',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  StaleVersion = 'STALE_VERSION',
  Forbidden = 'FORBIDDEN',
  Unauthorized = 'UNAUTHORIZED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Unavailable = 'UNAVAILABLE',
}

export const STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.Validation]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Unavailable]: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string | string[],
    /** A stable snake_case code for a broken domain rule (`legal_term_not_reached`), sent as `code`. */
    readonly rule?: string,
  ) {
    super(Array.isArray(message) ? message.join('; ') : message);
    this.messages = message;
  }
  readonly messages: string | string[];
}

export const notFound = (what: string) => new AppError(ErrorCode.NotFound, `${what} not found`);
export const conflict = (message: string) => new AppError(ErrorCode.Conflict, message);
/** A 400 whose messages name the field, as validation errors do: `field: reason`. */
export const invalid = (field: string, reason: string) =>
  new AppError(ErrorCode.Validation, [`${field}: ${reason}`]);
export const forbidden = (message = 'this role may not do that') => new AppError(ErrorCode.Forbidden, message);

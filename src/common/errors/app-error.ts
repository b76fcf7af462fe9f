/**
 * Domain errors carry a code; one filter maps the code to an HTTP status and the error shape, so
 * services never think in HTTP.
 *
 * The codes are the API's stable, machine-readable error vocabulary: every error body carries one
 * (`code`, snake_case) beside `statusCode`, `error` and `message`, and the OpenAPI document lists
 * them as the `ErrorCode` enum, so a client can show its own words (in Vietnamese) per code. A value
 * is never renamed once released; a new failure a client should tell apart gets a new code here and
 * a status in STATUS_OF.
 */
export enum ErrorCode {
  /** A body, query or path field breaks a rule; `errors` names each field and rule. */
  Validation = 'validation_failed',
  /** The request cannot be read at all: a malformed JSON body or URL. */
  BadRequest = 'bad_request',
  /** A referenced record (a foreign key) does not exist. */
  InvalidReference = 'invalid_reference',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  /** Missing, or outside the caller's scope: the two are not told apart, so nothing leaks. */
  NotFound = 'not_found',
  Conflict = 'conflict',
  /** The record changed since the version the client read: read it again. */
  StaleVersion = 'version_conflict',
  /** Two writes met at the same time; the same request may succeed when retried. */
  ConcurrentUpdate = 'concurrent_update',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  TooManyRequests = 'too_many_requests',
  Internal = 'internal_error',
  /** PostgreSQL, Redis or the job queue is away; try again shortly. */
  Unavailable = 'service_unavailable',
}

export const STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.Validation]: 400,
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.InvalidReference]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.ConcurrentUpdate]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Internal]: 500,
  [ErrorCode.Unavailable]: 503,
};

/** One field at fault in a `validation_failed` error: which field, which rule, in words. */
export interface FieldError {
  /** The field's path: `birthDate`, `items.0.quantity`; `body` for the body as a whole. */
  field: string;
  /**
   * The rule broken: class-validator's name for it (`isUuid`, `maxLength`, `whitelistValidation`),
   * `businessRule` for a rule checked by the service (a date in the future, an unknown unit).
   */
  rule: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string | string[],
    /** For `validation_failed`: the fields at fault. */
    readonly fields?: FieldError[],
  ) {
    super(Array.isArray(message) ? message.join('; ') : message);
    this.messages = message;
  }
  readonly messages: string | string[];
}

export const notFound = (what: string) => new AppError(ErrorCode.NotFound, `${what} not found`);
export const conflict = (message: string) => new AppError(ErrorCode.Conflict, message);
/** A 400 whose messages name the field, as validation errors do: `field: reason`. */
export const invalid = (field: string, reason: string, rule = 'businessRule') =>
  new AppError(ErrorCode.Validation, [`${field}: ${reason}`], [{ field, rule, message: reason }]);
export const forbidden = (message = 'this role may not do that') => new AppError(ErrorCode.Forbidden, message);

/**
 * Field errors read back from `field: reason` messages (the form every validation message in this
 * project takes); a message without a field prefix is about the body as a whole.
 */
export function fieldErrorsOf(messages: string | string[], rule = 'businessRule'): FieldError[] {
  return (Array.isArray(messages) ? messages : [messages]).map((m) => {
    const at = /^([A-Za-z_][\w.[\]]*): (.+)$/s.exec(m);
    return at ? { field: at[1], rule, message: at[2] } : { field: 'body', rule, message: m };
  });
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode, type FieldError, STATUS_OF, fieldErrorsOf } from './app-error.js';
import { isDatabaseUnavailableCode, pgErrorKind, pgErrorOf } from './pg-errors.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string | string[];
  errors?: FieldError[];
  /** More fields some errors carry, documented with their route (`candidates` of `possible_duplicate`). */
  [detail: string]: unknown;
}

/** The code of an error that only has a status (Nest's and Fastify's own exceptions). */
export function codeOfStatus(statusCode: number): ErrorCode {
  switch (statusCode) {
    case 400:
      return ErrorCode.BadRequest;
    case 401:
      return ErrorCode.Unauthorized;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 414:
      return ErrorCode.UriTooLong;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 429:
      return ErrorCode.TooManyRequests;
    case 503:
      return ErrorCode.Unavailable;
    default:
      return statusCode < 500 ? ErrorCode.BadRequest : ErrorCode.Internal;
  }
}

/** The one error shape; `errors` (field, rule, message) only for `validation_failed`. */
export function errorBody(code: ErrorCode, message: string | string[], fields?: FieldError[], statusCode = STATUS_OF[code]): ErrorBody {
  const out: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message };
  if (code === ErrorCode.Validation) out.errors = fields ?? fieldErrorsOf(message);
  return out;
}

const body = (statusCode: number, message: string | string[], code = codeOfStatus(statusCode)): ErrorBody =>
  errorBody(code, message, undefined, statusCode);

/** PostgreSQL errors that mean the request, not the service, was wrong. */
function fromDatabase(err: QueryFailedError): ErrorBody | undefined {
  const pg = pgErrorOf(err);
  switch (pgErrorKind(err)) {
    case 'unique_violation':
      return body(409, `conflicts with an existing record${pg?.constraint ? ` (${pg.constraint})` : ''}`, ErrorCode.Conflict);
    case 'foreign_key_violation':
      return body(400, `refers to a record that does not exist${pg?.constraint ? ` (${pg.constraint})` : ''}`, ErrorCode.InvalidReference);
    case 'invalid_value':
      return pg?.column
        ? errorBody(ErrorCode.Validation, `invalid value for ${pg.column}`, [{ field: pg.column, rule: 'database', message: 'invalid value' }])
        : errorBody(ErrorCode.Validation, 'invalid value', [{ field: 'body', rule: 'database', message: 'invalid value' }]);
    case 'concurrent_update':
      return body(409, 'the record was changed at the same time; try again', ErrorCode.ConcurrentUpdate);
    default:
      return undefined;
  }
}

/**
 * Errors that mean PostgreSQL or Redis is away (a dropped or refused connection, an administrator's
 * shutdown, too many clients): the request may succeed later, so they answer 503, not 500.
 */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Driver not Connected|Stream isn't writeable|Connection is closed|Client has encountered a connection error/i;

function unavailable(exception: unknown): boolean {
  const err = exception as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | undefined;
  const code = err?.driverError?.code ?? err?.code;
  if (isDatabaseUnavailableCode(code) || (typeof code === 'string' && UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  return typeof err?.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message);
}

/** One error shape for every failure: `{statusCode, error, code, message}`; internals never leak. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<{ status(code: number): { send(b: unknown): void }; code?: unknown }>();
    const request = ctx.getRequest<{ id?: string; method?: string; url?: string }>();
    const out = this.toBody(exception, request);
    reply.status(out.statusCode).send(out);
  }

  private toBody(exception: unknown, request: { id?: string; method?: string; url?: string }): ErrorBody {
    if (exception instanceof AppError) return { ...errorBody(exception.code, exception.messages, exception.fields), ...exception.details };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      // A list of messages is a validation pipe's answer, each naming its field.
      return status === 400 && Array.isArray(message) ? errorBody(ErrorCode.Validation, message) : body(status, message);
    }
    if (exception instanceof QueryFailedError) {
      const mapped = fromDatabase(exception);
      if (mapped) return mapped;
    }
    const fastify = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      return body(fastify.statusCode, fastify.message ?? 'bad request');
    }
    if (exception instanceof SyntaxError && /JSON/.test(exception.message)) {
      return body(400, 'body is not valid JSON', ErrorCode.BadRequest);
    }
    // Only the error's class and stack are logged: messages may quote request data.
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(
      {
        requestId: request.id,
        method: request.method,
        route: request.url?.split('?')[0],
        errorClass: err.name,
        // The first line of a stack repeats the message, which may quote request data.
        stack: err.stack?.split('\n').slice(1).join('\n'),
      },
      'unhandled error',
    );
    return unavailable(exception)
      ? body(503, 'a service this request needs is unavailable; try again shortly', ErrorCode.Unavailable)
      : body(500, 'internal error', ErrorCode.Internal);
  }
}

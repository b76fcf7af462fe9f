import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { AppError, STATUS_OF } from './app-error.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Present when a named domain rule refused the request. */
  code?: string;
}

function body(statusCode: number, message: string | string[]): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** PostgreSQL errors that mean the request, not the service, was wrong. */
function fromDatabase(err: QueryFailedError): ErrorBody | undefined {
  const pg = err.driverError as { code?: string; constraint?: string; column?: string } | undefined;
  switch (pg?.code) {
    case '23505':
      return body(409, `conflicts with an existing record${pg.constraint ? ` (${pg.constraint})` : ''}`);
    case '23503':
      return body(400, `refers to a record that does not exist${pg.constraint ? ` (${pg.constraint})` : ''}`);
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021': // a NUL or an invalid byte sequence in text
    case '22P05': // an escape jsonb cannot store (\u0000)
      return body(400, `invalid value${pg.column ? ` for ${pg.column}` : ''}`);
    case '40001':
    case '40P01':
      return body(409, 'the record was changed at the same time; try again');
    default:
      return undefined;
  }
}

/**
 * Errors that mean PostgreSQL or Redis is away (a dropped or refused connection, an administrator's
 * shutdown, too many clients): the request may succeed later, so they answer 503, not 500.
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Driver not Connected|Stream isn't writeable|Connection is closed|Client has encountered a connection error/i;

function unavailable(exception: unknown): boolean {
  const err = exception as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | undefined;
  const code = err?.driverError?.code ?? err?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return typeof err?.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message);
}

/** One error shape for every failure: `{statusCode, error, message}`; internals never leak. */
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
    if (exception instanceof AppError) {
      const out = body(STATUS_OF[exception.code], exception.messages);
      return exception.rule ? { ...out, code: exception.rule } : out;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      return body(status, message);
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
      return body(400, 'body is not valid JSON');
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
    return unavailable(exception) ? body(503, 'a service this request needs is unavailable; try again shortly') : body(500, 'internal error');
  }
}

import createClient from 'openapi-fetch';
import { session } from '../auth/session';
import type { ApiErrorBody } from './types';
import type { paths } from './schema';

/** An answer other than 2xx, with the service's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? `HTTP ${status}`));
  }
  get code(): string | undefined {
    return this.body?.code;
  }
}

const AUTH_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh'];

function withToken(request: Request): Request {
  const copy = new Request(request);
  const token = session.accessToken();
  if (token) copy.headers.set('authorization', `Bearer ${token}`);
  return copy;
}

/**
 * Every call carries the in-memory access token. A 401 renews the login (the refresh cookie, or
 * else the sign-in dialog over the current screen) and sends the same request again, so a form
 * being saved when the session ran out is saved after the user signs in again.
 */
export async function authedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(withToken(request));
  if (response.status !== 401 || AUTH_PATHS.includes(new URL(request.url).pathname)) return response;
  await session.renew();
  return fetch(withToken(retry));
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authedFetch });

/** The body of a 2xx answer, typed by the generated schema, or an ApiError. */
export function unwrap<D>(result: { data?: D; error?: unknown; response: Response }): D {
  if (!result.response.ok) throw new ApiError(result.response.status, result.error as ApiErrorBody | undefined);
  return result.data as D;
}

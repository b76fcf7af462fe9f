import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app keeps its refresh token in this cookie, which page scripts cannot read: HttpOnly,
 * SameSite=Strict (no other site's page can make the browser send it), Secure over TLS, and sent
 * only to the auth routes. API clients keep using the JSON body.
 */
export const REFRESH_COOKIE = 'cm_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const TOKEN = /^[A-Za-z0-9_.-]{1,200}$/;

export function readRefreshCookie(req: Pick<FastifyRequest, 'headers'>): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== REFRESH_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN.test(value) ? value : undefined;
  }
  return undefined;
}

function cookie(req: Pick<FastifyRequest, 'protocol'>, value: string, maxAgeSeconds: number): string {
  const parts = [`${REFRESH_COOKIE}=${value}`, `Path=${REFRESH_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict'];
  if (req.protocol === 'https') parts.push('Secure');
  return parts.join('; ');
}

export function setRefreshCookie(req: Pick<FastifyRequest, 'protocol'>, reply: FastifyReply, token: string, ttlSeconds: number): void {
  void reply.header('set-cookie', cookie(req, token, ttlSeconds));
}

export function clearRefreshCookie(req: Pick<FastifyRequest, 'protocol'>, reply: FastifyReply): void {
  void reply.header('set-cookie', cookie(req, '', 0));
}

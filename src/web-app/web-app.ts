import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';

/**
 * The app's pages run no inline script and talk only to this origin. Ant Design writes its styles
 * into <style> elements at run time, hence the one relaxation for styles.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IDLE_META = /<meta name="cm-idle-minutes" content="\d+"\s*\/?>/;

/** A path the app's router owns: not the API, the docs or the health check, and not a file name. */
export function isAppPath(path: string): boolean {
  if (path === '/health' || path.startsWith('/api/') || path === '/api') return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * Serves the built web app at `/`: its hashed assets as files, and index.html (with the idle
 * time filled in) for every other app path, so a reload or a shared link opens the right screen.
 */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const indexFile = join(config.webDistDir, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(`no built web app in ${config.webDistDir}; run npm run build to serve it at /`);
    return;
  }
  const index = readFileSync(indexFile, 'utf8').replace(IDLE_META, `<meta name="cm-idle-minutes" content="${config.webIdleMinutes}" />`);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: config.webDistDir,
    prefix: '/',
    wildcard: false,
    index: false,
    allowedPath: (path) => path !== '/index.html',
    setHeaders: (res, path) => {
      // Vite puts a content hash in every asset's name: a changed file is a new URL.
      if (path.includes(`${join(config.webDistDir, 'assets')}`)) void res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  fastify.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    if (req.routeOptions.url !== undefined) return;
    const path = req.url.split('?')[0] ?? '/';
    if (!isAppPath(path)) return;
    return reply
      .header('content-security-policy', WEB_APP_CSP)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(index);
  });
}

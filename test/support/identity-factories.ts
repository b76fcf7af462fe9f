import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/common/auth/actor.js';
import { Callers } from '../../src/modules/users/callers.js';
import type { Role } from '../../src/modules/users/user.entity.js';
import { admin, user, world, type TestUser, type World } from './factories.js';
import type { Reply, TestApp } from './test-app.js';

/** One signed-in user of every role, placed in the small world of factories.ts. */
export interface Cast {
  w: World;
  users: Record<Role, TestUser>;
}

/**
 * admin (no unit), province_officer at province P, commune_worker at commune C1 (under district D),
 * clinic_staff at C1 working at P's methadone clinic, facility_staff at P working at P's rehab facility.
 */
export async function cast(t: TestApp): Promise<Cast> {
  const w = await world(t);
  return {
    w,
    users: {
      admin: await admin(t),
      province_officer: await user(t, 'province_officer', w.p),
      commune_worker: await user(t, 'commune_worker', w.c1),
      clinic_staff: await user(t, 'clinic_staff', w.c1, w.clinicP),
      facility_staff: await user(t, 'facility_staff', w.p, w.rehabP),
    },
  };
}

/** Logs in through HTTP. */
export function login(t: TestApp, username: string, password: string): Promise<Reply> {
  return t.http.post('/api/v1/auth/login', { username, password });
}

/** Signs an access token with the given claims (and the app's secret unless another is given). */
export function signAccess(
  t: TestApp,
  claims: Record<string, unknown>,
  opts: { secret?: string; expiresInSeconds?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return new JwtService({}).sign(
    { iat: now, exp: now + (opts.expiresInSeconds ?? 900), ...claims },
    { secret: opts.secret ?? t.config.jwtSecret, algorithm: 'HS256' },
  );
}

/** An unsigned token (`alg: none`), as an attacker would forge one. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iat: now, exp: now + 900, ...claims })}.`;
}

/** The claims inside a token, read without verifying it. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Every audit row as text, for "nothing personal in the log" checks. */
export async function auditTableText(t: TestApp): Promise<string> {
  const rows: { text: string | null }[] = await t.db.query(`SELECT string_agg(a::text, E'\\n' ORDER BY a.id) AS text FROM audit_logs a`);
  return rows[0].text ?? '';
}

export interface AuditRow {
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  fields: string[];
  ip: string | null;
}

export async function auditRows(t: TestApp, where = 'TRUE', params: unknown[] = []): Promise<AuditRow[]> {
  return t.db.query(
    `SELECT actor_id, actor_role, action, entity, entity_id, fields, ip FROM audit_logs WHERE ${where} ORDER BY id`,
    params,
  );
}

/** An actor as the JWT strategy would build it (the one loader, `Callers`), for calling services directly. */
export async function actorOf(t: TestApp, userId: string): Promise<Actor> {
  const actor = await t.app.get(Callers).load(userId, { sessionId: randomUUID() });
  if (!actor) throw new Error(`no user ${userId}`);
  return actor;
}

/** The error shape of SPEC section 9. */
export function expectError(res: Reply, status: number, error: string): void {
  expect({ status: res.status, statusCode: res.body?.statusCode, error: res.body?.error }).toEqual({ status, statusCode: status, error });
  expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
}

let seq = 0;
/** A code or username no other test uses. */
export const uniqueCode = (prefix: string) => `${prefix}${process.pid % 1000}x${(++seq).toString(36)}${randomUUID().slice(0, 4)}`;

/**
 * True when a 400's messages all refuse a control character in one field (a NUL may be refused
 * twice: by the global body check and by the field's own rule).
 */
export function controlRefusal(messages: unknown, pattern: RegExp): boolean {
  return Array.isArray(messages) && messages.length > 0 && messages.every((m) => typeof m === 'string' && pattern.test(m));
}

import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import pg from 'pg';
import { FieldCipher } from '../src/common/crypto/field-cipher.js';
import type { AppConfig } from '../src/config/config.js';
import { escapeLike, foldForSearch } from '../src/modules/persons/person-search.js';
import { CONTACT_ROLES } from '../src/modules/persons/person-views.js';
import type { Role } from '../src/modules/users/user.entity.js';

/**
 * Two baselines for the person routes, plain Fastify and `pg`, no framework, answering the same JSON
 * as the service:
 * - the pure read (`x-bench-actor` header): no authentication, no audit row, for a caller fixed in
 *   advance, with the scope predicate of src/common/access/scope.ts written into the SQL;
 * - the same-work read (`Authorization: Bearer …`, the service's own token): the work the service
 *   must do on every read, by hand: verify the JWT (HS256), check the caller is active and the login
 *   not revoked (and load its role and unit), the scoped read, and the audit row, committed before
 *   the answer leaves.
 */

export interface BareActor {
  /** Materialized path of the caller's unit. */
  unitPath: string;
  /** Whether the caller's role sees national id, phone and address on a single read. */
  withContacts: boolean;
}

/** What the same-work route learns of the caller from the database, as the service does. */
interface Caller {
  id: string;
  role: string;
  path: string | null;
}

const CALLER_SQL = `SELECT u.id, u.role, a.path FROM users u LEFT JOIN admin_units a ON a.id = u.admin_unit_id
  WHERE u.id = $1 AND u.active AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.revoked_at IS NOT NULL)`;

const AUDIT_SQL = `INSERT INTO audit_logs (actor_id, actor_role, action, entity, entity_id, ip, request_id, meta)
  VALUES ($1, $2, 'read', 'person', $3, $4, $5, $6)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `p.id, p.case_code, p.full_name, p.date_of_birth, p.sex, p.residence_unit_id, p.status, p.substances,
  p.registered_on, p.management_decision_on, p.management_decision_no, p.in_detention, p.closed_on, p.close_reason, p.merged_into_id, p.version, p.created_at, p.updated_at`;
const SCOPE = `EXISTS (SELECT 1 FROM admin_units scope_u WHERE scope_u.id = p.residence_unit_id AND scope_u.path LIKE $1)`;

interface PersonRow {
  id: string;
  case_code: string;
  full_name: string;
  date_of_birth: string;
  sex: string;
  residence_unit_id: string;
  status: string;
  substances: string[];
  registered_on: string;
  management_decision_on: string | null;
  management_decision_no: string | null;
  in_detention: boolean;
  closed_on: string | null;
  close_reason: string | null;
  merged_into_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  national_id_cipher?: Buffer | null;
  phone_cipher?: Buffer | null;
  address_cipher?: Buffer | null;
}

const view = (p: PersonRow) => ({
  id: p.id,
  caseCode: p.case_code,
  fullName: p.full_name,
  dateOfBirth: p.date_of_birth,
  sex: p.sex,
  residenceUnitId: p.residence_unit_id,
  status: p.status,
  substances: p.substances,
  registeredOn: p.registered_on,
  managementDecisionOn: p.management_decision_on,
  managementDecisionNo: p.management_decision_no,
  inDetention: p.in_detention,
  closedOn: p.closed_on,
  closeReason: p.close_reason,
  mergedIntoId: p.merged_into_id,
  version: p.version,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

export async function startBareServer(
  config: AppConfig,
  databaseUrl: string,
  actors: Record<string, BareActor>,
): Promise<{ url: string; close: () => Promise<void> }> {
  // The same pool size as the service's TypeORM data source.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const cipher = new FieldCipher(config);
  const app: FastifyInstance = Fastify({ logger: false });
  const key: KeyObject = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  const actorOf = (header: unknown): BareActor | undefined => (typeof header === 'string' ? actors[header] : undefined);
  /** The same-work route's caller: the token verified, then the caller checked and loaded. */
  const callerOf = async (req: FastifyRequest): Promise<Caller | null> => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return null;
    let claims: { sub?: unknown; sid?: unknown; typ?: unknown };
    try {
      claims = jwt.verify(header.slice(7), key, { algorithms: ['HS256'] }) as typeof claims;
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !UUID.test(claims.sub) || !UUID.test(claims.sid)) return null;
    const { rows } = await pool.query<Caller>(CALLER_SQL, [claims.sub, claims.sid]);
    return rows[0] ?? null;
  };
  /** Either baseline's caller: the fixed one of `x-bench-actor`, or the token's (same-work). */
  const whoCalls = async (req: FastifyRequest): Promise<{ actor: BareActor; caller: Caller | null } | null> => {
    const fixed = actorOf(req.headers['x-bench-actor']);
    if (fixed) return { actor: fixed, caller: null };
    const caller = await callerOf(req);
    return caller && { actor: { unitPath: caller.path ?? '', withContacts: CONTACT_ROLES.includes(caller.role as Role) }, caller };
  };
  const audit = (req: FastifyRequest, caller: Caller, entityId: string | null, meta: object | null) =>
    pool.query(AUDIT_SQL, [caller.id, caller.role, entityId, req.ip, req.id, meta && JSON.stringify(meta)]);

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id', async (req, reply) => {
    const who = await whoCalls(req);
    if (!who) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'unknown actor' });
    const { actor, caller } = who;
    if (!UUID.test(req.params.id)) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'person not found' });
    const extra = actor.withContacts ? ', p.national_id_cipher, p.phone_cipher, p.address_cipher' : '';
    const { rows } = await pool.query<PersonRow>(`SELECT ${COLUMNS}${extra} FROM persons p WHERE ${SCOPE} AND p.id = $2`, [
      `${actor.unitPath}%`,
      req.params.id,
    ]);
    const p = rows[0];
    // Same-work: the read is recorded (autocommit: committed when the INSERT answers) before the answer.
    if (p && caller) await audit(req, caller, p.id, null);
    if (!p) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'person not found' });
    if (!actor.withContacts) return view(p);
    return {
      ...view(p),
      nationalId: cipher.decryptOptional(p.national_id_cipher),
      phone: cipher.decryptOptional(p.phone_cipher),
      address: cipher.decryptOptional(p.address_cipher),
    };
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/api/v1/persons', async (req, reply) => {
    const who = await whoCalls(req);
    if (!who) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'unknown actor' });
    const { actor, caller } = who;
    const pageNo = Number(req.query.page ?? '1');
    const pageSize = Number(req.query.pageSize ?? '20');
    if (!Number.isInteger(pageNo) || pageNo < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: ['page or pageSize is invalid'] });
    }
    const params: unknown[] = [`${actor.unitPath}%`];
    let where = SCOPE;
    if (req.query.status) {
      params.push(req.query.status);
      where += ` AND p.status = $${params.length}`;
    }
    const q = req.query.q ? foldForSearch(req.query.q) : '';
    if (q) {
      params.push(`%${escapeLike(q)}%`);
      where += ` AND p.search_text LIKE $${params.length}`;
    }
    const [count, items] = await Promise.all([
      pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons p WHERE ${where}`, params),
      // The page's ids, then their rows, as the service reads them (see PersonsService.list).
      pool.query<PersonRow>(
        `WITH page AS MATERIALIZED (
           SELECT p.id, p.created_at FROM persons p WHERE ${where}
            ORDER BY p.created_at DESC, p.id DESC LIMIT ${pageSize} OFFSET ${(pageNo - 1) * pageSize})
         SELECT ${COLUMNS} FROM page JOIN persons p ON p.id = page.id ORDER BY page.created_at DESC, page.id DESC`,
        params,
      ),
    ]);
    if (caller && items.rows.length) await audit(req, caller, null, { view: 'list', personIds: items.rows.map((p) => p.id) });
    return { items: items.rows.map(view), total: count.rows[0].n, page: pageNo, pageSize };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

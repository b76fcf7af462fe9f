import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { FieldCipher } from '../src/common/crypto/field-cipher.js';
import type { AppConfig } from '../src/config/config.js';
import { escapeLike, foldForSearch } from '../src/modules/persons/person-search.js';

/**
 * The fastest honest baseline for the person routes: plain Fastify and `pg`, no framework, no
 * authentication, no audit row. It answers the same JSON as the service for a caller fixed in
 * advance (the `x-bench-actor` header names which one), with the scope predicate of
 * src/common/access/scope.ts written into the SQL.
 */

export interface BareActor {
  /** Materialized path of the caller's unit. */
  unitPath: string;
  /** Whether the caller's role sees national id, phone and address on a single read. */
  withContacts: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `p.id, p.case_code, p.full_name, p.date_of_birth, p.sex, p.residence_unit_id, p.status, p.substances,
  p.registered_on, p.management_decision_on, p.in_detention, p.closed_on, p.close_reason, p.merged_into_id, p.version, p.created_at, p.updated_at`;
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
  const actorOf = (header: unknown): BareActor | undefined => (typeof header === 'string' ? actors[header] : undefined);

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id', async (req, reply) => {
    const actor = actorOf(req.headers['x-bench-actor']);
    if (!actor) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'unknown actor' });
    if (!UUID.test(req.params.id)) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'person not found' });
    const extra = actor.withContacts ? ', p.national_id_cipher, p.phone_cipher, p.address_cipher' : '';
    const { rows } = await pool.query<PersonRow>(`SELECT ${COLUMNS}${extra} FROM persons p WHERE ${SCOPE} AND p.id = $2`, [
      `${actor.unitPath}%`,
      req.params.id,
    ]);
    const p = rows[0];
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
    const actor = actorOf(req.headers['x-bench-actor']);
    if (!actor) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'unknown actor' });
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

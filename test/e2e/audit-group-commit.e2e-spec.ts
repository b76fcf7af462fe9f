import { randomUUID } from 'node:crypto';
import type { AuditContext } from '../../src/common/auth/actor.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * AuditService.recordCommitted: the audit rows of concurrent requests written together (one
 * statement, one commit), each request answered once its own row is committed; rows keep the
 * order they came in; a row that cannot be written fails its own request and no other.
 */
describe('audit rows committed in groups', () => {
  let t: TestApp;
  let audit: AuditService;
  const who: AuditContext = { id: null, role: 'system', ip: '127.0.0.1', requestId: null };

  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
  });
  afterAll(() => t?.close());

  const rowsOf = (tag: string): Promise<{ id: string; entity_id: string; at: Date; request_id: string }[]> =>
    t.db.query(`SELECT id, entity_id, at, request_id FROM audit_logs WHERE action = $1 ORDER BY id`, [tag]);

  it('writes every row of 60 concurrent requests, in their order, in a few statements, before answering each', async () => {
    const tag = `group-${randomUUID().slice(0, 8)}`;
    const ids = Array.from({ length: 60 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const answered = await Promise.all(
      ids.map(async (entityId, i) => {
        await audit.recordCommitted({ ...who, requestId: `r${i}` }, { action: tag, entity: 'person', entityId, meta: { n: i } });
        // Committed when the promise resolves: another connection sees it.
        const [seen]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = $1 AND entity_id = $2`, [tag, entityId]);
        return seen.n;
      }),
    );
    expect(answered).toEqual(ids.map(() => 1));
    const rows = await rowsOf(tag);
    expect(rows.map((r) => r.entity_id)).toEqual(ids);
    expect(rows.map((r) => r.request_id)).toEqual(ids.map((_, i) => `r${i}`));
    // One transaction, one timestamp: the rows came in a handful of statements, not 60.
    const groups = new Set(rows.map((r) => r.at.toISOString())).size;
    expect(groups).toBeLessThan(10);
  });

  it('fails only the request whose row cannot be written; the rows of its group are written', async () => {
    const tag = `fail-${randomUUID().slice(0, 8)}`;
    const results = await Promise.allSettled(
      [0, 1, 2, 3, 4].map((i) =>
        // The third names an actor id that is not a UUID: PostgreSQL refuses it.
        audit.recordCommitted({ ...who, id: i === 2 ? 'not-a-uuid' : null }, { action: tag, entity: 'person', entityId: `q${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((await rowsOf(tag)).map((r) => r.entity_id)).toEqual(['q0', 'q1', 'q3', 'q4']);
    // The batcher goes on after a failure.
    await audit.recordCommitted(who, { action: tag, entity: 'person', entityId: 'q5' });
    expect((await rowsOf(tag)).map((r) => r.entity_id)).toEqual(['q0', 'q1', 'q3', 'q4', 'q5']);
  });
});

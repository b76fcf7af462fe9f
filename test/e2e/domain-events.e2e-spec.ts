import { randomUUID } from 'node:crypto';
import { DomainEvents } from '../../src/common/events/domain-events.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The after-commit domain event (src/common/events/domain-events.ts): its handlers run once the
 * outermost transaction has committed, once per transaction with the ids de-duplicated, never on a
 * rollback; published outside a transaction they run at once.
 */
describe('after-commit domain events', () => {
  let t: TestApp;
  let events: DomainEvents;
  /** What the probe handler saw: the ids, and whether the transaction's row was visible to another connection. */
  let calls: { ids: string[]; committedRowVisible: boolean; inTransaction: boolean }[];
  let probe: string;

  beforeAll(async () => {
    t = await startTestApp();
    events = t.app.get(DomainEvents);
    await t.db.query(`CREATE TABLE event_probe (tag text NOT NULL)`);
    events.on('person.changed', async (ids, manager) => {
      if (!ids.some((id) => id.startsWith(probe))) return;
      const [row]: unknown[] = await t.db.query(`SELECT 1 FROM event_probe WHERE tag = $1`, [probe]);
      calls.push({ ids: [...ids].sort(), committedRowVisible: !!row, inTransaction: !!manager.queryRunner?.isTransactionActive });
    });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    calls = [];
    probe = randomUUID().slice(0, 8);
  });
  const id = (n: number) => `${probe}-${n}`;

  it('runs the handlers after the commit, once, with every id of the transaction once', async () => {
    await t.db.transaction(async (m) => {
      await m.query(`INSERT INTO event_probe (tag) VALUES ($1)`, [probe]);
      await events.personChanged(m, [id(1), id(2), id(1)]);
      await events.personChanged(m, [id(2), id(3)]);
      expect(calls).toEqual([]);
    });
    // The transaction's promise settles after the handlers, so a route answers once its jobs are planned.
    expect(calls).toEqual([{ ids: [id(1), id(2), id(3)], committedRowVisible: true, inTransaction: false }]);
  });

  it('never runs them when the transaction rolls back', async () => {
    await expect(
      t.db.transaction(async (m) => {
        await events.personChanged(m, [id(1)]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(calls).toEqual([]);
  });

  it('drops what a savepoint that rolled back published, keeps what a released one did', async () => {
    await t.db.transaction(async (m) => {
      await m.query(`INSERT INTO event_probe (tag) VALUES ($1)`, [probe]);
      await events.personChanged(m, [id(1)]);
      await m.transaction((sp) => events.personChanged(sp, [id(2)]));
      await m
        .transaction(async (sp) => {
          await events.personChanged(sp, [id(3)]);
          throw new Error('row refused');
        })
        .catch(() => undefined);
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual([{ ids: [id(1), id(2)], committedRowVisible: true, inTransaction: false }]);
  });

  it('runs them at once outside a transaction', async () => {
    await t.db.query(`INSERT INTO event_probe (tag) VALUES ($1)`, [probe]);
    await events.personChanged(t.db.manager, [id(1), id(1)]);
    expect(calls).toEqual([{ ids: [id(1)], committedRowVisible: true, inTransaction: false }]);
  });

  it('keeps the commit and the other handlers when a handler throws', async () => {
    let failing = true;
    events.on('person.changed', async (ids) => {
      if (failing && ids.some((i) => i.startsWith(probe))) throw new Error('handler failed');
    });
    await t.db.transaction(async (m) => {
      await m.query(`INSERT INTO event_probe (tag) VALUES ($1)`, [probe]);
      await events.personChanged(m, [id(1)]);
    });
    failing = false;
    expect(calls).toEqual([{ ids: [id(1)], committedRowVisible: true, inTransaction: false }]);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM event_probe WHERE tag = $1`, [probe]);
    expect(n).toBe(1);
  });
});

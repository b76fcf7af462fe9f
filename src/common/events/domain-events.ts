import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent, TransactionStartEvent } from 'typeorm';
import { DataSource } from 'typeorm';

/**
 * The domain events and what each carries: the ids of what changed. An event says a fact changed in
 * the database; its handlers re-derive what depends on it outside the transaction (jobs in Redis).
 */
export interface DomainEventMap {
  /** A person's file, supervision, treatment or doses changed: their reminders are re-planned. */
  'person.changed': string;
}
export type DomainEvent = keyof DomainEventMap;

/**
 * Runs after the transaction that published the event has committed, with every id published in it,
 * each once. `manager` is the committed connection, outside any transaction: a handler's reads see
 * the commit and take no second connection from the pool. A handler should not throw; when it does,
 * the failure is logged and the other handlers still run (the write has committed either way).
 */
export type DomainEventHandler<E extends DomainEvent> = (ids: readonly DomainEventMap[E][], manager: EntityManager) => Promise<void>;

type Pending = Map<DomainEvent, Set<string>>;

/** Per query runner: one entry per open transaction level (the outermost first, then each savepoint). */
const LEVELS = 'domainEventLevels';
const levelsOf = (runner: QueryRunner): Pending[] => ((runner.data as Record<string, Pending[] | undefined>)[LEVELS] ??= []);

/**
 * "After this transaction commits, do X", said one way. A write path publishes on its transaction's
 * EntityManager; the handlers run once the outermost transaction has committed, once per transaction
 * with the ids de-duplicated, and never when it rolls back (an event published inside a savepoint that
 * rolls back is dropped with it). Published outside a transaction, the handlers run at once.
 *
 * The hook is a TypeORM subscriber on the data source, so every transaction is covered whether it was
 * opened by `DataSource.transaction`, `EntityManager.transaction` or a query runner.
 */
@Injectable()
export class DomainEvents implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('DomainEvents');
  private readonly handlers = new Map<DomainEvent, DomainEventHandler<DomainEvent>[]>();

  constructor(private readonly db: DataSource) {}

  onModuleInit(): void {
    if (!this.db.subscribers.includes(this)) this.db.subscribers.push(this);
  }

  /** Subscribes a handler (a module does so once, at start). */
  on<E extends DomainEvent>(event: E, handler: DomainEventHandler<E>): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler as DomainEventHandler<DomainEvent>]);
  }

  /** Publishes `event` for these ids in `manager`'s transaction (after its commit), or at once outside one. */
  async publish<E extends DomainEvent>(manager: EntityManager, event: E, ids: Iterable<DomainEventMap[E]>): Promise<void> {
    const runner = manager.queryRunner;
    const level = runner?.isTransactionActive ? levelsOf(runner).at(-1) : undefined;
    if (!level) {
      const now = new Set(ids);
      if (now.size) await this.run(new Map([[event, now]]), manager);
      return;
    }
    const set = level.get(event) ?? level.set(event, new Set()).get(event)!;
    for (const id of ids) set.add(id);
  }

  /** Shorthand for the event every write of a person's facts publishes. */
  personChanged(manager: EntityManager, personIds: Iterable<string>): Promise<void> {
    return this.publish(manager, 'person.changed', personIds);
  }

  // ---- the transaction hooks (TypeORM subscriber) ----

  afterTransactionStart(e: TransactionStartEvent): void {
    levelsOf(e.queryRunner).push(new Map());
  }

  async afterTransactionCommit(e: TransactionCommitEvent): Promise<void> {
    const levels = levelsOf(e.queryRunner);
    const done = levels.pop();
    if (!done?.size) return;
    const parent = levels.at(-1);
    if (parent) {
      // A savepoint released: what it published belongs to the enclosing transaction now.
      for (const [event, ids] of done) {
        const set = parent.get(event) ?? parent.set(event, new Set()).get(event)!;
        for (const id of ids) set.add(id);
      }
      return;
    }
    await this.run(done, e.queryRunner.manager);
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    levelsOf(e.queryRunner).pop();
  }

  private async run(pending: Pending, manager: EntityManager): Promise<void> {
    for (const [event, ids] of pending) {
      if (!ids.size) continue;
      for (const handler of this.handlers.get(event) ?? []) {
        try {
          await handler([...ids], manager);
        } catch (err) {
          this.logger.warn({ event, ids: ids.size, errorClass: (err as Error).name, error: (err as Error).message }, 'an after-commit handler failed');
        }
      }
    }
  }
}

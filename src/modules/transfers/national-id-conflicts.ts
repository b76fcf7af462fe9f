import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import type { TransferOrigin } from './transfers.repository.js';
import { TransferRequests } from './transfer-requests.js';

export const NATIONAL_ID_CONFLICT = 'national_id_conflict';

/** What the caller learns of an open file found outside their area, and what follows from it. */
export const OUT_OF_SCOPE_MESSAGE =
  'nationalId: an open file with this national id is held by another commune; a transfer request was sent to the officer above both communes';

/**
 * A national id written (a file created or changed, an imported row) that belongs to an open file
 * outside the caller's area. Thrown inside the write's transaction; the service that runs the
 * transaction records it (`NationalIdConflicts.record`) after the rollback, then answers 409.
 */
export class OutOfScopeNationalId extends AppError {
  constructor(
    readonly personId: string,
    readonly toUnitId: string,
  ) {
    super(ErrorCode.Conflict, OUT_OF_SCOPE_MESSAGE);
  }
}

export interface ConflictRecord {
  personId: string;
  /** The commune of the caller's area where the national id was written: the transfer's destination. */
  toUnitId: string | null;
  source: 'import' | 'person_create' | 'person_update' | 'transfer_request';
  origin?: TransferOrigin;
  reason?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * National ids are unique among open files, so writing one reveals whether another commune holds
 * a file with it. Each such finding is a conflict: audited naming the caller and the person
 * revealed, turned into a transfer request, and counted. Past NATIONAL_ID_CONFLICTS_PER_DAY
 * conflicts in a day (in TZ_NAME) the user's national ids are refused until the next day, and the
 * administrators get a reminder.
 */
@Injectable()
export class NationalIdConflicts {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly auditLog: AuditRepository,
    private readonly clock: Clock,
    private readonly transfers: TransferRequests,
    private readonly users: UsersRepository,
    private readonly reminders: RemindersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get cap(): number {
    return this.config.nationalIdConflictsPerDay;
  }

  /** Conflicts the user may still have today. */
  async remainingToday(actor: Actor, manager: EntityManager = this.db.manager): Promise<number> {
    const n = await this.auditLog.countOfActorSince(actor.id, NATIONAL_ID_CONFLICT, this.clock.startOf(this.clock.today()), manager);
    return Math.max(0, this.cap - n);
  }

  /** 429 naming nationalId once the user has reached today's cap. */
  async assertUnderCap(actor: Actor): Promise<void> {
    if ((await this.remainingToday(actor)) <= 0) throw capReached(this.cap);
  }

  /** Records one conflict in its own transaction (the write that found it may roll back); returns the transfer request raised. */
  async record(actor: Actor, c: ConflictRecord): Promise<{ transferRequestId: string | null }> {
    return this.db.transaction(async (m) => {
      await this.audit.record(
        actor,
        { action: NATIONAL_ID_CONFLICT, entity: 'person', entityId: c.personId, fields: ['nationalId'], meta: { source: c.source, ...c.meta } },
        m,
      );
      const transferRequestId = c.toUnitId
        ? await this.transfers.raise(m, actor, { personId: c.personId, toUnitId: c.toUnitId, origin: c.origin ?? 'national_id_conflict', reason: c.reason ?? null })
        : null;
      if ((await this.remainingToday(actor, m)) <= 0) await this.remindAdmins(m, actor, c.personId);
      return { transferRequestId };
    });
  }

  /** One reminder per user and day, seen by administrators only; it names the user, never the people. */
  private async remindAdmins(m: EntityManager, actor: Actor, personId: string): Promise<void> {
    const user = await this.users.findById(actor.id, m);
    if (!user) return;
    await this.reminders.raiseConflictCap(m, {
      personId,
      userId: user.id,
      username: user.username,
      day: this.clock.today(),
      cap: this.cap,
      auditAction: NATIONAL_ID_CONFLICT,
    });
  }
}

export const capReached = (cap: number) =>
  new AppError(
    ErrorCode.TooManyRequests,
    `nationalId: the daily limit of ${cap} national ids found open in other areas is reached; national ids are refused until tomorrow`,
  );

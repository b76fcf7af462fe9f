import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import type { CallerState } from '../../common/auth/caller-state.js';
import { Clock } from '../../common/time/clock.js';
import { addMonths } from '../../common/time/dates.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { unitPathSql } from '../admin-units/admin-units.repository.js';
import { loginRevokedSql } from '../auth/auth.repository.js';
import type { Role } from './user.entity.js';

/**
 * The channel on which the database announces a change to who a caller is or may be: migration
 * 1766300000000-CallerStateNotify makes triggers on `users` (any update or delete), `refresh_tokens`
 * (a revocation) and `admin_units` (a path change) send the user's id, or `*` for everybody, when
 * their transaction commits. Every write path is covered, whichever module runs it.
 */
export const CALLER_CHANNEL = 'caller_state';

/** How long the listener waits before connecting again after losing its connection. */
export const LISTENER_RETRY_MS = 1_000;

/** Above this many cached callers the cache starts over (a bound, not an expected size). */
const MAX_CACHED_USERS = 20_000;

interface CallerRow {
  id: string;
  role: Role;
  admin_unit_id: string | null;
  facility_id: string | null;
  path: string | null;
}

/** The user and its unit's path (the admin-units module's subquery), in one statement. */
const CALLER_SQL = `SELECT u.id, u.role, u.admin_unit_id, u.facility_id, ${unitPathSql('u.admin_unit_id')} AS path
  FROM users u WHERE u.id = $1`;

/** The caller if still active and the login (refresh-token family) not revoked (the auth module's predicate). */
const ACTIVE_CALLER_SQL = `${CALLER_SQL} AND u.active AND NOT ${loginRevokedSql('$2')}`;

/**
 * The one place an `Actor` is built from a user row, for the JWT strategy (every request) and for
 * tests that call services directly. The state of active callers is cached per process while a
 * dedicated connection LISTENs on CALLER_CHANNEL: a deactivation, role or unit change, password
 * reset, logout or refresh-family revocation drops the user's entries in every process as soon as
 * its transaction commits (the writing process also drops them itself, without waiting for the
 * notification). While the listener is down nothing is served from the cache: every request checks
 * the database, as it would without a cache, until the listener is back and the cache is cleared.
 */
@Injectable()
export class Callers implements CallerState, OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Callers');
  /** userId → sessionId → row. Only callers found active are kept. */
  private readonly cache = new Map<string, Map<string, CallerRow>>();
  /** Bumped on every invalidation: a row read before one is not cached after it. */
  private epoch = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private starting = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A process that serves requests listens from the start (others would only if asked for a caller). */
  onApplicationBootstrap(): void {
    if (this.config.runApi) this.startListening();
  }

  /** The caller of a request (`sessionId` from its token), or null if inactive, revoked or unknown. */
  async active(userId: string, sessionId: string, req: { ip?: string | null; requestId?: string | null }): Promise<Actor | null> {
    if (!this.listening) this.startListening();
    let row = this.listening ? this.cache.get(userId)?.get(sessionId) : undefined;
    if (!row) {
      const epoch = this.epoch;
      const rows: CallerRow[] = await this.db.query(ACTIVE_CALLER_SQL, [userId, sessionId]);
      row = rows[0];
      if (!row) return null;
      // Kept only if nothing was invalidated meanwhile and the listener was up all along.
      if (this.listening && epoch === this.epoch) this.remember(userId, sessionId, row);
    }
    return this.actorOf(row, sessionId, req.ip ?? null, req.requestId ?? null);
  }

  /**
   * A user as the JWT strategy would build it, for calling services outside a request (a job acting
   * for its uploader, tests): whatever their state, or only if active (`activeOnly`). Not cached.
   */
  async load(
    userId: string,
    on: { sessionId?: string; ip?: string | null; requestId?: string | null; activeOnly?: boolean } = {},
  ): Promise<Actor | null> {
    const rows: CallerRow[] = await this.db.query(on.activeOnly ? `${CALLER_SQL} AND u.active` : CALLER_SQL, [userId]);
    return rows[0] ? this.actorOf(rows[0], on.sessionId ?? '', on.ip ?? null, on.requestId ?? null) : null;
  }

  /** Drops the user's cached state in this process (the other processes learn it by notification). */
  forget(userId: string): void {
    this.epoch++;
    this.cache.delete(userId);
  }

  /** Whether this process is listening for changes, so that callers may be served from the cache. */
  get isListening(): boolean {
    return this.listening;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = null;
    this.listening = false;
    this.clear();
    if (!listener) return;
    listener.removeAllListeners();
    listener.on('error', () => undefined);
    await listener.end().catch(() => undefined);
  }

  private actorOf(row: CallerRow, sessionId: string, ip: string | null, requestId: string | null): Actor {
    return {
      id: row.id,
      role: row.role,
      adminUnitId: row.admin_unit_id,
      // A user without a unit is an administrator, whose scope is not path-based.
      unitPath: row.path ?? '',
      facilityId: row.facility_id,
      // Clinic and facility staff keep sight of a person for STAFF_SCOPE_MONTHS after an enrollment ends.
      scopeEndedSince: row.facility_id ? addMonths(this.clock.today(), -this.config.staffScopeMonths) : undefined,
      sessionId,
      ip,
      requestId,
    };
  }

  private remember(userId: string, sessionId: string, row: CallerRow): void {
    let sessions = this.cache.get(userId);
    if (!sessions) {
      if (this.cache.size >= MAX_CACHED_USERS) this.cache.clear();
      sessions = new Map();
      this.cache.set(userId, sessions);
    }
    sessions.set(sessionId, row);
  }

  private clear(): void {
    this.epoch++;
    this.cache.clear();
  }

  private onNotification(payload: string | undefined): void {
    if (!payload || payload === '*') this.clear();
    else this.forget(payload);
  }

  /** Opens the listening connection, once; on failure, tries again after LISTENER_RETRY_MS. */
  private startListening(): void {
    if (this.starting || this.listening || this.closed || this.retry) return;
    this.starting = true;
    const { url } = this.db.options as { url?: string };
    const client = new pg.Client({ connectionString: url, application_name: `caller-state:${process.pid}` });
    client.on('notification', (msg) => this.onNotification(msg.payload));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    this.listener = client;
    client
      .connect()
      .then(() => client.query(`LISTEN ${CALLER_CHANNEL}`))
      .then(() => {
        this.starting = false;
        if (this.listener !== client || this.closed) return;
        // Whatever changed while nobody listened is unknown: start from an empty cache.
        this.clear();
        this.listening = true;
      })
      .catch(() => {
        this.starting = false;
        this.lost(client);
      });
  }

  /** The listener is gone: stop serving from the cache at once, and connect again later. */
  private lost(client: pg.Client | null): void {
    if (!client || this.listener !== client) return;
    this.listening = false;
    this.listener = null;
    this.clear();
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.closed || this.retry) return;
    this.log.warn('the caller-state listener lost its connection; checking every caller in the database until it is back');
    this.retry = setTimeout(() => {
      this.retry = null;
      this.startListening();
    }, LISTENER_RETRY_MS);
    this.retry.unref();
  }
}

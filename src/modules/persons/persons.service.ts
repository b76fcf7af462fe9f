import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { Access, isUuid, personInScope, unitPathInScope } from '../../common/access/scope.js';
import { RateLimiter } from '../../common/access/rate-limiter.js';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { AppError, ErrorCode, conflict, forbidden, invalid, notFound } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../common/errors/pg-errors.js';
import { offsetOf, page, type PageQuery } from '../../common/http/paging.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { NationalIdConflicts, OUT_OF_SCOPE_MESSAGE, OutOfScopeNationalId } from '../transfers/national-id-conflicts.js';
import { FACILITY_ROLES, type Role } from '../users/user.entity.js';
import type { CandidatesQueryDto } from './dto/person-candidates.dto.js';
import type { ClosePersonDto, CreatePersonDto, PersonQuery, UpdatePersonDto } from './dto/person.dto.js';
import { PersonCandidates, type PersonCandidate } from './person-candidates.js';
import type { PersonEventKind } from './person-event-kinds.js';
import { closeDateProblems, personDateProblems } from './person-rules.js';
import { escapeLike, foldForSearch, searchTextMatches, searchTextOf } from './person-search.js';
import { TIMELINE_SQL } from './person-timeline.sql.js';
import { CONTACT_ROLES, WRITER_ROLES, toPersonListView, toPersonLookupView, toPersonView, type PersonContacts } from './person-views.js';
import { PersonInserts } from './person-inserts.js';
import { Person } from './person.entity.js';

const NATIONAL_ID_TAKEN = 'nationalId: an open file with this national id already exists';

/** Fields whose change is recorded as its own kind of event rather than as a plain update. */
const EVENTFUL_FIELDS = ['status', 'managementDecisionOn', 'residenceUnitId'];
const PLAIN_FIELDS = [
  'fullName',
  'dateOfBirth',
  'sex',
  'status',
  'registeredOn',
  'managementDecisionOn',
  'managementDecisionNo',
  'inDetention',
  'residenceUnitId',
] as const;
const CONTACT_FIELDS = ['nationalId', 'phone', 'address'] as const;
const CONTACT_CIPHERS = ['nationalIdCipher', 'phoneCipher', 'addressCipher'];

function throwIfProblems(problems: string[]): void {
  if (problems.length) throw new AppError(ErrorCode.Validation, problems);
}

const stale = () => new AppError(ErrorCode.StaleVersion, 'version: the file was changed since it was read; read it again');

/** The unique index on open national ids is the last word when two requests race. */
function mapNationalIdRace(err: unknown): unknown {
  if (isUniqueViolation(err, 'uq_persons_national_id_open')) return conflict(NATIONAL_ID_TAKEN);
  return err;
}

/** Roles that search before registering: those who register, and the province that reviews duplicates. */
export const CANDIDATE_ROLES: readonly Role[] = ['admin', 'province_officer', 'commune_worker'];

/** A new file whose person likely has one already in the caller's scope. */
export function possibleDuplicate(candidates: PersonCandidate[]): AppError {
  return new AppError(
    ErrorCode.PossibleDuplicate,
    `this person likely has a file already (${candidates.map((c) => c.caseCode).join(', ')}); open it, or send confirmDistinct: true if this is another person`,
    undefined,
    { candidates },
  );
}

const emptyToNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v === '' ? null : v);

/**
 * The management file (SPEC 3): create with a race-free case code, read within scope, update
 * against the version read, move between communes, close. `create` and `update` take an optional
 * manager so a caller (the bulk import) can run many of them in its own transaction.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly inserts: PersonInserts,
    private readonly events: DomainEvents,
    private readonly conflicts: NationalIdConflicts,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly candidates: PersonCandidates,
  ) {
    const select = (names: (c: ColumnMetadata) => boolean) =>
      db
        .getMetadata(Person)
        .columns.filter(names)
        .map((c) => `p.${c.databaseName} AS "${c.propertyName}"`)
        .join(', ');
    this.columns = {
      plain: select((c) => c.isSelect),
      withContacts: select((c) => c.isSelect || CONTACT_CIPHERS.includes(c.propertyName)),
    };
  }

  /** The file's columns as the entity names them, for hand-written reads. */
  private readonly columns: { plain: string; withContacts: string };

  async create(actor: Actor, dto: CreatePersonDto, manager?: EntityManager) {
    if (!WRITER_ROLES.includes(actor.role)) throw forbidden();
    const run = async (m: EntityManager) => {
      const unit = await this.communeOf(m, dto.residenceUnitId);
      if (!unitPathInScope(actor, unit.path)) {
        throw invalid('residenceUnitId', "is outside the caller's area");
      }
      const managementDecisionOn = dto.managementDecisionOn ?? null;
      throwIfProblems(
        personDateProblems({ dateOfBirth: dto.dateOfBirth, registeredOn: dto.registeredOn, managementDecisionOn }, this.clock.today()),
      );
      // Before any check: a request for the same person waits here, then sees this one's file.
      await this.candidates.lockBirthDays(m, [dto.dateOfBirth]);
      const nationalId = emptyToNull(dto.nationalId);
      const nationalIdHash = nationalId ? this.cipher.lookupHash(nationalId) : null;
      if (nationalIdHash) {
        await this.conflicts.assertUnderCap(actor);
        await this.assertNationalIdFree(m, actor, nationalIdHash, unit.id);
      }
      const [likely] = await this.candidates.find(actor, [{ ...dto, nationalId }], { likelyOnly: true, manager: m });
      if (likely.length && !dto.confirmDistinct) throw possibleDuplicate(likely);

      const contacts: PersonContacts = { nationalId, phone: emptyToNull(dto.phone), address: emptyToNull(dto.address) };
      const [{ id }] = await this.inserts.insertMany(m, actor, [
        {
          fullName: dto.fullName,
          dateOfBirth: dto.dateOfBirth,
          sex: dto.sex,
          ...contacts,
          residenceUnitId: unit.id,
          status: dto.status,
          substances: dto.substances ?? [],
          registeredOn: dto.registeredOn,
          managementDecisionOn,
          inDetention: dto.inDetention ?? false,
        },
      ]);
      // Not a column of the bulk insert (imports do not carry it); set in the same transaction.
      if (dto.managementDecisionNo) await m.query(`UPDATE persons SET management_decision_no = $2 WHERE id = $1`, [id, dto.managementDecisionNo]);
      // A file created beside its likely matches says so in the audit log, with the files it was told apart from.
      const distinctFrom = dto.confirmDistinct && likely.length ? { meta: { confirmDistinct: true, distinctFrom: likely.map((c) => c.id) } } : {};
      await this.audit.record(
        actor,
        { action: 'create', entity: 'person', entityId: id, fields: writtenFields(dto, ['confirmDistinct']), ...distinctFrom },
        m,
      );
      const person = await m.findOneByOrFail(Person, { id });
      return toPersonView(person, contacts);
    };
    return this.write(manager, run, { actor, source: 'person_create' });
  }

  async update(actor: Actor, id: string, dto: UpdatePersonDto, manager?: EntityManager) {
    if (!WRITER_ROLES.includes(actor.role)) throw forbidden();
    const run = async (m: EntityManager) => {
      // Locks the row: a concurrent update of the same version waits, then finds it stale.
      await this.access.person(actor, id, m, { forUpdate: true });
      const current = await this.loadWithContacts(m, id);
      if (current.version !== dto.version) throw stale();
      if (current.closedOn) throw conflict('the file is closed; a closed file is not changed');
      const today = this.clock.today();
      const before = this.contactsOf(current);

      const changed: string[] = [];
      const set: Partial<Person> = {};
      for (const field of PLAIN_FIELDS) {
        const value = dto[field];
        if (value !== undefined && value !== current[field]) {
          changed.push(field);
          (set as Record<string, unknown>)[field] = value;
        }
      }
      if (dto.substances !== undefined && JSON.stringify(dto.substances) !== JSON.stringify(current.substances)) {
        changed.push('substances');
        set.substances = dto.substances;
      }
      const after: PersonContacts = { ...before };
      for (const field of CONTACT_FIELDS) {
        if (dto[field] === undefined) continue;
        const value = emptyToNull(dto[field]);
        if (value === before[field]) continue;
        changed.push(field);
        after[field] = value;
      }
      if (!changed.length) return toPersonView(current, before);

      const merged = { ...current, ...set };
      throwIfProblems(personDateProblems(merged, today));
      if (set.residenceUnitId) await this.communeOf(m, set.residenceUnitId);
      if (changed.includes('nationalId')) {
        const hash = after.nationalId ? this.cipher.lookupHash(after.nationalId) : null;
        if (hash) {
          await this.conflicts.assertUnderCap(actor);
          await this.assertNationalIdFree(m, actor, hash, merged.residenceUnitId, id);
        }
        set.nationalIdCipher = this.cipher.encryptOptional(after.nationalId);
        set.nationalIdHash = hash;
      }
      if (changed.includes('phone')) set.phoneCipher = this.cipher.encryptOptional(after.phone);
      if (changed.includes('address')) set.addressCipher = this.cipher.encryptOptional(after.address);
      if (set.fullName) set.searchText = searchTextOf(set.fullName, current.caseCode);

      // The file's history (person_history, kept by a trigger) dates this change as its events are dated.
      await m.query(`SELECT set_config('cm.effective_date', $1, true)`, [today]);
      // The version in the WHERE clause keeps the rule even without the row lock.
      const result = await m
        .createQueryBuilder()
        .update(Person)
        .set(set)
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (result.affected !== 1) throw stale();

      if (set.status) await this.event(m, actor, id, 'status_changed', today, { from: current.status, to: set.status });
      if (set.managementDecisionOn) await this.event(m, actor, id, 'management_decision', set.managementDecisionOn, {});
      if (set.residenceUnitId) {
        const move = { fromUnitId: current.residenceUnitId, toUnitId: set.residenceUnitId };
        await this.event(m, actor, id, 'moved', today, move);
        await this.audit.record(actor, { action: 'move', entity: 'person', entityId: id, fields: ['residenceUnitId'], meta: move }, m);
      }
      const plain = changed.filter((f) => !EVENTFUL_FIELDS.includes(f));
      if (plain.length) await this.event(m, actor, id, 'updated', today, { fields: plain });
      const updated = changed.filter((f) => f !== 'residenceUnitId');
      if (updated.length) await this.audit.record(actor, { action: 'update', entity: 'person', entityId: id, fields: updated }, m);

      return toPersonView(await m.findOneByOrFail(Person, { id }), after);
    };
    return this.write(manager, run, { actor, source: 'person_update' });
  }

  async close(actor: Actor, id: string, dto: ClosePersonDto) {
    if (!WRITER_ROLES.includes(actor.role)) throw forbidden();
    return this.db.transaction(async (m) => {
      await this.access.person(actor, id, m, { forUpdate: true });
      const current = await this.loadWithContacts(m, id);
      if (dto.version !== undefined && dto.version !== current.version) throw stale();
      if (current.closedOn) throw conflict('the file is already closed');
      throwIfProblems(closeDateProblems(current.registeredOn, dto.closedOn, this.clock.today()));
      await m
        .createQueryBuilder()
        .update(Person)
        .set({ closedOn: dto.closedOn, closeReason: dto.closeReason })
        .where('id = :id', { id })
        .execute();
      await this.event(m, actor, id, 'closed', dto.closedOn, { reason: dto.closeReason });
      await this.audit.record(actor, { action: 'close', entity: 'person', entityId: id, fields: ['closedOn', 'closeReason'] }, m);
      return toPersonView(await m.findOneByOrFail(Person, { id }), this.contactsOf(current));
    });
  }

  /**
   * Files in the caller's scope that may be the person about to be registered, best first, without
   * contact details. Audited as a lookup naming the files whose names were shown.
   */
  async findCandidates(actor: Actor, dto: CandidatesQueryDto) {
    if (!CANDIDATE_ROLES.includes(actor.role)) throw forbidden();
    const [items] = await this.candidates.find(actor, [dto]);
    const fields = (['fullName', 'dateOfBirth', 'birthYear', 'sex', 'nationalId'] as const).filter((f) => dto[f] !== undefined);
    await this.audit.record(actor, { action: 'lookup', entity: 'person', fields, meta: { view: 'candidates', results: items.length, shown: items.map((c) => c.id) } });
    return { items, total: items.length };
  }

  /** One file. Admins and commune workers see its national id, phone and address; nobody else does. */
  async get(actor: Actor, id: string) {
    if (!isUuid(id)) throw notFound('person');
    const withContacts = CONTACT_ROLES.includes(actor.role);
    // Scope, load and the audit row in one statement: a file outside scope is simply not found,
    // and is not recorded as read.
    const scope = personInScope(actor, 'p');
    const [person] = await this.audit.recordedRead<Person>(
      actor,
      { entity: 'person', entityId: id },
      `SELECT ${withContacts ? this.columns.withContacts : this.columns.plain} FROM persons p WHERE p.id = :id AND ${scope.sql}`,
      { id, ...scope.params },
    );
    if (!person) throw notFound('person');
    return toPersonView(person, withContacts ? this.contactsOf(person) : undefined);
  }

  /**
   * Files in the caller's scope, newest first. Clinic and facility staff may also find any open
   * file by exact national id or case code, to enroll a new patient; they learn only the minimum.
   */
  async list(actor: Actor, query: PersonQuery) {
    // Case codes run in sequence per commune and year, and a date of birth has a few thousand likely
    // values: a lookup beyond the facility's own patients takes the exact national id, or the case
    // code with the date of birth and the full name (compared without diacritics or case). Each
    // lookup counts against LOOKUPS_PER_HOUR and is audited naming the person found.
    const facilityLookup =
      FACILITY_ROLES.includes(actor.role) && Boolean(query.nationalId || (query.caseCode && query.dateOfBirth && query.fullName));
    if (facilityLookup) {
      await this.limiter.hit(`lookup:${actor.id}`, this.config.lookupsPerHour, 3600, 'too many lookups; try again later');
    }
    return this.listIn(this.db.manager, actor, query, facilityLookup);
  }

  /**
   * The page and the count side by side, then the audit row, committed (grouped with concurrent
   * requests' rows) before the answer: no answer leaves without the row naming whom it shows.
   */
  private async listIn(m: EntityManager, actor: Actor, query: PersonQuery, facilityLookup: boolean) {
    // Written by hand, not with a query builder: the filters are a list of predicates with named
    // parameters, turned into the page's and the count's statements once per request.
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const and = (sql: string, values?: Record<string, unknown>) => {
      where.push(`(${sql})`);
      if (values) Object.assign(params, values);
    };
    if (facilityLookup) and('p.closed_on IS NULL');
    else {
      const scope = personInScope(actor, 'p');
      and(scope.sql, scope.params);
    }

    if (query.unitId) {
      const rows: { path: string }[] = await m.query(`SELECT path FROM admin_units WHERE id = $1`, [query.unitId]);
      if (!rows[0]) throw invalid('unitId', 'no such unit');
      // The prefix is bound as a value so the path index (text_pattern_ops) serves the match.
      and(`EXISTS (SELECT 1 FROM admin_units fu WHERE fu.id = p.residence_unit_id AND fu.path LIKE :unitPrefix)`, {
        unitPrefix: `${rows[0].path}%`,
      });
    }
    if (query.status) and('p.status = :status', { status: query.status });
    if (query.open !== undefined) and(query.open ? 'p.closed_on IS NULL' : 'p.closed_on IS NOT NULL');
    if (query.nationalId) and('p.national_id_hash = :nationalIdHash', { nationalIdHash: this.cipher.lookupHash(query.nationalId) });
    if (query.caseCode) and('p.case_code = :caseCode', { caseCode: query.caseCode });
    if (query.dateOfBirth) and('p.date_of_birth = :dateOfBirth', { dateOfBirth: query.dateOfBirth });
    if (query.fullName && query.caseCode) {
      // The stored search text is the folded name and the case code: an exact match of both.
      and('p.search_text = :searchText', { searchText: searchTextOf(query.fullName, query.caseCode) });
    } else if (query.fullName) {
      and(`p.search_text LIKE :fullNamePrefix`, { fullNamePrefix: `${escapeLike(foldForSearch(query.fullName))} %` });
    }
    const q = searchTextMatches('p', query.q);
    if (q) and(q.sql, q.params);

    // The page's ids first, then their rows: the filters and the order need only columns of
    // ix_persons_residence_status_search, so a scoped search is an index-only scan driven by the
    // caller's units, and only the page's rows are read from the table. `page` and `pageSize` are
    // validated integers.
    const filter = `FROM persons p WHERE ${where.join(' AND ')}`;
    const [pageSql, pageParams] = this.db.driver.escapeQueryWithParameters(
      `WITH page AS MATERIALIZED (
         SELECT p.id, p.created_at ${filter} ORDER BY p.created_at DESC, p.id DESC LIMIT ${Math.trunc(query.pageSize)} OFFSET ${Math.trunc(offsetOf(query))})
       SELECT ${this.columns.plain} FROM page JOIN persons p ON p.id = page.id ORDER BY page.created_at DESC, page.id DESC`,
      params,
    );
    const [countSql, countParams] = this.db.driver.escapeQueryWithParameters(`SELECT count(*)::int AS n ${filter}`, params);
    const [items, [{ n: total }]]: [Person[], { n: number }[]] = await Promise.all([m.query(pageSql, pageParams), m.query(countSql, countParams)]);

    const personIds = items.map((p) => p.id);
    if (query.nationalId || facilityLookup) {
      const fields = (['nationalId', 'caseCode', 'dateOfBirth', 'fullName'] as const).filter((f) => query[f] !== undefined);
      const entityId = personIds.length === 1 ? personIds[0] : null;
      await this.audit.recordCommitted(actor, { action: 'lookup', entity: 'person', entityId, fields, meta: { results: total, personIds } });
    } else if (personIds.length) {
      await this.audit.recordCommitted(actor, { action: 'read', entity: 'person', meta: { view: 'list', personIds } });
    }
    return page(items.map(facilityLookup ? toPersonLookupView : toPersonListView), total, query);
  }

  /** Registrations, status changes, moves, enrollments, services, supervisions and visits, in date order. */
  async timeline(actor: Actor, id: string, query: PageQuery) {
    if (!isUuid(id)) throw notFound('person');
    const scope = personInScope(actor, 'p');
    const found = await this.audit.recordedRead(
      actor,
      { entity: 'person', entityId: id, meta: { view: 'timeline' } },
      `SELECT p.id FROM persons p WHERE p.id = :id AND ${scope.sql}`,
      { id, ...scope.params },
    );
    if (!found.length) throw notFound('person');
    const facility = FACILITY_ROLES.includes(actor.role) ? actor.facilityId : null;
    const rows: { id: string; kind: string; date: string; data: Record<string, unknown> }[] = await this.db.query(TIMELINE_SQL, [id, facility]);
    // A list like any other (page, pageSize); one person's history is short, so it is paged here.
    const start = offsetOf(query);
    const items = rows.slice(start, start + query.pageSize).map((r) => ({ ...r.data, date: r.date, kind: r.kind, id: r.id }));
    return page(items, rows.length, query);
  }

  /**
   * Runs a file write in the caller's transaction, or in one of its own; either way it publishes
   * `person.changed`, so the person's reminders are re-planned once the outermost transaction commits.
   */
  private async write<T extends { id: string }>(
    manager: EntityManager | undefined,
    run: (m: EntityManager) => Promise<T>,
    who?: { actor: Actor; source: 'person_create' | 'person_update' },
  ): Promise<T> {
    let view: T;
    try {
      // The file's reminders (the end of a one-year management) are re-planned after the commit.
      const written = async (m: EntityManager) => {
        const v = await run(m);
        await this.events.personChanged(m, [v.id]);
        return v;
      };
      view = manager ? await written(manager) : await this.db.transaction(written);
    } catch (err) {
      // A national id open elsewhere: the write rolled back, the finding is recorded on its own.
      // A caller with its own transaction (the import) records it itself.
      if (err instanceof OutOfScopeNationalId && !manager && who) {
        await this.conflicts.record(who.actor, { personId: err.personId, toUnitId: err.toUnitId, source: who.source });
        throw conflict(OUT_OF_SCOPE_MESSAGE);
      }
      throw mapNationalIdRace(err);
    }
    return view;
  }

  /** The residence of a file must be an existing commune (any commune, for a move). */
  private async communeOf(m: EntityManager, unitId: string): Promise<{ id: string; code: string; path: string }> {
    const rows: { id: string; code: string; path: string; level: string }[] = await m.query(
      `SELECT id, code, path, level FROM admin_units WHERE id = $1`,
      [unitId],
    );
    if (!rows[0]) throw invalid('residenceUnitId', 'no such unit');
    if (rows[0].level !== 'commune') throw invalid('residenceUnitId', `must be a commune, not a ${rows[0].level}`);
    return rows[0];
  }

  /**
   * National ids are unique among open files. One open in the caller's area is a plain 409; one
   * open elsewhere is a conflict to record (`OutOfScopeNationalId`), `residenceUnitId` being the
   * commune the file being written lies in.
   */
  private async assertNationalIdFree(m: EntityManager, actor: Actor, hash: Buffer, residenceUnitId: string, exceptId?: string): Promise<void> {
    const scope = personInScope(actor, 'p');
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `SELECT p.id, (${scope.sql}) AS "inScope" FROM persons p
        WHERE p.national_id_hash = :hash AND p.closed_on IS NULL AND (CAST(:exceptId AS uuid) IS NULL OR p.id <> CAST(:exceptId AS uuid)) LIMIT 1`,
      { hash, exceptId: exceptId ?? null, ...scope.params },
    );
    const rows: { id: string; inScope: boolean }[] = await m.query(sql, params);
    if (!rows[0]) return;
    if (rows[0].inScope) throw conflict(NATIONAL_ID_TAKEN);
    throw new OutOfScopeNationalId(rows[0].id, residenceUnitId);
  }

  private loadWithContacts(m: EntityManager, id: string): Promise<Person> {
    return m
      .createQueryBuilder(Person, 'p')
      .addSelect(['p.nationalIdCipher', 'p.phoneCipher', 'p.addressCipher'])
      .where('p.id = :id', { id })
      .getOneOrFail();
  }

  private contactsOf(p: Person): PersonContacts {
    return {
      nationalId: this.cipher.decryptOptional(p.nationalIdCipher),
      phone: this.cipher.decryptOptional(p.phoneCipher),
      address: this.cipher.decryptOptional(p.addressCipher),
    };
  }

  private async event(m: EntityManager, actor: Actor, personId: string, kind: PersonEventKind, eventDate: string, data: Record<string, unknown>) {
    // clock_timestamp(), not now(): events written in one transaction keep the order they happened in.
    await m.query(
      `INSERT INTO person_events (person_id, kind, event_date, data, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, clock_timestamp())`,
      [personId, kind, eventDate, JSON.stringify(data), actor.id],
    );
  }
}

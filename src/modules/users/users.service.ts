import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SYSTEM, type Actor } from '../../common/auth/actor.js';
import { ConfigError, APP_CONFIG, type AppConfig } from '../../config/config.js';
import { conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { page } from '../../common/http/paging.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { AuthRepository } from '../auth/auth.repository.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { FacilitiesRepository } from '../facilities/facilities.repository.js';
import type { FacilityType } from '../../common/access/roles.js';
import type { CreateUserDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import { Callers } from './callers.js';
import { Passwords } from './passwords.js';
import type { Role, User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

/** The kinds of facility each facility role works at. */
const FACILITY_OF_ROLE: Partial<Record<Role, FacilityType[]>> = {
  clinic_staff: ['methadone_clinic'],
  facility_staff: ['rehab_facility', 'detention_facility'],
};

export const toUserView = (u: User) => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  adminUnitId: u.adminUnitId,
  facilityId: u.facilityId,
  active: u.active,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});
export type UserView = ReturnType<typeof toUserView>;

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly logins: AuthRepository,
    private readonly units: AdminUnitsRepository,
    private readonly facilities: FacilitiesRepository,
    private readonly passwords: Passwords,
    private readonly audit: AuditService,
    private readonly callers: Callers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD when there is no user. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runApi) return;
    await this.db.transaction(async (m) => {
      // One instance creates the admin even when several start at once.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('bootstrap-admin'))`);
      if ((await this.users.count(m)) > 0) return;
      const password = this.config.adminPassword;
      if (!password) throw new ConfigError('ADMIN_PASSWORD', 'is required to create the first administrator');
      if (password.length < 10) throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters');
      const user = await this.users.insert(m, {
        username: this.config.adminUsername,
        passwordHash: await this.passwords.hash(password),
        role: 'admin',
        adminUnitId: null,
        facilityId: null,
        active: true,
      });
      await this.audit.record(SYSTEM, { action: 'create', entity: 'user', entityId: user.id, meta: { bootstrap: true } }, m);
      this.logger.log('created the first administrator');
    });
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    return this.db.transaction(async (m) => {
      await this.checkPlacement(m, dto.role, dto.adminUnitId ?? null, dto.facilityId ?? null);
      if (await this.users.usernameTaken(m, dto.username)) {
        throw conflict('username is taken');
      }
      const user = await this.users.insert(m, {
        username: dto.username,
        passwordHash: await this.passwords.hash(dto.password),
        fullName: dto.fullName?.normalize('NFC').trim() ?? null,
        role: dto.role,
        adminUnitId: dto.adminUnitId ?? null,
        facilityId: dto.facilityId ?? null,
        active: true,
      });
      await this.audit.record(
        actor,
        { action: 'create', entity: 'user', entityId: user.id, fields: writtenFields(dto, ['password']) },
        m,
      );
      return toUserView(user);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const view = await this.db.transaction(async (m) => {
      const user = await this.users.lock(m, id);
      if (!user) throw notFound('user');
      // Nothing to change: the user as it is, with no write and no audit row.
      if (!writtenFields(dto).length) return toUserView(user);
      if (user.id === actor.id && dto.active === false) throw invalid('active', 'an administrator cannot lock themself out');
      if (user.id === actor.id && dto.role !== undefined && dto.role !== 'admin') {
        throw invalid('role', 'an administrator cannot demote themself');
      }
      const role = dto.role ?? user.role;
      const adminUnitId = dto.adminUnitId ?? user.adminUnitId;
      const facilityId = dto.facilityId === undefined ? (FACILITY_OF_ROLE[role] ? user.facilityId : null) : dto.facilityId;
      await this.checkPlacement(m, role, adminUnitId, facilityId);
      const changes: Partial<User> = { role, adminUnitId, facilityId };
      if (dto.fullName !== undefined) changes.fullName = dto.fullName.normalize('NFC').trim();
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.password !== undefined) changes.passwordHash = await this.passwords.hash(dto.password);
      await this.users.update(m, id, changes);
      if (dto.active === false || dto.password !== undefined) {
        // Locking out or resetting a password ends every login of the user.
        await this.logins.revokeAllOfUser(m, id);
      }
      await this.audit.record(actor, { action: 'update', entity: 'user', entityId: id, fields: writtenFields(dto) }, m);
      return toUserView((await this.users.findById(id, m))!);
    });
    // Role, unit, facility or state changed: other processes learn it by notification; this one at once.
    this.callers.forget(id);
    return view;
  }

  async list(query: UserQuery) {
    const [items, total] = await this.users.list(query);
    return page(items.map(toUserView), total, query);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('user');
    return toUserView(user);
  }

  /** A user's unit must exist; facility roles need a facility of the matching kind, others none. */
  private async checkPlacement(m: EntityManager, role: Role, adminUnitId: string | null, facilityId: string | null) {
    if (role !== 'admin' && !adminUnitId) throw invalid('adminUnitId', `is required for ${role}`);
    if (adminUnitId && !(await this.units.exists(adminUnitId, m))) throw invalid('adminUnitId', 'no such unit');
    const facilityTypes = FACILITY_OF_ROLE[role];
    if (!facilityTypes) {
      if (facilityId) throw invalid('facilityId', `only clinic_staff and facility_staff have a facility`);
      return;
    }
    if (!facilityId) throw invalid('facilityId', `is required for ${role}`);
    const facility = await this.facilities.findById(facilityId, m);
    if (!facility) throw invalid('facilityId', 'no such facility');
    if (!facilityTypes.includes(facility.type)) throw invalid('facilityId', `${role} must work at a ${facilityTypes.join(' or a ')}`);
  }
}

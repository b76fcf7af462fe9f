import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { offsetOf } from '../../common/http/paging.js';
import type { UserQuery } from './dto/user.dto.js';
import { User } from './user.entity.js';

/** An active commune worker, as the choice of a person's responsible worker reads it. */
export interface CommuneWorkerRow {
  id: string;
  username: string;
  adminUnitId: string;
}

/** Every statement on `users`. Methods take the transaction's manager when they run inside one. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  private em(m?: EntityManager): EntityManager {
    return m ?? this.db.manager;
  }

  /** The user with the stored password hash (left out of every other read), matched by id. */
  withPasswordHash(id: string): Promise<User | null> {
    return this.db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  /** The user with the stored password hash, matched by its lower-case name. */
  withPasswordHashByUsername(normalizedUsername: string): Promise<User | null> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = :username', { username: normalizedUsername })
      .getOne();
  }

  findById(id: string, m?: EntityManager): Promise<User | null> {
    return this.em(m).findOneBy(User, { id });
  }

  findActive(id: string, m?: EntityManager): Promise<User | null> {
    return this.em(m).findOneBy(User, { id, active: true });
  }

  /** The user, locked for the rest of the transaction. */
  lock(m: EntityManager, id: string): Promise<User | null> {
    return m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  count(m?: EntityManager): Promise<number> {
    return this.em(m).count(User);
  }

  usernameTaken(m: EntityManager, username: string): Promise<boolean> {
    return m.createQueryBuilder(User, 'u').where('lower(u.username) = lower(:n)', { n: username }).getExists();
  }

  async insert(m: EntityManager, fields: Partial<User>): Promise<User> {
    const user = m.create(User, fields);
    await m.save(user);
    return user;
  }

  async update(m: EntityManager, id: string, changes: Partial<User>): Promise<void> {
    await m.update(User, { id }, changes);
  }

  list(query: UserQuery): Promise<[User[], number]> {
    const qb = this.db.getRepository(User).createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.unitId) qb.andWhere('u.admin_unit_id = :unitId', { unitId: query.unitId });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    return qb.orderBy('u.username').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
  }

  /** The active commune workers of these units, by username. */
  activeCommuneWorkersOf(m: EntityManager, unitIds: string[]): Promise<CommuneWorkerRow[]> {
    return m.query(
      `SELECT id, username, admin_unit_id AS "adminUnitId" FROM users
        WHERE active AND role = 'commune_worker' AND admin_unit_id = ANY($1::uuid[])
        ORDER BY username`,
      [unitIds],
    );
  }

  /** Whether any user works at the facility. */
  anyAtFacility(m: EntityManager, facilityId: string): Promise<boolean> {
    return m.existsBy(User, { facilityId });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ownFacilityOnly } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { offsetOf } from '../../common/http/paging.js';
import type { ServiceContactQuery } from './dto/service-contact.dto.js';
import { ServiceContact } from './service-contact.entity.js';

/** Every statement on `service_contacts`. */
@Injectable()
export class ServiceContactsRepository {
  constructor(private readonly db: DataSource) {}

  async insert(m: EntityManager, fields: Partial<ServiceContact>): Promise<ServiceContact> {
    const contact = m.create(ServiceContact, fields);
    await m.save(contact);
    return contact;
  }

  /** A page of a person's services, newest first; clinic and facility staff see only their facility's. */
  listForPerson(actor: Actor, personId: string, query: ServiceContactQuery): Promise<[ServiceContact[], number]> {
    const qb = this.db.getRepository(ServiceContact).createQueryBuilder('c').where('c.person_id = :personId', { personId });
    const own = ownFacilityOnly(actor, 'c.facility_id');
    if (own) qb.andWhere(own.sql, own.params);
    if (query.type) qb.andWhere('c.type = :type', { type: query.type });
    return qb
      .orderBy('c.date', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .skip(offsetOf(query))
      .take(query.pageSize)
      .getManyAndCount();
  }

  /** Moves every service of one file to another (a merge); how many moved. */
  async reassignPerson(m: EntityManager, fromPersonId: string, toPersonId: string): Promise<number> {
    const [, moved] = (await m.query(`UPDATE service_contacts SET person_id = $2 WHERE person_id = $1`, [fromPersonId, toPersonId])) as [unknown, number];
    return moved;
  }
}

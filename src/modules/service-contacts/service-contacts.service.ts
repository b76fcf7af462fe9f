import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { facilityActedFor } from '../../common/access/facility-scope.js';
import { Access } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, invalid } from '../../common/errors/app-error.js';
import { page, type Page } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import type { CreateServiceContactDto, ServiceContactQuery } from './dto/service-contact.dto.js';
import { ServiceContactsRepository, type ServiceContactRow } from './service-contacts.repository.js';

/** Counseling, support, medical and vocational services a person received (SPEC 5). */
@Injectable()
export class ServiceContactsService {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ServiceContactsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, personId: string, dto: CreateServiceContactDto): Promise<ServiceContactRow> {
    if (dto.date > this.clock.today()) throw invalid('date', 'must not be in the future');
    return this.db.transaction(async (m) => {
      const person = await this.access.person(actor, personId, m);
      if (person.closedOn) throw conflict('the person file is closed');
      const facilityId = dto.facilityId ?? actor.facilityId ?? null;
      // A service is credited only to a facility the caller may act for (staff: their own).
      if (dto.facilityId) await facilityActedFor(m, actor, dto.facilityId);
      const contact = await this.contacts.insert(m, {
        personId,
        type: dto.type,
        date: dto.date,
        facilityId,
        notes: dto.notes?.normalize('NFC').trim() || null,
        createdBy: actor.id,
      });
      await this.audit.record(
        actor,
        { action: 'create', entity: 'service_contact', entityId: contact.id, fields: writtenFields(dto), meta: { personId } },
        m,
      );
      return contact;
    });
  }

  async listForPerson(actor: Actor, personId: string, query: ServiceContactQuery): Promise<Page<ServiceContactRow>> {
    await this.access.person(actor, personId);
    await this.audit.recordPersonRead(actor, personId, 'services');
    // Clinic and facility staff see the services their facility gave, not the commune's or others'.
    const [items, total] = await this.contacts.listForPerson(actor, personId, query);
    return page(items, total, query);
  }
}

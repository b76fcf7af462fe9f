import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Access } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, invalid } from '../../common/errors/app-error.js';
import { page, type Page, type PageQuery } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { RelapseService } from '../relapse/relapse.service.js';
import type { CreatedDrugTestDto, CreateDrugTestDto, DrugTestDto } from './dto/drug-test.dto.js';
import { DrugTestsRepository } from './drug-tests.repository.js';

/**
 * Drug tests as records of their own, in the person's timeline. A positive test raises a relapse
 * task for the responsible worker in the same transaction. Clinic and facility staff record tests
 * at their facility and see those only.
 */
@Injectable()
export class DrugTestsService {
  constructor(
    private readonly db: DataSource,
    private readonly tests: DrugTestsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly relapse: RelapseService,
  ) {}

  async create(actor: Actor, personId: string, dto: CreateDrugTestDto): Promise<CreatedDrugTestDto> {
    if (dto.testDate > this.clock.today()) throw invalid('testDate', 'must not be in the future');
    return this.db.transaction(async (m) => {
      const person = await this.access.person(actor, personId, m, { forUpdate: true });
      if (person.closedOn) throw conflict('the person file is closed');
      const test = await this.tests.insert(m, {
        personId,
        testDate: dto.testDate,
        method: dto.method,
        result: dto.result,
        substances: [...new Set((dto.substances ?? []).map((s) => s.normalize('NFC').trim()))],
        facilityId: actor.role === 'clinic_staff' || actor.role === 'facility_staff' ? actor.facilityId : null,
        recordedBy: actor.id,
      });
      await this.audit.record(actor, { action: 'create', entity: 'drug_test', entityId: test.id, fields: writtenFields(dto), meta: { personId } }, m);
      const relapseTaskId =
        test.result === 'positive' ? await this.relapse.raise(m, actor, { personId, source: 'drug_test', sourceId: test.id, detectedOn: test.testDate }) : null;
      return { ...test, relapseTaskId };
    });
  }

  async list(actor: Actor, personId: string, query: PageQuery): Promise<Page<DrugTestDto>> {
    await this.access.person(actor, personId);
    await this.audit.recordPersonRead(actor, personId, 'drug_tests');
    const [items, total] = await this.tests.listForPerson(actor, personId, query);
    return page(items, total, query);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, notFound } from '../../common/errors/app-error.js';
import type { IsoDate } from '../../common/time/dates.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import type { CreatePublicHolidayDto, PublicHolidayQuery, PublicHolidayView } from './dto/public-holiday.dto.js';
import { PublicHolidaysRepository, type PublicHolidayRow } from './public-holidays.repository.js';

const toView = (h: PublicHolidayRow): PublicHolidayView => ({ date: h.date, name: h.name, source: h.source });

/** Public holidays (days that are not working days), kept as dated data an admin extends each year. */
@Injectable()
export class PublicHolidaysService {
  constructor(
    private readonly db: DataSource,
    private readonly holidays: PublicHolidaysRepository,
    private readonly audit: AuditService,
  ) {}

  /** The holidays from `from` to `to` (inclusive), for working-day arithmetic. */
  between(from: IsoDate, to: IsoDate, m: EntityManager = this.db.manager): Promise<Set<IsoDate>> {
    return this.holidays.datesBetween(from, to, m);
  }

  async list(query: PublicHolidayQuery): Promise<{ items: PublicHolidayView[] }> {
    const rows = await this.holidays.list(query.year);
    return { items: rows.map(toView) };
  }

  async create(actor: Actor, dto: CreatePublicHolidayDto): Promise<PublicHolidayView> {
    return this.db.transaction(async (m) => {
      const added = await this.holidays.insert(m, {
        date: dto.date,
        name: dto.name.normalize('NFC').trim(),
        source: dto.source.normalize('NFC').trim(),
        createdBy: actor.id,
      });
      if (!added) throw conflict(`date: ${dto.date} is already a public holiday`);
      await this.audit.record(actor, { action: 'create', entity: 'public_holiday', entityId: dto.date, fields: writtenFields(dto) }, m);
      return toView(added);
    });
  }

  async remove(actor: Actor, date: IsoDate): Promise<PublicHolidayView> {
    return this.db.transaction(async (m) => {
      const removed = await this.holidays.remove(m, date);
      if (!removed) throw notFound('public holiday');
      await this.audit.record(actor, { action: 'delete', entity: 'public_holiday', entityId: date }, m);
      return toView(removed);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, notFound } from '../../common/errors/app-error.js';
import type { IsoDate } from '../../common/time/dates.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import type { CreatePublicHolidayDto, PublicHolidayQuery, PublicHolidayView } from './dto/public-holiday.dto.js';
import { PublicHoliday } from './public-holiday.entity.js';

const toView = (h: PublicHoliday): PublicHolidayView => ({ date: h.date, name: h.name, source: h.source });

/** Public holidays (days that are not working days), kept as dated data an admin extends each year. */
@Injectable()
export class PublicHolidaysService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The holidays from `from` to `to` (inclusive), for working-day arithmetic. */
  async between(from: IsoDate, to: IsoDate, m: EntityManager = this.db.manager): Promise<Set<IsoDate>> {
    const rows: { date: string }[] = await m.query(`SELECT date::text AS date FROM public_holidays WHERE date BETWEEN $1 AND $2`, [from, to]);
    return new Set(rows.map((r) => r.date));
  }

  async list(query: PublicHolidayQuery): Promise<{ items: PublicHolidayView[] }> {
    const qb = this.db.getRepository(PublicHoliday).createQueryBuilder('h');
    if (query.year !== undefined) qb.where('extract(year FROM h.date) = :year', { year: query.year });
    const rows = await qb.orderBy('h.date').getMany();
    return { items: rows.map(toView) };
  }

  async create(actor: Actor, dto: CreatePublicHolidayDto): Promise<PublicHolidayView> {
    return this.db.transaction(async (m) => {
      const rows: PublicHoliday[] = await m.query(
        `INSERT INTO public_holidays (date, name, source, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (date) DO NOTHING RETURNING date::text AS date, name, source`,
        [dto.date, dto.name.normalize('NFC').trim(), dto.source.normalize('NFC').trim(), actor.id],
      );
      if (!rows[0]) throw conflict(`date: ${dto.date} is already a public holiday`);
      await this.audit.record(actor, { action: 'create', entity: 'public_holiday', entityId: dto.date, fields: writtenFields(dto) }, m);
      return toView(rows[0]);
    });
  }

  async remove(actor: Actor, date: IsoDate): Promise<PublicHolidayView> {
    return this.db.transaction(async (m) => {
      // A bare DELETE … RETURNING answers [rows, count]; inside a CTE it answers the rows.
      const rows: PublicHoliday[] = await m.query(
        `WITH removed AS (DELETE FROM public_holidays WHERE date = $1 RETURNING date::text AS date, name, source) SELECT * FROM removed`,
        [date],
      );
      if (!rows[0]) throw notFound('public holiday');
      await this.audit.record(actor, { action: 'delete', entity: 'public_holiday', entityId: date }, m);
      return toView(rows[0]);
    });
  }
}

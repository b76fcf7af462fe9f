import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsoDate } from '../../common/time/dates.js';

/**
 * A public holiday or a day off moved to a weekday: not a working day. Holidays are announced
 * each year, so an admin adds them; `source` names the law or announcement. As stored and answered.
 */
export interface PublicHolidayRow {
  date: IsoDate;
  name: string;
  source: string;
}

const COLUMNS = 'date::text AS date, name, source';

/** Every statement on `public_holidays` (working-day SQL in `common/time/working-days.ts` reads it under a grant). */
@Injectable()
export class PublicHolidaysRepository {
  constructor(private readonly db: DataSource) {}

  /** The holiday dates from `from` to `to` (inclusive). */
  async datesBetween(from: IsoDate, to: IsoDate, m: EntityManager = this.db.manager): Promise<Set<IsoDate>> {
    const rows: { date: string }[] = await m.query(`SELECT date::text AS date FROM public_holidays WHERE date BETWEEN $1 AND $2`, [from, to]);
    return new Set(rows.map((r) => r.date));
  }

  /** Every holiday, by date; `year` keeps one year's. */
  list(year: number | undefined): Promise<PublicHolidayRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM public_holidays WHERE ($1::int IS NULL OR extract(year FROM date) = $1) ORDER BY date`, [year ?? null]);
  }

  /** The holiday added, or undefined when the date already is one. */
  async insert(m: EntityManager, h: PublicHolidayRow & { createdBy: string }): Promise<PublicHolidayRow | undefined> {
    const rows: PublicHolidayRow[] = await m.query(
      `INSERT INTO public_holidays (date, name, source, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO NOTHING RETURNING ${COLUMNS}`,
      [h.date, h.name, h.source, h.createdBy],
    );
    return rows[0];
  }

  /** The holiday removed, or undefined when there was none on that date. */
  async remove(m: EntityManager, date: IsoDate): Promise<PublicHolidayRow | undefined> {
    // A bare DELETE … RETURNING answers [rows, count]; inside a CTE it answers the rows.
    const rows: PublicHolidayRow[] = await m.query(
      `WITH removed AS (DELETE FROM public_holidays WHERE date = $1 RETURNING ${COLUMNS}) SELECT * FROM removed`,
      [date],
    );
    return rows[0];
  }
}

import { addDays, type IsoDate } from './dates.js';

/**
 * Working days: Monday to Friday, except public holidays (the `public_holidays` table, which an
 * admin extends each year as the government announces the days off). The same predicate is written
 * in SQL as `WORKING_DAY_SQL` for set-based queries; the two must agree.
 */
export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The `n`-th working day after `date` (n >= 1): "within n working days of" that date ends on it. */
export function addWorkingDays(date: IsoDate, n: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/** `isWorkingDay` in SQL, for a date expression (ISO weekday 6 and 7 are Saturday and Sunday). */
export const WORKING_DAY_SQL = (date: string) =>
  `(extract(isodow FROM ${date}) < 6 AND NOT EXISTS (SELECT 1 FROM public_holidays h WHERE h.date = (${date})::date))`;

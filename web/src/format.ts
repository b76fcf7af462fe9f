import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';

/** Dates as the forms write them: dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';
/** "Today" is reckoned in Vietnam whatever the device's zone. */
const ZONE = 'Asia/Ho_Chi_Minh';

export const formatDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).format(DATE_FORMAT) : '—');
export const toIsoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
export const fromIsoDate = (iso: string | null | undefined): Dayjs | undefined => (iso ? dayjs(iso) : undefined);

export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const addDays = (iso: string, days: number): string => dayjs(iso).add(days, 'day').format('YYYY-MM-DD');
export const daysBetween = (fromIso: string, toIso: string): number => dayjs(toIso).diff(dayjs(fromIso), 'day');

/** 1.234,5 — Vietnamese separators. */
export const formatNumber = (n: number, digits = 0): string =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n);

export const ageOn = (dateOfBirth: string, onIso: string): number => dayjs(onIso).diff(dayjs(dateOfBirth), 'year');

/** Vietnamese lists sort by the given name (the last word), then by the rest of the name. */
export function compareVietnameseNames(a: string, b: string): number {
  const key = (name: string) => {
    const words = name.trim().split(/\s+/);
    return `${words[words.length - 1] ?? ''} ${words.slice(0, -1).join(' ')}`;
  };
  return key(a).localeCompare(key(b), 'vi');
}

import type { IsoDate } from '../../common/time/dates.js';

/** The earliest date of birth or registration the service accepts. */
export const EARLIEST_DATE: IsoDate = '1900-01-01';

/** `<residence unit code>-<year of registration>-<sequence, at least 5 digits>`. */
export function caseCodeOf(unitCode: string, year: number, sequence: number): string {
  return `${unitCode}-${year}-${String(sequence).padStart(5, '0')}`;
}

export interface PersonDates {
  dateOfBirth: IsoDate;
  registeredOn: IsoDate;
  managementDecisionOn: IsoDate | null;
}

/**
 * The order of a file's dates, as `field: reason` messages (empty when all hold). ISO dates
 * compare correctly as strings.
 */
export function personDateProblems(d: PersonDates, today: IsoDate): string[] {
  const problems: string[] = [];
  if (d.dateOfBirth > today) problems.push('dateOfBirth: must not be in the future');
  else if (d.dateOfBirth < EARLIEST_DATE) problems.push(`dateOfBirth: must not be before ${EARLIEST_DATE}`);
  if (d.registeredOn > today) problems.push('registeredOn: must not be in the future');
  else if (d.registeredOn < d.dateOfBirth) problems.push('registeredOn: must not be before dateOfBirth');
  if (d.managementDecisionOn !== null) {
    if (d.managementDecisionOn > today) problems.push('managementDecisionOn: must not be in the future');
    else if (d.managementDecisionOn < d.dateOfBirth) problems.push('managementDecisionOn: must not be before dateOfBirth');
  }
  return problems;
}

/** Problems with closing a file registered on `registeredOn` at `closedOn`. */
export function closeDateProblems(registeredOn: IsoDate, closedOn: IsoDate, today: IsoDate): string[] {
  if (closedOn > today) return ['closedOn: must not be in the future'];
  if (closedOn < registeredOn) return ['closedOn: must not be before registeredOn'];
  return [];
}

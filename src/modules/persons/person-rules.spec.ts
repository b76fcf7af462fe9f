import { caseCodeOf, closeDateProblems, personDateProblems } from './person-rules.js';

describe('caseCodeOf', () => {
  it('pads the sequence to five digits', () => {
    expect(caseCodeOf('XA01', 2025, 7)).toBe('XA01-2025-00007');
    expect(caseCodeOf('XA01', 2025, 12345)).toBe('XA01-2025-12345');
  });
  it('keeps growing past 99999 rather than wrapping', () => {
    expect(caseCodeOf('XA01', 2025, 100000)).toBe('XA01-2025-100000');
  });
});

describe('personDateProblems', () => {
  const today = '2025-06-15';
  const ok = { dateOfBirth: '1990-01-01', registeredOn: '2025-01-10', managementDecisionOn: '2025-01-12' };

  it('accepts ordered dates up to today inclusive', () => {
    expect(personDateProblems(ok, today)).toEqual([]);
    expect(personDateProblems({ dateOfBirth: '1900-01-01', registeredOn: today, managementDecisionOn: today }, today)).toEqual([]);
    expect(personDateProblems({ ...ok, managementDecisionOn: null }, today)).toEqual([]);
  });

  it('names each date that is in the future', () => {
    expect(personDateProblems({ dateOfBirth: '2025-06-16', registeredOn: '2025-06-17', managementDecisionOn: '2025-07-01' }, today)).toEqual([
      'dateOfBirth: must not be in the future',
      'registeredOn: must not be in the future',
      'managementDecisionOn: must not be in the future',
    ]);
  });

  it('refuses a birth before 1900 and a registration before birth', () => {
    expect(personDateProblems({ ...ok, dateOfBirth: '1899-12-31' }, today)).toEqual(['dateOfBirth: must not be before 1900-01-01']);
    expect(personDateProblems({ ...ok, registeredOn: '1989-12-31' }, today)).toEqual(['registeredOn: must not be before dateOfBirth']);
    expect(personDateProblems({ ...ok, managementDecisionOn: '1980-01-01' }, today)).toEqual([
      'managementDecisionOn: must not be before dateOfBirth',
    ]);
  });
});

describe('closeDateProblems', () => {
  it('allows the registration day up to today', () => {
    expect(closeDateProblems('2025-01-10', '2025-01-10', '2025-06-15')).toEqual([]);
    expect(closeDateProblems('2025-01-10', '2025-06-15', '2025-06-15')).toEqual([]);
  });
  it('refuses a day before registration or after today', () => {
    expect(closeDateProblems('2025-01-10', '2025-01-09', '2025-06-15')).toEqual(['closedOn: must not be before registeredOn']);
    expect(closeDateProblems('2025-01-10', '2025-06-16', '2025-06-15')).toEqual(['closedOn: must not be in the future']);
  });
});

import type { UnitCounts } from '../../src/modules/reports/coverage.arithmetic.js';

/** One unit's coverage counts for unit tests of the report's arithmetic and export: zeros but for `over`. */
export const counts = (over: Partial<UnitCounts>): UnitCounts => ({
  id: 'u',
  code: 'U',
  name: 'U',
  level: 'commune',
  parentId: null,
  population: null,
  withFiles: 0,
  reached: 0,
  community: 0,
  methadone: 0,
  facility: 0,
  counseling: 0,
  support: 0,
  medical: 0,
  supervised: 0,
  supported: 0,
  held: 0,
  treated: 0,
  peopleWithFiles: 0,
  ...over,
});

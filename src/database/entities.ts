import { AuditLog } from '../modules/audit/audit-log.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { Import, ImportRejection } from '../modules/imports/import.entity.js';
import { Person } from '../modules/persons/person.entity.js';
import { CoverageReport } from '../modules/reports/coverage-report.entity.js';
import { Enrollment } from '../modules/treatment/enrollment.entity.js';
import { MethadoneDose } from '../modules/treatment/methadone-dose.entity.js';
import { User } from '../modules/users/user.entity.js';

/**
 * Every entity, listed explicitly so one data source serves the app, the CLI and the tests. A table
 * without one is read and written in SQL by its owner's repository (see `table-owners.ts`).
 */
export const ENTITIES = [
  User,
  RefreshToken,
  AuditLog,
  Person,
  Enrollment,
  MethadoneDose,
  CoverageReport,
  Import,
  ImportRejection,
];

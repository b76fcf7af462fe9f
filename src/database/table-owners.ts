/**
 * Who owns which table. Only the owning module's files hold SQL (raw strings, QueryBuilder calls,
 * entity-manager calls) that names its tables; other modules call the owner's repository methods.
 * `src/architecture.spec.ts` enforces it, and the README's "Architecture" section points here.
 *
 * A module is a folder of `src/modules/`; `common` is `src/common/` (infrastructure that every module
 * uses). Files under `src/database/` (migrations, the application role's grants) are the schema's
 * own and are not checked.
 */
export const TABLE_OWNERS = {
  persons: 'persons',
  person_events: 'persons',
  person_history: 'persons',
  case_code_counters: 'persons',
  users: 'users',
  refresh_tokens: 'auth',
  login_failures: 'auth',
  login_known_addresses: 'auth',
  admin_units: 'admin-units',
  facilities: 'facilities',
  audit_logs: 'audit',
  transfer_requests: 'transfers',
  duplicate_pairs: 'duplicates',
  relapse_tasks: 'relapse',
  drug_tests: 'drug-tests',
  service_contacts: 'service-contacts',
  public_holidays: 'public-holidays',
  imports: 'imports',
  import_rejections: 'imports',
  reminders: 'reminders',
  supervisions: 'supervision',
  visits: 'supervision',
  follow_ups: 'supervision',
  enrollments: 'treatment',
  methadone_doses: 'treatment',
  dose_prescriptions: 'roster',
  coverage_reports: 'reports',
  coverage_runs: 'reports',
  coverage_counts: 'reports',
  monthly_reports: 'reports',
  monthly_report_notices: 'reports',
  rate_counters: 'common',
} as const;

export type TableName = keyof typeof TABLE_OWNERS;

/**
 * A module allowed to READ (never write) tables it does not own, in SQL of its own. Kept short: each
 * is a read model or a per-request predicate that joins many tables in one statement, where going
 * through the owners' methods would mean many round trips or loading whole tables into memory.
 */
export interface ReadGrant {
  module: string;
  tables: readonly TableName[];
  reason: string;
}

export const READ_GRANTS: readonly ReadGrant[] = [
  {
    module: 'common',
    tables: ['admin_units', 'enrollments', 'facilities', 'persons'],
    reason: "access scope: the predicates every scoped query embeds (area path, a staff member's patients, facility area)",
  },
  {
    module: 'common',
    tables: ['public_holidays'],
    reason: 'working-day arithmetic embedded in SQL (due dates, hand-over after N working days)',
  },
  {
    module: 'persons',
    tables: ['enrollments', 'service_contacts', 'supervisions', 'visits', 'drug_tests'],
    reason: "a person's timeline and a file's counts: one statement over every service the person received",
  },
  {
    module: 'persons',
    tables: ['admin_units'],
    reason: "person lists and searches filter by the area's path and show the unit's name",
  },
  {
    module: 'duplicates',
    tables: ['persons', 'admin_units'],
    reason: "the duplicate finder and review list: one self-join over a province's open files, filtered by the caller's scope",
  },
  {
    module: 'reports',
    tables: ['persons', 'person_history', 'admin_units', 'facilities', 'enrollments', 'methadone_doses', 'supervisions', 'follow_ups', 'visits', 'service_contacts', 'drug_tests', 'relapse_tasks', 'users'],
    reason: 'coverage and monthly figures: one aggregate statement over every service a person received',
  },
  {
    module: 'reminders',
    tables: ['persons', 'supervisions', 'follow_ups', 'enrollments'],
    reason:
      "the planner's candidates (reminders.sql.ts): one set-based statement over every open file's follow-ups, supervisions and enrollments, " +
      'written by INSERT … SELECT and resolved by one UPDATE; through the owners it would load thousands of files into memory and write reminders one by one',
  },
  {
    module: 'reminders',
    tables: ['persons'],
    reason: "the reminder list: the caller's scope and each reminder's case code in the same statement, so the list is filtered, counted and paged in SQL",
  },
  {
    module: 'roster',
    tables: ['enrollments', 'persons', 'methadone_doses'],
    reason:
      "a clinic's day: one statement over its active methadone enrollments, their persons (scope, name search, sort by given name) and the day's doses, " +
      'counted and paged in SQL; through the owners it would load every patient of the clinic and their doses to sort and page them in memory',
  },
  {
    module: 'tasks',
    tables: ['persons', 'admin_units', 'users', 'reminders', 'supervisions', 'follow_ups', 'relapse_tasks', 'transfer_requests', 'enrollments', 'methadone_doses'],
    reason: "the worker's \"today\" list: one statement merging every kind of open task in the caller's area",
  },
];

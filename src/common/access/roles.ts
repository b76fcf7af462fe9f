/**
 * The roles and facility types access is decided by. They live here, in common/, because the guards,
 * the scope rules and the route decorators read them; the users and facilities modules re-export them.
 */
export const ROLES = ['admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'] as const;
/** What each role is, for the API reference. The names stay although PC04 took over from the labour department. */
export const ROLE_DESCRIPTION =
  'admin: system administrator; province_officer: provincial office, since 1 March 2025 the provincial drug police (PC04) who run rehab and ' +
  'post-rehab management (before: the labour department); commune_worker: commune health or social worker; clinic_staff: methadone clinic staff; ' +
  'facility_staff: rehabilitation facility staff';
export type Role = (typeof ROLES)[number];
/** Roles whose scope is a facility as well as a unit. */
export const FACILITY_ROLES: readonly Role[] = ['clinic_staff', 'facility_staff'];

/** `detention_facility`: a pretrial detention centre or holding facility (trại tạm giam, nhà tạm giữ). */
export const FACILITY_TYPES = ['methadone_clinic', 'rehab_facility', 'health_station', 'detention_facility'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

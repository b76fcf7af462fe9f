import type { Role } from '../access/roles.js';

/** The authenticated caller, as every service sees it. */
export interface Actor {
  id: string;
  role: Role;
  /** Null only for an administrator created before any unit existed. */
  adminUnitId: string | null;
  /** Materialized path of the caller's unit: its scope is every unit whose path starts with it. */
  unitPath: string;
  facilityId: string | null;
  /**
   * Clinic and facility staff: an enrollment at their facility that ended on or after this date
   * still shows its person (STAFF_SCOPE_MONTHS before today); without it only active ones do.
   */
  scopeEndedSince?: string;
  /** The login (refresh-token family) this access token belongs to. */
  sessionId: string;
  ip: string | null;
  requestId: string | null;
}

/** Who did a thing, for audit rows written outside a request (jobs, start-up). */
export interface AuditContext {
  id: string | null;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM: AuditContext = { id: null, role: 'system', ip: null, requestId: null };

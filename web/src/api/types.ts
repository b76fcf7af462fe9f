/**
 * Response shapes the screens read. The generated schema types every path, parameter and request
 * body; until the OpenAPI document describes every response body, these are declared here once.
 */
export type IsoDate = string;
export type Role = 'admin' | 'province_officer' | 'commune_worker' | 'clinic_staff' | 'facility_staff';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: string;
  username: string;
  fullName: string | null;
  role: Role;
  adminUnitId: string | null;
  facilityId: string | null;
  active: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  user: User;
}

export type PersonStatus = 'using' | 'addicted';
export type Sex = 'male' | 'female';
export type CloseReason = 'moved_away' | 'deceased' | 'management_ended' | 'detained' | 'other';

export interface PersonListItem {
  id: string;
  caseCode: string;
  fullName: string;
  dateOfBirth: IsoDate;
  sex: Sex;
  residenceUnitId: string;
  status: PersonStatus;
  substances: string[];
  registeredOn: IsoDate;
  managementDecisionOn: IsoDate | null;
  inDetention: boolean;
  closedOn: IsoDate | null;
  closeReason: CloseReason | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Person extends PersonListItem {
  nationalId?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface AdminUnit {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parentId: string | null;
  population: number | null;
}

export interface Facility {
  id: string;
  code: string;
  name: string;
  type: 'methadone_clinic' | 'rehab_facility' | 'health_station';
  adminUnitId: string;
}

export interface TimelineEvent {
  id: string;
  kind:
    | 'registered'
    | 'status_changed'
    | 'management_decision'
    | 'moved'
    | 'closed'
    | 'enrollment_started'
    | 'enrollment_ended'
    | 'service'
    | 'supervision_started'
    | 'supervision_ended'
    | 'visit';
  date: IsoDate;
  /** The event's own fields (type, facilityId, outcome, method, drugTest...), flattened. */
  [field: string]: unknown;
}

export type EnrollmentType = 'community' | 'methadone' | 'facility';
export type EnrollmentMode = 'voluntary' | 'compulsory';
export type EnrollmentOutcome = 'completed' | 'dropped_out' | 'transferred' | 'relapsed' | 'deceased' | 'other';

export interface Enrollment {
  id: string;
  personId: string;
  type: EnrollmentType;
  mode: EnrollmentMode | null;
  facilityId: string | null;
  startDate: IsoDate;
  plannedEndDate: IsoDate | null;
  endDate: IsoDate | null;
  outcome: EnrollmentOutcome | null;
  status: 'active' | 'ended';
  version: number;
}

export interface Dose {
  id: string;
  enrollmentId: string;
  date: IsoDate;
  status: 'taken' | 'missed';
  doseMg: number | string | null;
}

export type ServiceType = 'counseling' | 'support' | 'medical' | 'vocational';
export interface ServiceContact {
  id: string;
  personId: string;
  type: ServiceType;
  date: IsoDate;
  facilityId: string | null;
  notes: string | null;
}

export interface FollowUp {
  id: string;
  dueDate: IsoDate;
  status: 'scheduled' | 'done' | 'missed' | 'cancelled';
  visitId: string | null;
}

export type VisitMethod = 'home_visit' | 'phone' | 'office';
export type DrugTest = 'negative' | 'positive' | 'not_done';
export interface Visit {
  id: string;
  visitDate: IsoDate;
  method: VisitMethod;
  drugTest: DrugTest;
  relapse: boolean;
  notes: string | null;
}

export interface Supervision {
  id: string;
  personId: string;
  startDate: IsoDate;
  endDate: IsoDate;
  intervalDays: number;
  status: 'active' | 'ended';
  outcome: string | null;
  endedOn: IsoDate | null;
  version: number;
  followUps: FollowUp[];
  visits?: Visit[];
}

export type ReminderKind =
  | 'follow_up_due'
  | 'follow_up_overdue'
  | 'missed_doses'
  | 'supervision_ending'
  | 'enrollment_ending'
  | 'management_ending';

export interface Reminder {
  id: string;
  kind: ReminderKind;
  personId: string;
  caseCode: string;
  subjectId: string;
  dueDate: IsoDate;
  status: 'open' | 'acknowledged' | 'resolved';
  message: string;
  facilityId: string | null;
}

export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  code?: string;
  message?: string | string[];
}

import type { components } from './schema';

/**
 * The shapes the screens read, named once. All come from the generated OpenAPI schema, so a
 * changed response breaks the build, not the user.
 */
type S = components['schemas'];
export type IsoDate = string;
export type Role = S['UserDto']['role'];
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export type User = S['UserDto'];
export type TokenPair = S['TokenPairDto'];
export type PersonListItem = S['PersonListItemDto'];
export type Person = S['PersonDto'];
/** A file the new one may repeat (the 409 `possible_duplicate` of a registration). */
export type PersonCandidate = S['PersonCandidateDto'];
export type PersonStatus = Person['status'];
export type Sex = Person['sex'];
export type CloseReason = NonNullable<Person['closeReason']>;
export type AdminUnit = S['AdminUnitDto'];
export type Facility = S['FacilityDto'];
export type TimelineEvent = S['TimelineEventDto'];
export type Enrollment = S['EnrollmentDto'];
export type EnrollmentType = Enrollment['type'];
export type EnrollmentMode = NonNullable<Enrollment['mode']>;
export type EnrollmentOutcome = NonNullable<Enrollment['outcome']>;
export type Dose = S['DoseDto'];
export type ServiceContact = S['ServiceContactDto'];
export type ServiceType = ServiceContact['type'];
export type Supervision = S['SupervisionDto'];
export type FollowUp = S['FollowUpDto'];
export type Visit = S['VisitDto'];
export type VisitMethod = Visit['method'];
export type DrugTest = Visit['drugTest'];
export type Reminder = S['ReminderDto'];
export type ReminderKind = Reminder['kind'];
export type Task = S['TaskDto'];
export type TaskList = S['TaskListDto'];
export type ApiErrorBody = Partial<S['ErrorResponseDto']> & { message?: string | string[] };

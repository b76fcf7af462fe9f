import { api, unwrap } from './client';
import type { components, paths } from './schema';

/** One typed function per call the screens make; parameters and bodies are checked against the generated schema. */
export type Query<P extends keyof paths, M extends 'get'> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
export type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type PersonQuery = Query<'/api/v1/persons', 'get'>;
export type PersonCreate = Body<'/api/v1/persons', 'post'>;
export type PersonUpdate = Body<'/api/v1/persons/{id}', 'patch'>;
export type PersonClose = Body<'/api/v1/persons/{id}/close', 'post'>;
export type EnrollmentCreate = Body<'/api/v1/persons/{id}/enrollments', 'post'>;
export type EnrollmentEnd = Body<'/api/v1/enrollments/{id}/end', 'post'>;
export type DoseRecord = Body<'/api/v1/enrollments/{id}/doses', 'post'>;
export type ServiceCreate = Body<'/api/v1/persons/{id}/services', 'post'>;
export type SupervisionCreate = Body<'/api/v1/persons/{id}/supervisions', 'post'>;
export type VisitCreate = Body<'/api/v1/supervisions/{id}/visits', 'post'>;

const id = (value: string) => ({ path: { id: value } });

export const me = async () => unwrap(await api.GET('/api/v1/auth/me'));

export const listUnits = async (query: Query<'/api/v1/admin-units', 'get'>) =>
  unwrap(await api.GET('/api/v1/admin-units', { params: { query } }));
export const getUnit = async (unitId: string) => unwrap(await api.GET('/api/v1/admin-units/{id}', { params: id(unitId) }));
export const listFacilities = async () =>
  unwrap(await api.GET('/api/v1/facilities', { params: { query: { pageSize: 100 } } }));
export const getFacility = async (facilityId: string) => unwrap(await api.GET('/api/v1/facilities/{id}', { params: id(facilityId) }));

export const listPersons = async (query: PersonQuery) =>
  unwrap(await api.GET('/api/v1/persons', { params: { query } }));
export const getPerson = async (personId: string) => unwrap(await api.GET('/api/v1/persons/{id}', { params: id(personId) }));
export const createPerson = async (body: PersonCreate) => unwrap(await api.POST('/api/v1/persons', { body }));
export const updatePerson = async (personId: string, body: PersonUpdate) =>
  unwrap(await api.PATCH('/api/v1/persons/{id}', { params: id(personId), body }));
export const closePerson = async (personId: string, body: PersonClose) =>
  unwrap(await api.POST('/api/v1/persons/{id}/close', { params: id(personId), body }));
export const timeline = async (personId: string) =>
  unwrap(
    await api.GET('/api/v1/persons/{id}/timeline', { params: { path: { id: personId }, query: { pageSize: 100 } } }),
  );

export const listEnrollments = async (personId: string) =>
  unwrap(await api.GET('/api/v1/persons/{id}/enrollments', { params: id(personId) }));
export const enroll = async (personId: string, body: EnrollmentCreate) =>
  unwrap(await api.POST('/api/v1/persons/{id}/enrollments', { params: id(personId), body }));
export const endEnrollment = async (enrollmentId: string, body: EnrollmentEnd) =>
  unwrap(await api.POST('/api/v1/enrollments/{id}/end', { params: id(enrollmentId), body }));
export const listDoses = async (enrollmentId: string, from: string, to: string) =>
  unwrap(
    await api.GET('/api/v1/enrollments/{id}/doses', { params: { path: { id: enrollmentId }, query: { from, to, pageSize: 100 } } }),
  );
export const recordDose = async (enrollmentId: string, body: DoseRecord) =>
  unwrap(await api.POST('/api/v1/enrollments/{id}/doses', { params: id(enrollmentId), body }));

export const listServices = async (personId: string) =>
  unwrap(
    await api.GET('/api/v1/persons/{id}/services', { params: { path: { id: personId }, query: { pageSize: 100 } } }),
  );
export const recordService = async (personId: string, body: ServiceCreate) =>
  unwrap(await api.POST('/api/v1/persons/{id}/services', { params: id(personId), body }));

export const listSupervisions = async (personId: string) =>
  unwrap(await api.GET('/api/v1/persons/{id}/supervisions', { params: id(personId) }));
export const startSupervision = async (personId: string, body: SupervisionCreate) =>
  unwrap(await api.POST('/api/v1/persons/{id}/supervisions', { params: id(personId), body }));
export const getSupervision = async (supervisionId: string) =>
  unwrap(await api.GET('/api/v1/supervisions/{id}', { params: id(supervisionId) }));
export const recordVisit = async (supervisionId: string, body: VisitCreate) =>
  unwrap(await api.POST('/api/v1/supervisions/{id}/visits', { params: id(supervisionId), body }));

export const listTasks = async (query: Query<'/api/v1/tasks', 'get'>) => unwrap(await api.GET('/api/v1/tasks', { params: { query } }));
export const listReminders = async (query: Query<'/api/v1/reminders', 'get'>) =>
  unwrap(await api.GET('/api/v1/reminders', { params: { query } }));
export const ackReminder = async (reminderId: string) =>
  unwrap(await api.POST('/api/v1/reminders/{id}/ack', { params: id(reminderId) }));

/** Some lists answer a page, some an array; the screens want the rows. */
export const rows = <T,>(list: { items: T[] } | T[]): T[] => (Array.isArray(list) ? list : list.items);

export type RosterPage = components['schemas']['RosterPageDto'];
export type RosterItem = components['schemas']['RosterItemDto'];
export type RosterWrite = components['schemas']['RosterWriteDto'];
export type RosterRecord = Body<'/api/v1/clinics/roster/doses', 'post'>;
export type PasswordChange = Body<'/api/v1/auth/password', 'post'>;

export const roster = async (query: Query<'/api/v1/clinics/roster', 'get'>) =>
  unwrap(await api.GET('/api/v1/clinics/roster', { params: { query } }));
export type Resident = components['schemas']['ResidentDto'];
export const listFacilityResidents = async (query: Query<'/api/v1/facilities/residents', 'get'>) =>
  unwrap(await api.GET('/api/v1/facilities/residents', { params: { query } }));
export const recordRoster = async (body: RosterRecord) => unwrap(await api.POST('/api/v1/clinics/roster/doses', { body }));
export const changePassword = async (body: PasswordChange) => unwrap(await api.POST('/api/v1/auth/password', { body }));

export type CoveragePeriod = Body<'/api/v1/reports/coverage', 'post'>;
export type CoverageReport = components['schemas']['CoverageReportDto'];
export type UnitFigures = components['schemas']['UnitFiguresDto'];
export type UnreachedPerson = components['schemas']['UnreachedPersonDto'];
export type ExportFormat = NonNullable<Query<'/api/v1/reports/coverage/export', 'get'>['format']>;

export const getCoverage = async (query: CoveragePeriod) =>
  unwrap(await api.GET('/api/v1/reports/coverage', { params: { query } }));
export const requestCoverage = async (body: CoveragePeriod) => unwrap(await api.POST('/api/v1/reports/coverage', { body }));
export const coverageJob = async (jobId: string) =>
  unwrap(await api.GET('/api/v1/reports/coverage/jobs/{jobId}', { params: { path: { jobId } } }));
export const listUnreached = async (query: Query<'/api/v1/reports/coverage/unreached', 'get'>) =>
  unwrap(await api.GET('/api/v1/reports/coverage/unreached', { params: { query } }));
/** The stored report as a file, fetched with the session's token (a bare link would carry none). */
export const exportCoverage = async (query: CoveragePeriod & { format: ExportFormat }) =>
  fileOf(await api.GET('/api/v1/reports/coverage/export', { params: { query }, parseAs: 'blob' }), `coverage.${query.format}`);

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}
/** A file answer: its body and the name the service gave it (content-disposition). */
export function fileOf(result: { data?: unknown; error?: unknown; response: Response }, fallback: string): DownloadedFile {
  const blob = unwrap(result) as Blob;
  const disposition = result.response.headers.get('content-disposition') ?? '';
  return { blob, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback };
}
export const getTrend = async (query: Query<'/api/v1/reports/trends', 'get'>) =>
  unwrap(await api.GET('/api/v1/reports/trends', { params: { query } }));

export type MonthlyReport = components['schemas']['MonthlyReportDto'];
export type MonthlyRollup = components['schemas']['MonthlyRollupDto'];
export type MonthlyQuery = Query<'/api/v1/reports/monthly', 'get'>;
export const getMonthlyReport = async (query: MonthlyQuery) => unwrap(await api.GET('/api/v1/reports/monthly', { params: { query } }));
export const submitMonthlyReport = async (body: Body<'/api/v1/reports/monthly', 'post'>) =>
  unwrap(await api.POST('/api/v1/reports/monthly', { body }));
export const getMonthlyRollup = async (query: MonthlyQuery) => unwrap(await api.GET('/api/v1/reports/monthly/rollup', { params: { query } }));
export const exportMonthly = async (query: MonthlyQuery & { format: ExportFormat }) =>
  fileOf(await api.GET('/api/v1/reports/monthly/export', { params: { query }, parseAs: 'blob' }), `monthly.${query.format}`);

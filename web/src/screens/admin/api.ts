import { api, unwrap } from '../../api/client';
import { getUnit, listUnits, type Body, type Query } from '../../api/endpoints';
import type { components } from '../../api/schema';

/** The admin console's calls, typed by the generated schema (kept beside the console's screens). */
type S = components['schemas'];
export type UnitCreate = Body<'/api/v1/admin-units', 'post'>;
export type UnitUpdate = Body<'/api/v1/admin-units/{id}', 'patch'>;
export type FacilityCreate = Body<'/api/v1/facilities', 'post'>;
export type FacilityUpdate = Body<'/api/v1/facilities/{id}', 'patch'>;
export type UserCreate = Body<'/api/v1/users', 'post'>;
export type UserUpdate = Body<'/api/v1/users/{id}', 'patch'>;
export type UserQuery = Query<'/api/v1/users', 'get'>;
export type AuditQuery = Query<'/api/v1/audit-logs', 'get'>;
export type AuditRow = S['AuditLogDto'];
export type FacilityType = S['FacilityDto']['type'];
export type UnitLevel = S['AdminUnitDto']['level'];
export type ReplanResult = S['ReplanResultDto'];

const id = (value: string) => ({ path: { id: value } });

export { getUnit, listUnits };
export const createUnit = async (body: UnitCreate) => unwrap(await api.POST('/api/v1/admin-units', { body }));
export const updateUnit = async (unitId: string, body: UnitUpdate) =>
  unwrap(await api.PATCH('/api/v1/admin-units/{id}', { params: id(unitId), body }));

export const listFacilities = async (query: Query<'/api/v1/facilities', 'get'>) => unwrap(await api.GET('/api/v1/facilities', { params: { query } }));
export const createFacility = async (body: FacilityCreate) => unwrap(await api.POST('/api/v1/facilities', { body }));
export const updateFacility = async (facilityId: string, body: FacilityUpdate) =>
  unwrap(await api.PATCH('/api/v1/facilities/{id}', { params: id(facilityId), body }));

export const listUsers = async (query: UserQuery) => unwrap(await api.GET('/api/v1/users', { params: { query } }));
export const createUser = async (body: UserCreate) => unwrap(await api.POST('/api/v1/users', { body }));
export const updateUser = async (userId: string, body: UserUpdate) => unwrap(await api.PATCH('/api/v1/users/{id}', { params: id(userId), body }));

export const listAudit = async (query: AuditQuery) => unwrap(await api.GET('/api/v1/audit-logs', { params: { query } }));
export const replanReminders = async () => unwrap(await api.POST('/api/v1/reminders/replan'));

export const FACILITY_TYPES: FacilityType[] = ['methadone_clinic', 'rehab_facility', 'health_station', 'detention_facility'];
/** The kinds of facility each facility role works at (the service checks the same). */
export const FACILITY_OF_ROLE: Partial<Record<S['UserDto']['role'], FacilityType[]>> = {
  clinic_staff: ['methadone_clinic'],
  facility_staff: ['rehab_facility', 'detention_facility'],
};

/** A temporary password the strength rule accepts: 3 groups of 5 letters and digits (about 75 bits), no look-alike characters. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  const bytes = crypto.getRandomValues(new Uint32Array(15));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 5, 10].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

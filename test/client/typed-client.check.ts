/**
 * Compiled by `npm run typecheck` (never run): the generated client types (web/src/api/schema.d.ts)
 * with openapi-fetch type-check calls with their paths, queries, bodies and results, and refuse
 * wrong ones. If a DTO changes without `npm run client:generate`, src/openapi.spec.ts fails; if a
 * change breaks a caller, this file stops compiling.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../web/src/api/schema.js';

type Person = components['schemas']['PersonDto'];
type ErrorCode = components['schemas']['ErrorCode'];

export async function typedClientCalls(baseUrl: string): Promise<void> {
  const api = createClient<paths>({ baseUrl });

  const login = await api.POST('/api/v1/auth/login', { body: { username: 'admin', password: 'correct horse battery' } });
  if (login.error) {
    const code: ErrorCode = login.error.code;
    const fields: string[] | undefined = login.error.errors?.map((e) => `${e.field}:${e.rule}`);
    void [code, fields];
    return;
  }
  const token: string = login.data.accessToken;
  const role: 'admin' | 'province_officer' | 'commune_worker' | 'clinic_staff' | 'facility_staff' = login.data.user.role;
  const authed = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  void role;

  const list = await authed.GET('/api/v1/persons', { params: { query: { page: 2, pageSize: 50, q: 'an', open: true } } });
  if (list.data) {
    const total: number = list.data.total;
    const caseCodes: string[] = list.data.items.map((p) => p.caseCode);
    void [total, caseCodes];
  }

  const created = await authed.POST('/api/v1/persons', {
    body: {
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1990-05-03',
      sex: 'male',
      residenceUnitId: '6f1c2a4e-0000-4000-8000-000000000000',
      status: 'using',
      registeredOn: '2025-03-01',
    },
  });
  if (!created.data) return;
  const person: Person = created.data;

  const changed = await authed.PATCH('/api/v1/persons/{id}', { params: { path: { id: person.id } }, body: { version: person.version, inDetention: true } });
  if (changed.error?.code === 'version_conflict') return;

  const enrollment = await authed.POST('/api/v1/persons/{id}/enrollments', {
    params: { path: { id: person.id } },
    body: { type: 'community', startDate: '2025-04-01' },
  });
  const plannedEnd: string | null | undefined = enrollment.data?.plannedEndDate;
  void plannedEnd;

  const report = await authed.GET('/api/v1/reports/coverage', { params: { query: { unitId: person.residenceUnitId, from: '2025-01-01', to: '2025-03-31' } } });
  const share: number | undefined = report.data?.children[0]?.share;
  void share;

  const health = await api.GET('/health');
  const database: 'up' | 'down' | undefined = health.data?.checks.database;
  void database;

  // @ts-expect-error sex is male or female
  await authed.POST('/api/v1/persons', { body: { ...created.data, sex: 'other' } });
  // @ts-expect-error the path needs its id
  await authed.GET('/api/v1/persons/{id}', {});
  // @ts-expect-error no such route
  await authed.GET('/api/v1/no-such-route');
}

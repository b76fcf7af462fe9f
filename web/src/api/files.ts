import { api, unwrap } from './client';
import { fileOf } from './endpoints';
import type { components, paths } from './schema';

/**
 * Imports and duplicate review: the calls the generated client does not make on its own (a
 * multipart upload, binary downloads saved as files) and the typed ones around them.
 */
type S = components['schemas'];
export type ImportSummary = S['ImportSummaryDto'];
export type ImportDetail = S['ImportDto'];
export type ImportRowError = S['ImportRowErrorDto'];
export type DuplicatePair = S['DuplicatePairDto'];
export type PairFile = S['PairFileDto'];
export type PairDecision = S['DecisionDto'];
type PairsQuery = NonNullable<paths['/api/v1/duplicates/pairs']['get']['parameters']['query']>;

export const importTemplate = async () => fileOf(await api.GET('/api/v1/imports/persons/template.xlsx', { parseAs: 'blob' }), 'mau-nhap-ho-so.xlsx');
export const importErrors = async (importId: string) =>
  fileOf(await api.GET('/api/v1/imports/{id}/errors.xlsx', { params: { path: { id: importId } }, parseAs: 'blob' }), 'loi-nhap.xlsx');

/** The register as multipart form data (field "file"); the browser writes the boundary. */
export const uploadImport = async (register: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('file', register, register.name);
  return unwrap(
    await api.POST('/api/v1/imports/persons', {
      params: { query: { dryRun } },
      body: form as unknown as { file: string },
    }),
  );
};
export const getImport = async (importId: string) => unwrap(await api.GET('/api/v1/imports/{id}', { params: { path: { id: importId } } }));
export const listImports = async (page: number, pageSize: number) =>
  unwrap(await api.GET('/api/v1/imports', { params: { query: { page, pageSize } } }));
export const getUser = async (userId: string) => unwrap(await api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } }));

export const listPairs = async (query: PairsQuery) => unwrap(await api.GET('/api/v1/duplicates/pairs', { params: { query } }));
export const decidePair = async (pairId: string, body: PairDecision) =>
  unwrap(await api.POST('/api/v1/duplicates/pairs/{id}/decision', { params: { path: { id: pairId } }, body }));
export const findDuplicates = async () => unwrap(await api.POST('/api/v1/duplicates/runs', { body: {} }));
export const duplicatesRun = async (jobId: string) =>
  unwrap(await api.GET('/api/v1/duplicates/runs/{jobId}', { params: { path: { jobId } } }));

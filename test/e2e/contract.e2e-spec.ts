/**
 * The contract check of test/support/contract.ts, which every e2e response goes through, fails on
 * drift: an undocumented status, field, missing field, wrong format or content type.
 */
import { randomUUID } from 'node:crypto';
import { buildOpenApiDocument } from '../../src/openapi.js';
import { ContractChecker } from '../support/contract.js';

const JSON_TYPE = 'application/json; charset=utf-8';

describe('the contract check', () => {
  let contract: ContractChecker;
  beforeAll(async () => {
    contract = new ContractChecker(await buildOpenApiDocument());
  });

  const facility = () => ({ id: randomUUID(), code: 'MMT-1', name: 'Cơ sở Methadone', type: 'methadone_clinic', adminUnitId: randomUUID() });

  it('passes a documented answer', () => {
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 200, JSON_TYPE, facility())).toEqual([]);
    expect(contract.check('GET', '/api/v1/facilities?page=2', 200, JSON_TYPE, { items: [facility()], total: 21, page: 2, pageSize: 20 })).toEqual([]);
    expect(contract.check('GET', '/health', 200, JSON_TYPE, { status: 'ok', checks: { database: 'up', redis: 'up' } })).toEqual([]);
    expect(contract.check('POST', '/api/v1/auth/logout', 204, '', '')).toEqual([]);
  });

  it('fails a field the document does not name, a missing one, a wrong type or format', () => {
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 200, JSON_TYPE, { ...facility(), createdAt: new Date().toISOString() })).toEqual([
      expect.stringContaining('must NOT have additional properties (createdAt)'),
    ]);
    const { code: _code, ...noCode } = facility();
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 200, JSON_TYPE, noCode)).toEqual([expect.stringContaining("must have required property 'code'")]);
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 200, JSON_TYPE, { ...facility(), type: 'bar' })).toEqual([
      expect.stringContaining('must be equal to one of the allowed values'),
    ]);
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 200, JSON_TYPE, { ...facility(), id: 'not-a-uuid' })).toEqual([
      expect.stringContaining('must match format "uuid"'),
    ]);
    expect(contract.check('GET', '/api/v1/facilities', 200, JSON_TYPE, { items: [{ ...facility(), extra: 1 }], total: 1, page: 1, pageSize: 20 })).toEqual([
      expect.stringContaining('body/items/0 must NOT have additional properties (extra)'),
    ]);
  });

  it('nullable fields take null, and only where documented', () => {
    const user = { id: randomUUID(), username: 'u1', fullName: null, role: 'admin', adminUnitId: null, facilityId: null, active: true, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    expect(contract.check('GET', `/api/v1/users/${user.id}`, 200, JSON_TYPE, user)).toEqual([]);
    expect(contract.check('GET', `/api/v1/users/${user.id}`, 200, JSON_TYPE, { ...user, username: null })).not.toEqual([]);
    expect(contract.check('GET', `/api/v1/users/${user.id}`, 200, JSON_TYPE, { ...user, createdAt: 'yesterday' })).not.toEqual([]);
  });

  it('fails a status the operation does not document, and an error body without its code', () => {
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 409, JSON_TYPE, { statusCode: 409, error: 'Conflict', code: 'conflict', message: 'x' })).toEqual([
      expect.stringContaining('status 409 is not documented for getFacility'),
    ]);
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 404, JSON_TYPE, { statusCode: 404, error: 'Not Found', message: 'facility not found' })).toEqual([
      expect.stringContaining("must have required property 'code'"),
    ]);
    expect(contract.check('GET', `/api/v1/facilities/${randomUUID()}`, 404, JSON_TYPE, { statusCode: 404, error: 'Not Found', code: 'no_such_code', message: 'x' })).not.toEqual([]);
  });

  it('an unknown route answers the error shape; a file route its documented content type', () => {
    expect(contract.check('GET', '/api/v1/nope', 404, JSON_TYPE, { statusCode: 404, error: 'Not Found', code: 'not_found', message: 'Cannot GET /api/v1/nope' })).toEqual([]);
    expect(contract.check('GET', '/api/v1/nope', 200, JSON_TYPE, {})).toEqual([expect.stringContaining('no operation in the document')]);
    expect(contract.check('GET', '/api/v1/imports/persons/template.xlsx', 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('PK'))).toEqual([]);
    expect(contract.check('GET', '/api/v1/imports/persons/template.xlsx', 200, 'text/html', '<html>')).toEqual([expect.stringContaining('content type text/html is not documented')]);
    expect(contract.check('POST', '/api/v1/auth/logout', 204, JSON_TYPE, { ok: true })).toEqual([expect.stringContaining('the document says no body')]);
  });
});

/**
 * Issue 17: every error carries a stable machine `code` beside statusCode, error and message; a
 * validation error names each field and the rule it broke; the document lists every code.
 */
import { ErrorCode } from '../../src/common/errors/app-error.js';
import { createPerson, personBody, personsCast, type PersonsCast } from '../support/persons-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('error codes', () => {
  let t: TestApp;
  let c: PersonsCast;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2025-06-15T05:00:00Z'));
    c = await personsCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a validation error is validation_failed and names each field and rule', async () => {
    const res = await t.as(c.admin.token).post('/api/v1/persons', personBody(c.w.c1.id, { dateOfBirth: '2025-02-30', residenceUnitId: 'x', extra: 1 }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'validation_failed' });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'dateOfBirth', rule: 'isCalendarDate', message: 'dateOfBirth must be a real date written YYYY-MM-DD' },
        { field: 'residenceUnitId', rule: 'isUuid', message: expect.stringContaining('residenceUnitId') },
        { field: 'extra', rule: 'whitelistValidation', message: 'property extra should not exist' },
      ]),
    );
    // The messages stay what they were, one per field error.
    expect(res.body.message).toEqual(res.body.errors.map((e: { message: string }) => e.message));
  });

  it('a rule checked by the service names its field too', async () => {
    const res = await t.as(c.admin.token).post('/api/v1/persons', personBody(c.w.c1.id, { dateOfBirth: '2030-01-01' }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toContainEqual({ field: 'dateOfBirth', rule: 'businessRule', message: 'must not be in the future' });
  });

  it('a path id that is not a UUID names `id`', async () => {
    const res = await t.as(c.admin.token).get('/api/v1/persons/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'id', rule: 'isUuid', message: 'id must be a UUID' }]);
  });

  it('401 unauthorized, 403 forbidden, 404 not_found', async () => {
    const none = await t.http.get('/api/v1/persons');
    expect(none.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'unauthorized', message: 'missing, invalid or expired access token' });
    const role = await t.as(c.clinicP.token).post('/api/v1/persons', personBody(c.w.c1.id));
    expect(role.status).toBe(403);
    expect(role.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'forbidden' });
    const missing = await t.as(c.admin.token).get('/api/v1/persons/6f1c2a4e-0000-4000-8000-000000000000');
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'not_found', message: 'person not found' });
    const route = await t.as(c.admin.token).get('/api/v1/no-such-route');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('not_found');
  });

  it('409 version_conflict for a stale version', async () => {
    const p = await createPerson(t, c.admin.token, c.w.c1.id);
    expect((await t.as(c.admin.token).patch(`/api/v1/persons/${p.id}`, { version: p.version, inDetention: true })).status).toBe(200);
    const stale = await t.as(c.admin.token).patch(`/api/v1/persons/${p.id}`, { version: p.version, inDetention: false });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'version_conflict' });
  });

  it('a body that is not JSON is bad_request; a wrong content type unsupported_media_type', async () => {
    const bad = await t.as(c.admin.token).raw('POST', '/api/v1/persons', '{"fullName":', 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'bad_request' });
    const type = await t.as(c.admin.token).raw('POST', '/api/v1/persons', 'fullName=x', 'text/csv');
    expect(type.status).toBe(415);
    expect(type.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
  });

  it('the document lists every code in the ErrorCode enum and every error body refers to ErrorResponseDto', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    expect([...doc.components.schemas.ErrorCode.enum].sort()).toEqual(Object.values(ErrorCode).sort());
    expect(doc.components.schemas.ErrorResponseDto.required).toEqual(['statusCode', 'error', 'code', 'message']);
  });
});

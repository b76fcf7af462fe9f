import { startTestApp, type TestApp } from '../support/test-app.js';
import { admin } from '../support/factories.js';

describe('foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports database and redis up on /health, outside the /api/v1 prefix', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('answers an unknown route with a JSON 404 in the error shape', async () => {
    const res = await t.http.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(typeof res.body.message).toBe('string');
  });

  it('refuses a protected route without a token (default deny)', async () => {
    const res = await t.http.get('/api/v1/users');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('answers malformed JSON with 400', async () => {
    const res = await t.http.raw('POST', '/api/v1/auth/login', '{"username": "a",', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('names every invalid and unknown field in a validation 400', async () => {
    const { token } = await admin(t);
    const res = await t.as(token).post('/api/v1/admin-units', { code: 'bad code!', level: 'planet', extra: 1 });
    expect(res.status).toBe(400);
    const messages: string[] = res.body.message;
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('code'),
        expect.stringContaining('name'),
        expect.stringContaining('level'),
        'property extra should not exist',
      ]),
    );
  });

  it('rejects a malformed path id with 400 naming id, not a database error', async () => {
    const { token } = await admin(t);
    const res = await t.as(token).get('/api/v1/admin-units/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual([expect.stringContaining('id')]);
  });

  it('serves the OpenAPI document and UI', async () => {
    const doc = await t.http.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths).toHaveProperty('/api/v1/auth/login');
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
  });

  it('sets security headers and a request id', async () => {
    const res = await t.http.get('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

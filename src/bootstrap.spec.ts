import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { helmetHeaders, SECURITY_HEADER_OPTIONS } from './bootstrap.js';

describe('security headers worked out once', () => {
  it('are the headers @fastify/helmet sets on an answer with the same options', async () => {
    const app = Fastify();
    await app.register(fastifyHelmet, SECURITY_HEADER_OPTIONS);
    app.get('/', async () => ({ ok: true }));
    const headers: Record<string, string> = {};
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      (await fetch(url)).headers.forEach((value, name) => (headers[name] = value));
    } finally {
      await app.close();
    }
    const { set, removed } = helmetHeaders(SECURITY_HEADER_OPTIONS);
    const ours = Object.fromEntries(set.map(([name, value]) => [name.toLowerCase(), value]));
    const theirs = Object.fromEntries(Object.entries(headers).filter(([name]) => name in ours));
    expect(Object.keys(ours).length).toBeGreaterThan(8);
    expect(theirs).toEqual(ours);
    expect(ours['content-security-policy']).toMatch(/default-src 'self'/);
    expect(ours['strict-transport-security']).toBeUndefined();
    expect(removed.map((n) => n.toLowerCase())).toContain('x-powered-by');
  });
});

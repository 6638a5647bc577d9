import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app';

describe('the OpenAPI document and the reference page', () => {
  it('describes every public route of API.md from the zod definitions', async () => {
    const { app } = makeTestApp();
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const spec = await res.json();
    expect(spec.openapi).toBe('3.1.0');
    const paths = Object.keys(spec.paths);
    for (const path of [
      '/health',
      '/api/conversations',
      '/api/conversations/{id}',
      '/api/conversations/{id}/messages',
      '/api/conversations/{id}/events',
      '/api/conversations/{id}/handoff',
      '/api/conversations/{id}/contact',
      '/api/conversations/{id}/rating',
      '/api/auth/login',
      '/api/admin/users',
      '/api/operator/queue',
      '/api/operator/conversations/{id}',
      '/api/operator/conversations/{id}/claim',
      '/api/operator/conversations/{id}/messages',
      '/api/operator/conversations/{id}/transfer',
      '/api/operator/conversations/{id}/resolve',
      '/api/operator/conversations/{id}/release',
      '/api/operator/events',
    ]) {
      expect(paths, path).toContain(path);
    }
    const post = spec.paths['/api/conversations/{id}/messages'].post;
    expect(post.requestBody.content['application/json'].schema).toBeDefined();
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '413', '429']));
    // Limits and states the routes really answer with are declared too.
    expect(Object.keys(spec.paths['/api/conversations/{id}/contact'].post.responses)).toEqual(expect.arrayContaining(['413', '429']));
    expect(Object.keys(spec.paths['/api/conversations/{id}/typing'].post.responses)).toContain('429');
    expect(Object.keys(spec.paths['/api/operator/conversations/{id}/typing'].post.responses)).toContain('409');
    expect(spec.components.securitySchemes).toHaveProperty('visitorToken');
    expect(spec.components.securitySchemes).toHaveProperty('staffToken');
  });

  it('serves a self-contained reference page at /docs', async () => {
    const { app } = makeTestApp();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/openapi.json');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    // No inline script or style: the page is as strict as the others.
    expect(html).not.toMatch(/<script>|<style>/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await app.request('/docs.js')).status).toBe(200);
  });

  it('answers /health with the store and knowledge-base state', async () => {
    const { app } = makeTestApp();
    expect(await (await app.request('/health')).json()).toEqual({ ok: true, store: { kind: 'memory', ok: true }, kb: { articles: 0 } });
  });
});

// Finding of issue #16: 415 was answered but declared nowhere.
describe('body errors in the OpenAPI document', () => {
  it('declares 413 and 415 on every operation with a JSON body, and a 415 answer is the envelope', async () => {
    const { app } = makeTestApp();
    const spec = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    const withBody = Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.requestBody).map(([method, op]) => ({ path, method, op })));
    expect(withBody.length).toBeGreaterThan(10);
    for (const { path, method, op } of withBody) {
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
    }
    const res = await app.request('/api/conversations', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });
});

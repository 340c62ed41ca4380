// The built UI is served at `/` next to the API, with the same security headers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createDriver } from '../../server/neo4j.js';
import { appFor } from './support.js';

describe('static web UI', () => {
  const driver = createDriver({ uri: 'bolt://127.0.0.1:1' });
  afterAll(() => driver.close());
  const webDir = mkdtempSync(join(tmpdir(), 'roer-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Roer</title>');
  writeFileSync(join(webDir, 'main.js'), 'console.log(1)');
  const app = appFor(driver, {}, { webDir });

  it('when / or a client-side route is asked, then index.html comes back, never cached stale, with the CSP', async () => {
    for (const path of ['/', '/explore/app-1']) {
      const response = await request(app).get(path);
      expect([path, response.status]).toEqual([path, 200]);
      expect(response.text).toContain('<title>Roer</title>');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
    expect((await request(app).get('/')).headers['cache-control']).toBe('no-cache');
    expect((await request(app).get('/main.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('when an unknown /api path is asked, then it is a problem+json 404, not the UI', async () => {
    const response = await request(app).get('/api/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});

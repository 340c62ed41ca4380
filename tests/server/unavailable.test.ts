// Neo4j down: every database-backed endpoint answers 503 with Retry-After within seconds, never hangs.
import request from 'supertest';
import { createDriver } from '../../server/neo4j.js';
import { appFor } from './support.js';

describe('when Neo4j cannot be reached', () => {
  // Port 1 on loopback: nothing listens, the connection is refused.
  const driver = createDriver({ uri: 'bolt://127.0.0.1:1' });
  const app = appFor(driver);
  afterAll(() => driver.close());

  it('when readiness is asked, then 503 with Retry-After, and liveness still 200', async () => {
    const started = Date.now();
    const ready = await request(app).get('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.headers['content-type']).toMatch(/problem\+json/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await request(app).get('/api/health')).status).toBe(200);
  });

  it('when data is asked, then 503 problem+json with Retry-After within the driver retry time', async () => {
    for (const path of ['/api/organisations', '/api/graph', '/api/analyses/lock-in', '/api/search?q=zaak']) {
      const started = Date.now();
      const response = await request(app).get(path);
      expect([path, response.status]).toEqual([path, 503]);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body.detail).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|at .+\.js/);
      expect(Date.now() - started).toBeLessThan(12_000);
    }
  }, 60_000);
});

// Lock-in weights set over HTTP live in Neo4j: every server on the database uses them, a restart keeps
// them, cached answers follow them, and GET's answer can be sent back as it is.
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { defaultLockInWeights } from '../../server/analyses/lock-in.js';
import { listAudit } from '../../server/audit.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture } from './support.js';

const WEIGHTS = '/api/settings/lock-in-weights';
const HEADERS = { 'x-roer-request': '1' };

describe('lock-in weights stored in the database', () => {
  let driver: Driver;
  let otherDriver: Driver;
  let app: ReturnType<typeof appFor>;
  let other: ReturnType<typeof appFor>;
  beforeAll(() => {
    driver = testDriver();
    // A second server: its own driver, services and caches, on the same database.
    otherDriver = testDriver();
    app = appFor(driver);
    other = appFor(otherDriver);
  });
  afterAll(async () => {
    await driver.close();
    await otherDriver.close();
  });
  beforeEach(async () => {
    await resetDatabase(driver);
    await loadFixture(driver);
  });

  const lockInWeight = async (server: ReturnType<typeof appFor>) => (await request(server).get('/api/analyses/lock-in?organisation=gm1')).body.summary.weights.outsideEu;
  const nodeFactor = async (server: ReturnType<typeof appFor>) =>
    (await request(server).get('/api/nodes/app%3Agm1%2Fa1')).body.lockIn.factors.find((factor: { factor: string }) => factor.factor === 'outsideEu').weight;

  it('when one server stores weights, then another server and a restarted one use them, cached answers included', async () => {
    const defaults = defaultLockInWeights();
    expect([await lockInWeight(other), await nodeFactor(other)]).toEqual([defaults.weights.outsideEu, defaults.weights.outsideEu]);
    const put = await request(app).put(WEIGHTS).set(HEADERS).send({ weights: { outsideEu: 37 } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(expect.objectContaining({ $source: 'database', $updatedBy: 'local', weights: { ...defaults.weights, outsideEu: 37 } }));

    expect((await request(other).get(WEIGHTS)).body.weights.outsideEu).toBe(37);
    expect([await lockInWeight(other), await nodeFactor(other)]).toEqual([37, 37]);
    const restartedDriver = testDriver();
    try {
      expect((await request(appFor(restartedDriver)).get(WEIGHTS)).body.weights).toEqual({ ...defaults.weights, outsideEu: 37 });
    } finally {
      await restartedDriver.close();
    }

    expect((await request(other).delete(WEIGHTS).set(HEADERS)).body).toEqual(expect.objectContaining({ $source: 'defaults', weights: defaults.weights }));
    expect([await lockInWeight(app), await nodeFactor(app)]).toEqual([defaults.weights.outsideEu, defaults.weights.outsideEu]);
  });

  it('when the answer of GET is sent back with PUT, then it is accepted and nothing changes', async () => {
    const defaults = (await request(app).get(WEIGHTS)).body;
    expect(defaults).toEqual(expect.objectContaining({ $comment: expect.any(String), $source: 'defaults' }));
    const first = await request(app).put(WEIGHTS).set(HEADERS).send(defaults);
    expect(first.status).toBe(200);
    const { $source, $updatedBy, $updatedAt, ...stored } = first.body;
    expect([$source, $updatedBy, typeof $updatedAt]).toEqual(['database', 'local', 'string']);
    const { $comment: _comment, $source: _source, ...inForce } = defaults;
    expect(stored).toEqual(inForce);
    const again = await request(app).put(WEIGHTS).set(HEADERS).send(first.body);
    expect(again.status).toBe(200);
    expect(again.body.weights).toEqual(defaults.weights);
  });

  it('when weights are not valid, then 400 names the field, the weights stay, and the refusal is audited', async () => {
    const unknown = await request(app).put(WEIGHTS).set(HEADERS).send({ weights: { vendorMood: 5 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/^weights: .*vendorMood/);
    const negative = await request(app).put(WEIGHTS).set(HEADERS).send({ weights: { dependants: -1 }, dependantsCap: 'veel' });
    expect(negative.status).toBe(400);
    expect(negative.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['dependantsCap', 'weights.dependants']);
    expect((await request(app).get(WEIGHTS)).body.$source).toBe('defaults');
    const [entry] = await listAudit(driver, 1);
    expect(entry).toEqual(expect.objectContaining({ action: 'settings-change', object: 'lock-in-weights', result: expect.stringMatching(/^rejected: .*weights\.dependants/) }));
  });

  it('when two servers change different weights at the same moment, then both changes are kept', async () => {
    const factors = ['closedInterfaces', 'noExitPlan', 'noDataPortability', 'autoRenewed', 'supplierHosts', 'dependants'];
    const answers = await Promise.all(factors.map((factor, i) => request(i % 2 ? app : other).put(WEIGHTS).set(HEADERS).send({ weights: { [factor]: 50 + i } })));
    expect(answers.map(answer => answer.status)).toEqual(factors.map(() => 200));
    const { weights } = (await request(app).get(WEIGHTS)).body;
    expect(factors.map(factor => weights[factor])).toEqual(factors.map((_, i) => 50 + i));
    expect((await listAudit(driver, 10)).filter(entry => entry.action === 'settings-change')).toHaveLength(factors.length);
  });
});

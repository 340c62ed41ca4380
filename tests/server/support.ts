// Shared by the API tests: a config, an app over the real test Neo4j, and a tiny landscape loaded
// through the real import pipeline.
import type { Driver } from 'neo4j-driver';
import supertest from 'supertest';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { createApp, type Services } from '../../server/app.js';
import { read } from '../../server/neo4j.js';
import { Config } from '../../server/config.js';
import { REQUEST_HEADER } from '../../server/request-guard.js';

export const testConfig = (env: Record<string, string> = {}) => Config.parse({ ROER_DEMO: 'none', ...env });

/** supertest as the web UI calls the API: every request carries `X-Roer-Request: 1`, without which a change is refused. */
export const request = (app: Parameters<typeof supertest>[0]) => supertest.agent(app).set(REQUEST_HEADER, '1');
/** So `request.Test` and `request.Response` still name supertest's types. */
export declare namespace request {
  type Test = supertest.Test;
  type Response = supertest.Response;
}

export const appFor = (driver: Driver, env: Record<string, string> = {}, services?: Partial<Services>) => createApp({ driver, config: testConfig(env), services });

/**
 * Two organisations sharing supplier s1; a1 and a2 realise the same reference component; a4's name
 * starts with '=' (a formula, were it not neutralised); i1 goes via the broker a2.
 */
export const fixture = () =>
  Landscape.parse({
    suppliers: [
      { id: 's1', name: 'Acme B.V.', group: 'Acme Holding' },
      { id: 's2', name: 'Hostco' },
      { id: 's3', name: 'Beta Software' },
    ],
    platforms: [{ id: 'p1', name: 'Rekencentrum', type: 'data-centre', supplier: 's2', jurisdiction: 'NL' }],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem Noord', supplier: 's1', platform: 'p1', criticality: 'high', referenceComponents: 'Zaaksysteem', businessFunctions: 'Dienstverlening' },
      { id: 'a2', organisation: 'gm1', name: 'Makelaar', supplier: 's1', criticality: 'critical' },
      { id: 'a3', organisation: 'gm1', name: 'Basisregistratie Personen', supplier: 's3', referenceComponents: 'Zaaksysteem' },
      { id: 'a4', organisation: 'gm1', name: '=HYPERLINK("http://evil")', supplier: 's3' },
      { id: 'b1', organisation: 'gm2', name: 'Zaakregie Zuid', supplier: 's1', criticality: 'low' },
    ],
    interfaces: [
      { id: 'i1', organisation: 'gm1', from: 'a3', to: 'a1', via: 'a2', standard: 'StUF-BG' },
      { id: 'i2', organisation: 'gm1', from: 'a4', to: 'a1', standard: 'eigen koppeling' },
    ],
    contracts: [
      { id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a1|a2', start: '2024-01-01', end: '2027-03-31', noticeMonths: '1', autoRenew: 'ja', annualValue: '€ 1.234,56' },
      { id: 'c2', organisation: 'gm2', supplier: 's1', applications: 'b1', start: '2024-01-01', end: '2027-12-31', noticeMonths: '6', annualValue: '1000' },
    ],
  });

export async function loadFixture(driver: Driver, source = 'csv:fixture'): Promise<void> {
  const report = await importLandscape(driver, fixture(), { source, user: 'test' });
  if (!report.ok) throw new Error(`fixture did not import: ${JSON.stringify(report.issues)}`);
}

/** Sorted uids of the nodes `source` asserts: what a wiping import would change. */
export const sourceNodes = async (driver: Driver, source = 'csv:fixture') =>
  (await read<{ uid: string }>(driver, 'MATCH (n:Entity) WHERE any(stamp IN n.runs WHERE stamp STARTS WITH $prefix) RETURN n.uid AS uid ORDER BY uid', { prefix: `${source}#` })).map(row => row.uid);

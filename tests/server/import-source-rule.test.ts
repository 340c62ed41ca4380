// A source name the server refuses: its rule comes in both languages as "English / Nederlands", with
// no " / " inside either half (the pages split the detail there, web/src/errors.ts).
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

describe('the source name rule', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
  });
  afterAll(() => driver.close());

  it('when a source name with spaces is sent, then the answer says the rule in English and Dutch, split once', async () => {
    const response = await request(appFor(driver)).post('/api/imports').field('source', 'Leveranciers test B').attach('files', Buffer.from('id,name\nacme,Acme B.V.\n'), 'suppliers.csv');
    expect(response.status).toBe(400);
    const parts = String(response.body.detail).split(' / ');
    expect(parts).toEqual([
      'source: only letters, digits and . _ : @ - or a slash, no spaces, e.g. csv:gemeente-roerdam',
      'bronnaam: alleen letters, cijfers en . _ : @ - of een schuine streep, zonder spaties, bijv. csv:gemeente-roerdam',
    ]);
  });
});

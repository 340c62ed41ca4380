// Search text → Lucene query: bounded however long the text, and still finding by prefix and typo.
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { MAX_SEARCH_WORDS, luceneQuery } from '../../server/routes/graph.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture } from './support.js';

describe('search', () => {
  it('when the text has ten words, then only the first six count, each once, with one typo allowed per word', () => {
    const query = luceneQuery('Zaaksysteem Noord zaaksysteem Belastingen Vergunningen Burgerzaken Documentbeheer Makelaarsuite Leverancier Rekencentrum');
    expect(query.split(' AND ')).toHaveLength(MAX_SEARCH_WORDS);
    expect(query).toBe([
      '(zaaksysteem^5 OR zaaksysteem*^3 OR zaaksysteem~1^0.5)', '(noord^5 OR noord*^3 OR noord~1^0.5)', '(belastingen^5 OR belastingen*^3 OR belastingen~1^0.5)',
      '(vergunningen^5 OR vergunningen*^3 OR vergunningen~1^0.5)', '(burgerzaken^5 OR burgerzaken*^3 OR burgerzaken~1^0.5)', '(documentbeheer^5 OR documentbeheer*^3 OR documentbeheer~1^0.5)',
    ].join(' AND '));
    expect(luceneQuery('Makelaer')).toBe('(makelaer^5 OR makelaer*^3 OR makelaer~2^0.5)');
  });

  describe('over HTTP', () => {
    let driver: Driver;
    let app: ReturnType<typeof appFor>;
    beforeAll(async () => {
      driver = testDriver();
      await resetDatabase(driver);
      await loadFixture(driver);
      app = appFor(driver);
    });
    afterAll(() => driver.close());

    it('when a long search repeats its words, then it is answered as the words once and finds the node', async () => {
      const response = await request(app).get('/api/search').query({ q: Array.from({ length: 10 }, () => 'zaaksysteem noord').join(' ') });
      expect(response.status).toBe(200);
      expect(response.body.results.map((result: { uid: string }) => result.uid)).toEqual(['app:gm1/a1']);
    });

    it('when a search has more than six words, then the ones after the sixth do not narrow it', async () => {
      const response = await request(app).get('/api/search').query({ q: 'zaaksysteem noord z n za no nergens' });
      expect(response.body.results.map((result: { uid: string }) => result.uid)).toEqual(['app:gm1/a1']);
      const seven = await request(app).get('/api/search').query({ q: 'zaaksysteem noord een twee drie vier vijf' });
      expect(seven.body.results).toEqual([]);
    });
  });
});

// Search text → Lucene query: bounded however long the text (tests/server/api.test.ts searches over HTTP).
import { MAX_SEARCH_WORDS, luceneQuery } from '../../server/routes/graph.js';

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
});

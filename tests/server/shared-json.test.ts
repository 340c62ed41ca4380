import { jsonOnce, withOriginal } from '../../server/shared-json.js';

describe('jsonOnce', () => {
  it('when copies of one cached answer are sent, then it is serialised once and copies changed by a caller do not leak', () => {
    const original = { rows: [{ uid: 'a', score: 1 }], summary: { total: 1 } };
    let builds = 0;
    const build = (value: object) => (builds++, { name: 'lock-in', ...value });
    const first = withOriginal({ ...original, rows: [...original.rows] }, original);
    const second = withOriginal({ ...original, rows: [...original.rows] }, original);
    second.rows.push({ uid: 'b', score: 2 });
    expect(jsonOnce(first, build)).toBe('{"name":"lock-in","rows":[{"uid":"a","score":1}],"summary":{"total":1}}');
    expect(jsonOnce(second, build)).toBe(jsonOnce(first, build));
    expect(builds).toBe(1);
    expect(Object.keys(first)).toEqual(['rows', 'summary']);
  });

  it('when a value is not a copy, then it is its own original', () => {
    const view = { nodes: [1, 2], edges: [] };
    expect(jsonOnce(view)).toBe(JSON.stringify(view));
    expect(jsonOnce({ ...view })).toBe(JSON.stringify(view));
  });
});

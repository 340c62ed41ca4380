import { once } from 'node:events';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { jsonPieces, sendJsonOnce, STREAM_ABOVE, withOriginal } from '../../server/shared-json.js';

/** An answer shaped like what-if's: many rows, and a summary holding a long list of its own. */
const bigAnswer = (rows: number) => ({
  name: 'what-if',
  skippedKey: undefined,
  rows: Array.from({ length: rows }, (_, i) => ({ uid: `application:gm${i % 7}/a${i}`, name: i % 11 ? `Zaak "${i}" ✓` : null, hops: i % 5, failed: i % 2 === 0, gone: undefined, when: new Date(Date.UTC(2026, 0, 1 + (i % 300))) })),
  summary: {
    today: '2026-11-29',
    interfacesBroken: Array.from({ length: Math.floor(rows / 2) }, (_, i) => ({ uid: `interface:gm/i${i}`, failedEnds: i % 3 ? ['from'] : ['from', 'to'], holes: [undefined, () => 1] })),
    empty: [],
    nested: { deeper: Array.from({ length: 1_203 }, (_, i) => i), custom: { toJSON: (key: string) => `custom:${key}` } },
    dropped: () => 'functions are not JSON',
  },
});

describe('jsonPieces', () => {
  it.each([
    ['a large answer, cut into pieces', bigAnswer(3_001)],
    ['a small answer, in one piece', bigAnswer(3)],
    ['an array at the top', Array.from({ length: 1_234 }, (_, i) => ({ i, s: String(i) }))],
    ['an object with only undefined values', { a: undefined, b: undefined, list: Array.from({ length: 600 }, () => undefined) }],
    ['a scalar', 'één'],
  ])('when %s is written, then the text is exactly what JSON.stringify makes', (_what, value) => {
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
  });

  it('when an answer has thousands of rows, then no piece holds more than a small part of it', () => {
    const value = bigAnswer(20_000);
    const pieces = [...jsonPieces(value)];
    const whole = JSON.stringify(value).length;
    expect(pieces.length).toBeGreaterThan(50);
    expect(Math.max(...pieces.map(piece => piece.length))).toBeLessThan(whole / 50);
  });
});

describe('sendJsonOnce over HTTP', () => {
  let server: ReturnType<express.Express['listen']>;
  let base: string;
  const finished: string[] = [];
  const answers = { small: bigAnswer(10), large: bigAnswer(STREAM_ABOVE) };
  // One cached answer, handed out as copies (what the analyses' answer cache does).
  const original = { rows: [{ uid: 'a', score: 1 }], summary: { total: 1 } };
  let builds = 0;

  beforeAll(async () => {
    const app = express();
    app.get('/copy/:n', (req, res, next) => {
      const copy = withOriginal({ ...original, rows: [...original.rows] }, original);
      if (req.params.n === '2') copy.rows.push({ uid: 'b', score: 2 }); // a caller changed its copy
      sendJsonOnce(res, copy, value => (builds++, { name: 'lock-in', ...value })).catch(next);
    });
    app.get('/view', (_req, res, next) => void sendJsonOnce(res, { nodes: [1, 2], edges: [] }).catch(next));
    app.get('/:size', (req, res, next) => {
      const size = req.params.size as keyof typeof answers;
      sendJsonOnce(res, answers[size]).then(() => finished.push(size), next);
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(done => server.close(done)));

  it('when copies of one cached answer are sent, then it is serialised once and a copy changed by a caller does not leak', async () => {
    const first = await (await fetch(`${base}/copy/1`)).text();
    const second = await (await fetch(`${base}/copy/2`)).text();
    expect(first).toBe('{"name":"lock-in","rows":[{"uid":"a","score":1}],"summary":{"total":1}}');
    expect(second).toBe(first);
    expect(builds).toBe(1);
  });

  it('when a value is not a copy, then it is its own original', async () => {
    expect(await (await fetch(`${base}/view`)).text()).toBe('{"nodes":[1,2],"edges":[]}');
  });

  it('when an answer is small, then it is sent in one piece with its length', async () => {
    const response = await fetch(`${base}/small`);
    expect(response.headers.get('content-length')).not.toBeNull();
    expect(await response.text()).toBe(JSON.stringify(answers.small));
  });

  it('when an answer is sent in one piece, then its ETag is the one express makes of the same body, and a matching If-None-Match gets 304', async () => {
    const response = await fetch(`${base}/small`);
    const body = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('etag')).toBe(express().get('etag fn')(Buffer.from(body), undefined));
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request, and that asks for the body.
    const status = await new Promise<number>((resolve, reject) =>
      get(`${base}/small`, { headers: { 'If-None-Match': response.headers.get('etag')! } }, reply => (reply.resume(), resolve(reply.statusCode!))).on('error', reject));
    expect(status).toBe(304);
  });

  it('when an answer holds more array elements than the limit, then it is streamed, and the client gets exactly its JSON', async () => {
    const response = await fetch(`${base}/large`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    expect(await response.text()).toBe(JSON.stringify(answers.large));
  });

  it('when the client goes away in the middle of a streamed answer, then the server stops writing and goes on serving', async () => {
    const before = finished.filter(size => size === 'large').length;
    const controller = new AbortController();
    const response = await fetch(`${base}/large`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the first piece arrived; the rest waits for the client to read
    controller.abort();
    await reader.read().catch(() => undefined);
    for (let i = 0; i < 100 && finished.filter(size => size === 'large').length === before; i++) await new Promise(done => setTimeout(done, 50));
    expect(finished.filter(size => size === 'large').length).toBe(before + 1);
    expect(await (await fetch(`${base}/small`)).json()).toEqual(JSON.parse(JSON.stringify(answers.small)));
  });
});

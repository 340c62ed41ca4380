// The README and docs/ link to each other, to source files and to bench/results; the API's problem documents link
// to docs/api.md#problem-<slug>. A moved section or a renamed file must not leave a link pointing nowhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZodError } from 'zod';
import { ConflictError, CrossSiteError, ForbiddenError, InputError, NotFoundError, TooLargeError, UnauthorizedError, UnavailableError, UnknownHostError } from '../../server/errors.js';
import { toProblem } from '../../server/routes/problem.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter(name => name.endsWith('.md')).map(name => `docs/${name}`)];

const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, '');
/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(file: string): Set<string> {
  const text = withoutCode(readFileSync(join(root, file), 'utf8'));
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    const repeat = seen.get(slug) ?? 0;
    seen.set(slug, repeat + 1);
    anchors.add(repeat ? `${slug}-${repeat}` : slug);
  }
  for (const [, id] of text.matchAll(/<a id="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

/** Relative links, pictures included, as [file, link, target file, anchor]. */
function linksOf(file: string): [string, string, string, string | undefined][] {
  const text = withoutCode(readFileSync(join(root, file), 'utf8')).replace(/`[^`\n]*`/g, 'code');
  return [...text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map(match => match[1])
    .filter(link => !/^[a-z]+:/.test(link))
    .map(link => {
      const [path, anchor] = link.split('#');
      return [file, link, path ? relative(root, join(root, dirname(file), path)) : file, anchor];
    });
}

describe('README and docs', () => {
  it('when a document links to a file or a section, then that file and section exist', () => {
    const links = documents.flatMap(linksOf);
    expect(links.length).toBeGreaterThan(30);
    const broken = links.filter(([, , target, anchor]) => !existsSync(join(root, target)) || (anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(anchor)));
    expect(broken.map(([file, link]) => `${file}: ${link}`)).toEqual([]);
  });

  it('when the API answers with a problem document, then its type links to a row of docs/api.md', () => {
    const errors: unknown[] = [
      new ZodError([]), new InputError('x'), new UnauthorizedError('x'), new ForbiddenError('x'), new CrossSiteError('x'),
      new UnknownHostError('x'), new NotFoundError('x'), new ConflictError('x'), new TooLargeError('x'), new UnavailableError('x'),
      Object.assign(new Error('x'), { code: 'ServiceUnavailable' }), Object.assign(new Error('x'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' }),
      new Error('x'),
    ];
    const types = [...new Set(errors.map(error => toProblem(error, '/api/x').type))];
    expect(types).toHaveLength(11);
    const anchors = anchorsOf('docs/api.md');
    for (const type of types) {
      const [, path, anchor] = /^https:\/\/github\.com\/roer\/roer\/blob\/main\/(.+)#(.+)$/.exec(type) ?? [];
      expect([path, anchor, anchors.has(anchor)]).toEqual(['docs/api.md', anchor, true]);
    }
  });
});

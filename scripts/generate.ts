// `npm run demo -- --size municipality|region|country --out <dir> [--dialect en|nl] [--seed n] [--municipalities n]`:
// writes the five canonical CSV files of a fictional landscape (deterministic by seed).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SEED } from '../importers/demo/generate.js';
import { writeGeneratedCsv } from '../importers/demo/write-csv.js';

const usage = 'Usage: npm run demo -- --size municipality|region|country --out <dir> [--dialect en|nl] [--seed n] [--municipalities n]';

const Args = z.object({
  size: z.enum(['municipality', 'region', 'country'], { error: '--size must be municipality, region or country' }).default('municipality'),
  out: z.string({ error: '--out <dir> is required' }).min(1, '--out <dir> is required'),
  dialect: z.enum(['en', 'nl'], { error: '--dialect must be en or nl' }).default('en'),
  seed: z.coerce.number({ error: '--seed must be a whole number' }).int('--seed must be a whole number').default(DEFAULT_SEED),
  municipalities: z.coerce.number({ error: '--municipalities must be a whole number' }).int().min(1).max(450).optional(),
});

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { size: { type: 'string' }, out: { type: 'string' }, dialect: { type: 'string' }, seed: { type: 'string' }, municipalities: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map(issue => issue.message).join('\n')}\n${usage}`);
    return 1;
  }
  const { out, dialect, ...options } = parsed.data;
  const started = performance.now();
  const counts = await writeGeneratedCsv(options, out, { dialect });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(', ')} to ${out} in ${seconds} s (seed ${options.seed}, ${dialect}).`);
  return 0;
}

main().then(
  code => process.exit(code),
  error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

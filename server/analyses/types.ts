// The contract between analyses (server/analyses/*.ts, cypher/analyses/*.cypher) and their callers
// (API routes, exports, UI, benchmarks).
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';

export type Row = Record<string, unknown>;

export type AnalysisResult = {
  /** Plain JSON rows: what the CSV/XLSX exports flatten. */
  rows: Row[];
  /** Optional extra sections (e.g. HHI summaries next to per-supplier rows). */
  summary?: Record<string, unknown>;
};

export type AnalysisDefinition<P extends z.ZodType = z.ZodType> = {
  name: string;
  title: string;
  description: string;
  /** Validates and coerces query-string parameters; also the source of the OpenAPI parameters. */
  params: P;
  run: (driver: Driver, params: z.infer<P>) => Promise<AnalysisResult>;
  /** The shape of the answer, when documented: the 200 response of its OpenAPI operation. */
  result?: z.ZodType;
};

/** Said by an answer that leaves something out (never silently): why, how much is shown, how much there is. */
export const Cut = z.object({
  reason: z.enum(['maxHops', 'limit']).meta({ description: 'maxHops: dependencies were followed only so far; limit: only so many rows' }),
  maxHops: z.number().int().optional(),
  limit: z.number().int().optional(),
  shown: z.number().int().meta({ description: 'Rows in this answer' }),
  total: z.number().int().meta({ description: 'Rows without the cut' }),
}).meta({ description: 'Present when the answer was cut; null when it is complete' });
export type Cut = z.infer<typeof Cut>;

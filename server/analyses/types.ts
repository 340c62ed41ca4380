// The contract between analyses (server/analyses/*.ts, cypher/analyses/*.cypher) and their callers
// (API routes, exports, UI, benchmarks).
import type { Driver } from 'neo4j-driver';
import type { z } from 'zod';

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
};

// What every route module gets: the one driver, the config, the pluggable services (analyses, import
// pipeline, web build; wired by main.ts or a test) and the route registry the OpenAPI document is built from.
import type { Driver } from 'neo4j-driver';
import type { z } from 'zod';
import type { IcsOptions } from '../analyses/ics.js';
import type { AnalysisDefinition } from '../analyses/types.js';
import type { Config } from '../config.js';
import type { Progress } from '../../importers/import.js';
import type { RouteSpec } from './registry.js';

export type UploadedFile = { name: string; bytes: Buffer };
/** How far an import is: `done` of `total` table rows. */
export type { Progress as ImportProgress } from '../../importers/import.js';
export type ImportOptions = {
  source?: string; user: string; dryRun: boolean; allowRemovals?: boolean; maxRemovalShare?: number; sizeLimitBytes?: number; transactionRows?: number; onProgress?: (progress: Progress) => void;
  /** For an ArchiMate model (and a portfolio without a municipality column): whose landscape it is. */
  organisation?: string;
  /** Whether the uploader may replace the shared GEMMA catalogue (admin). */
  mayReplaceCatalogue?: boolean;
};
export type ImportFiles = (driver: Driver, files: UploadedFile[], options: ImportOptions) => Promise<unknown>;

export type LockInWeights = {
  load: (driver: Driver) => Promise<unknown>;
  /** `weights` null goes back to the defaults; `by` names who changed them. */
  set: (driver: Driver, weights: unknown, by: string) => Promise<unknown>;
  /** Validates a PUT body; when absent the setter validates. */
  schema?: z.ZodType;
};

export type Services = {
  analyses: AnalysisDefinition[];
  importFiles?: ImportFiles;
  listImportRuns?: (driver: Driver) => Promise<unknown[]>;
  lockInWeights?: LockInWeights;
  /** Contract-calendar rows → an iCalendar file (the analyses' own writer when installed). */
  calendarIcs?: (rows: Record<string, unknown>[], now?: Date, options?: IcsOptions) => string;
  /** Folder of built static web files to serve at `/`. */
  webDir?: string;
};

export type AppContext = { driver: Driver; config: Config; services: Services; registry: RouteSpec[] };

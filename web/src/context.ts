// What pages share: the chosen organisations, navigation, and a memory of fetched graphs.
import type { Graph } from './types.js';

export type Page = 'explorer' | 'exposure' | 'calendar' | 'spof' | 'sovereignty' | 'report' | 'import';

export type Context = {
  organisations: () => string[];
  /** Go to a page; `params` end up in the hash query (e.g. focus=<uid>). */
  navigate: (page: Page, params?: Record<string, string>) => void;
  params: () => URLSearchParams;
  graphCache: Map<string, Graph>;
  /** After an import that wrote something: what lists organisations (the selector) reads them again. */
  onImported?: () => void;
};

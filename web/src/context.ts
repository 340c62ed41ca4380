// What pages share: the chosen organisations, navigation, and a memory of fetched graphs.
import type { Graph } from './types.js';

export type Page = 'explorer' | 'exposure' | 'calendar' | 'spof' | 'sovereignty' | 'common-ground' | 'ictfoto' | 'algorithms' | 'report' | 'changes' | 'import' | 'data-quality';

export type Context = {
  organisations: () => string[];
  /** Chooses the organisations (as the header's selector does) and shows the page again. */
  chooseOrganisations: (ids: string[]) => void;
  /** Go to a page; `params` end up in the hash query (e.g. focus=<uid>). */
  navigate: (page: Page, params?: Record<string, string>) => void;
  params: () => URLSearchParams;
  graphCache: Map<string, Graph>;
  /** After an import that wrote something: what lists organisations (the selector) reads them again. */
  onImported?: () => void;
};

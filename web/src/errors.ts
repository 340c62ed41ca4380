// No silent failures: every error a page meets is shown in the page, in the chosen language. A page
// shows an error where it happened (`errorText`); `act` wraps a control's handler so a failure is
// reported in the page's message area instead of getting lost, and main.ts reports anything that
// still escapes (an unhandled rejection) the same way.
import { ApiError } from './api.js';
import { h } from './dom.js';
import { language, t, type MessageKey } from './i18n.js';
import { inputCheckText, inputProblemText } from './input-words.js';

const STATUS_TEXT: Record<number, MessageKey> = {
  401: 'error.401', 403: 'error.403', 404: 'error.404', 409: 'error.409', 413: 'error.413', 422: 'error.422', 503: 'error.503',
};

/**
 * The server writes its details as "English / Nederlands" (server/routes/problem.ts); people read the
 * part in their language. A detail in one language is shown as it is.
 */
export function localDetail(detail: string): string {
  const parts = detail.split(' / ');
  if (parts.length !== 2) return detail;
  return language() === 'nl' ? parts[1] : parts[0];
}

/** What went wrong, for people: what it means in their language, then the server's detail. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    // The user's own input refused: what is wrong with which field, in their words, not "the request to the server".
    if (error.status === 400) return inputProblemText(error.body) ?? inputCheckText(error.message);
    const meaning = t(STATUS_TEXT[error.status] ?? (error.status >= 500 ? 'error.500' : 'common.error'), { message: '' }).replace(/:\s*$/, '');
    // A 500's detail says nothing the user can act on; the meaning already says where to look.
    const detail = error.status >= 500 ? '' : localDetail(error.message);
    return detail && detail !== meaning ? `${meaning}: ${detail}` : meaning;
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return t('error.network');
  return t('common.error', { message: error instanceof Error ? error.message : String(error) });
}

let sink: HTMLElement | null = null;

/** Where reported errors go: main.ts gives the page's alert region on every render. */
export const setErrorRegion = (region: HTMLElement) => { sink = region; };

/** Shows an error in the page's alert region, with a button to dismiss it. */
export function reportError(error: unknown): void {
  if (!sink) return;
  const item = h('p', { class: 'message error' }, errorText(error), ' ',
    h('button', { type: 'button', class: 'icon', 'aria-label': t('error.close'), onclick: () => item.remove() }, '×'));
  sink.append(item);
}

/** A control's handler whose failure is shown in the page instead of being lost. */
export function act<E extends Event>(handler: (event: E) => unknown): (event: E) => void {
  return event => {
    try {
      void Promise.resolve(handler(event)).catch(reportError);
    } catch (error) {
      reportError(error);
    }
  };
}

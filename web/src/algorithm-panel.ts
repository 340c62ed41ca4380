// The algorithms of one application, for the side panel and the what-if answer: in the panel, fetched
// when it opens (GET /api/algorithms?application=…) and left out when there are none; in an impact
// answer, the algorithms that stop with what is down.
import type { AlgorithmEntry, RunningAlgorithm } from '../../server/algorithms.js';
import { getJson } from './api.js';
import { h } from './dom.js';
import { formatNumber, language, t, tn, type MessageKey } from './i18n.js';
import { expandableList } from './lists.js';

/** A panel section that fills itself once the application's algorithms arrive; hidden when it has none. */
export function applicationAlgorithms(uid: string): HTMLElement {
  const list = h('div', { id: 'panel-algorithms' });
  const section = h('section', { hidden: true }, h('h3', {}, t('algo.panel')), list);
  getJson<{ algorithms: AlgorithmEntry[] }>('/api/algorithms', { application: uid }).then(({ algorithms }) => {
    const shown = algorithms
      .map(a => ({ a, m: a.matches.find(m => m.target === uid && m.state !== 'rejected') }))
      .filter((x): x is { a: AlgorithmEntry; m: NonNullable<typeof x.m> } => x.m !== undefined && (x.m.state === 'confirmed' || x.m.confidence !== 'supplier'));
    if (shown.length === 0) return;
    section.hidden = false;
    list.append(expandableList(shown, ({ a, m }) => [
      h('strong', {}, a.name),
      h('span', { class: 'hint' }, ` — ${t(m.state === 'confirmed' ? 'algo.state.confirmed' : 'algo.state.likely')}`),
      a.highRisk ? h('span', { class: 'badge warn' }, ` ${t('algo.highRisk')}`) : a.impactful ? h('span', { class: 'badge' }, ` ${t('algo.impactful')}`) : '',
    ], { id: 'panel-algorithm-list', initial: 5, itemAttrs: ({ a }) => ({ 'data-uid': a.uid }) }));
  }, () => {});
  return section;
}

/**
 * "Algorithms that stop (n)" in an impact answer: on what fails directly; then those that only miss
 * data, said apart (a user saw the same algorithm "stop" in every what-if). Null when there are none.
 */
export function stoppingAlgorithms(algorithms: RunningAlgorithm[] | undefined, missingData: RunningAlgorithm[] | undefined, several: boolean): HTMLElement | null {
  if (!algorithms?.length && !missingData?.length) return null;
  return h('section', { id: 'what-if-algorithms' },
    algorithms?.length ? [h('h3', {}, t('algo.stopping', { n: formatNumber(algorithms.length) })), h('p', { class: 'hint' }, t('algo.stoppingHint')),
      algorithmList(algorithms, several, 'what-if-algorithm-list')] : null,
    missingData?.length ? [h('h3', {}, t('algo.missingData', { n: formatNumber(missingData.length) })), h('p', { class: 'hint' }, t('algo.missingDataHint')),
      algorithmList(missingData, several, 'what-if-algorithm-data-list')] : null);
}

/** After the answer: " 2 algoritmes missen gegevens." (empty when none). */
export function missingDataClause(algorithms: RunningAlgorithm[] | undefined): string {
  return algorithms?.length ? ` ${tn('algo.answerData', algorithms.length, { n: formatNumber(algorithms.length) })}` : '';
}

export function algorithmList(algorithms: RunningAlgorithm[], several: boolean, id: string): HTMLElement {
  return expandableList(algorithms, a => [
    h('strong', {}, a.name),
    a.highRisk ? h('span', { class: 'badge warn' }, ` ${t('algo.highRisk')}`) : a.impactful ? h('span', { class: 'badge' }, ` ${t('algo.impactful')}`) : '',
    h('span', { class: 'hint' }, ` — ${[several ? a.organisationName : '', t(`algo.state.${a.link}` as MessageKey), t('algo.via', { names: a.applications.map(x => x.name).join(', ') })].filter(Boolean).join(' · ')}`),
  ], { id, initial: 5, itemAttrs: a => ({ 'data-uid': a.uid, 'data-link': a.link }) });
}

/** After the answer sentence: " Algoritmes die stoppen: A, B en 2 andere." (empty when none stop). */
export function stoppingClause(algorithms: RunningAlgorithm[] | undefined): string {
  if (!algorithms?.length) return '';
  const names = algorithms.map(a => a.name);
  const shown = names.length > 3 ? [...names.slice(0, 3), t('algo.more', { n: formatNumber(names.length - 3) })] : names;
  return ` ${t('algo.answerStop', { list: new Intl.ListFormat(language() === 'nl' ? 'nl' : 'en', { type: 'conjunction' }).format(shown) })}`;
}

// The algorithms from the Algoritmeregister and the review of their links to applications and
// suppliers: GET the list (with confidence), POST a decision (editor role; audited like every write).
import type { Router } from 'express';
import { AlgorithmsQuery, DecisionBody, MatchesQuery, decide, listAlgorithms, listMatches } from '../algorithms.js';
import { audited, requestAttempt } from '../audit.js';
import { principalOf } from '../auth.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';

export function registerAlgorithmRoutes(router: Router, { driver, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    {
      method: 'get', path: '/api/algorithms', tag: 'algorithms', role: 'viewer', query: AlgorithmsQuery, responses: [400],
      summary: 'Algorithms from the Algoritmeregister of the chosen organisations, each with the applications and suppliers its text names (confidence exact, normalised or supplier; the words matched) and the review decisions; plus the register organisations not found in the landscape',
    },
    ({ query }) => listAlgorithms(driver, query),
  );
  addRoute(
    router,
    registry,
    {
      method: 'get', path: '/api/algorithm-matches', tag: 'algorithms', role: 'viewer', query: MatchesQuery, responses: [400],
      summary: 'Every proposed or decided link algorithm → application or supplier as one row, with its confidence and state (open, confirmed, rejected)',
    },
    ({ query }) => listMatches(driver, query),
  );
  addRoute(
    router,
    registry,
    {
      method: 'post', path: '/api/algorithm-matches', tag: 'algorithms', role: 'editor', body: DecisionBody, responses: [400, 403, 404],
      summary: 'Confirm or reject that an algorithm runs on an application (or comes from a supplier); `open` withdraws the decision. Decisions are kept apart from the imported facts: a re-import of the register keeps them',
    },
    async ({ body }, req, res) => {
      const user = principalOf(res)?.name ?? 'anonymous';
      return audited(driver, requestAttempt(req, res, 'algorithm-review', `${body.algorithm} → ${body.target}`), () => decide(driver, body, user), () => ({ details: { decision: body.decision } }));
    },
  );
}

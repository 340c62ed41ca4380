// The first time a Neo4j process runs a statement, it plans it first: 30–400 ms for each of an import's
// statements, about 2.7 s of the first 1 % re-import of the country (docs/performance-history.md). A
// write knows its statements once its load is planned, before it runs them; while its transaction runs
// the first ones, a transaction of its own asks Neo4j to EXPLAIN the others, which plans them into
// Neo4j's query cache on the other core. EXPLAIN runs nothing, and nothing waits for it: a statement not
// planned ahead is planned when it runs.
//
// What Neo4j 5.26 keys a plan by (measured): the text, each parameter's type, the size of each list
// parameter by powers of ten (planned with 2 rows, 10 ran without planning and 50 did not), and whether
// the transaction has written anything yet. So the statements are planned with as many rows as they
// will run with, in a transaction that has created one node it never commits.
import type { Driver, Transaction } from 'neo4j-driver';
import { database } from '../server/neo4j.js';

/** A statement and parameters of the types and list sizes it will run with. */
export type Statement = { text: string; params: Record<string, unknown> };
export type PlanAhead = (statements: Statement[]) => void;

const planKey = ({ text, params }: Statement) =>
  `${text}\u0000${Object.entries(params).map(([name, value]) => `${name}:${Array.isArray(value) ? value.length : typeof value}`).sort().join(',')}`;

/**
 * A planner for one write: `ahead` queues statements (each once) to be planned, the last queued first
 * (the write comes to them last, and runs the first ones itself meanwhile); `stop` lets the one being
 * planned finish, drops the rest and rolls its transaction back (nothing it did is ever committed).
 */
export function planAhead(driver: Driver): { ahead: PlanAhead; planned: () => Promise<void>; stop: () => Promise<void> } {
  const session = driver.session({ database: database() });
  const seen = new Set<string>();
  const queue: Statement[] = [];
  let working: Promise<void> | null = null;
  let stopped = false;
  let tx: Promise<Transaction> | null = null;
  const begin = async () => {
    const transaction = session.beginTransaction();
    await transaction.run('CREATE ()');
    return transaction;
  };
  const work = async () => {
    try {
      const transaction = await (tx ??= begin());
      for (let next = queue.pop(); next && !stopped; next = queue.pop()) await transaction.run(`EXPLAIN ${next.text}`, next.params);
    } catch {
      // A help, never a need: a statement not planned here is planned when it runs, and fails there if it must.
      stopped = true;
    }
    working = null;
  };
  return {
    ahead: statements => {
      for (const statement of statements) {
        const key = planKey(statement);
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(statement);
      }
      if (!stopped) working ??= work();
    },
    /** Once what was queued is planned (or planning stopped). */
    planned: async () => {
      while (working) await working;
    },
    stop: async () => {
      stopped = true;
      queue.length = 0;
      try {
        await working;
        await tx?.then(transaction => transaction.rollback());
      } catch {
        // Closed under it (the driver closed): nothing of it was committed.
      }
      await session.close().catch(() => {});
    },
  };
}

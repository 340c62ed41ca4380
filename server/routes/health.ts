// Liveness and readiness; public, so a load balancer or systemd can probe them without a token.
import type { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { UnavailableError } from '../errors.js';
import { database } from '../neo4j.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';

const READY_TIMEOUT_MS = 3_000;

/** Neo4j answers a query within a few seconds (getServerInfo does not retry, unlike executeQuery). */
export async function checkReady(driver: Driver): Promise<{ neo4j: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`Neo4j did not answer within ${READY_TIMEOUT_MS / 1000} s / Neo4j antwoordt niet`)), READY_TIMEOUT_MS);
  });
  try {
    const info = await Promise.race([driver.getServerInfo({ database: database() }), timeout]);
    return { neo4j: `${info.agent ?? 'neo4j'} ${info.address ?? ''}`.trim() };
  } catch (error) {
    if (error instanceof UnavailableError) throw error;
    throw new UnavailableError('Neo4j cannot be reached / Neo4j is niet bereikbaar');
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(router: Router, { driver, registry }: AppContext): void {
  addRoute(router, registry, { method: 'get', path: '/api/health', summary: 'Liveness: the HTTP server runs', tag: 'health' }, () => ({ status: 'ok' }));
  addRoute(router, registry, { method: 'get', path: '/api/ready', summary: 'Readiness: Neo4j answers (503 otherwise)', tag: 'health', responses: [503] }, async () => ({
    status: 'ready',
    ...(await checkReady(driver)),
  }));
}

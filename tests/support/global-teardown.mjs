export default async function globalTeardown() {
  await globalThis.__roerNeo4jStop?.();
}

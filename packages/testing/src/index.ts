export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { createTestRedisNamespace, testRedisUrl } from './test-redis';
export type { TestRedisNamespace } from './test-redis';

export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { createTestRedisNamespace, testRedisUrl } from './test-redis';
export type { TestRedisNamespace } from './test-redis';
export { createMailboxClient, startMailCatcher } from './mail-catcher';
export type { CaughtMessage, MailCatcher, MailCatcherOptions } from './mail-catcher';
export { claimsForLogin, startOidcProvider } from './oidc-provider';
export type { OidcAccount, OidcClient, OidcProviderOptions, OidcStandIn } from './oidc-provider';

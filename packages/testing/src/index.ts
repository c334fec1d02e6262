export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { createTestRedisNamespace, testRedisUrl } from './test-redis';
export type { TestRedisNamespace } from './test-redis';
export { createMailboxClient, startMailCatcher } from './mail-catcher';
export type { CaughtMessage, MailCatcher, MailCatcherOptions } from './mail-catcher';
export { claimsForLogin, startOidcProvider } from './oidc-provider';
export type { OidcAccount, OidcClient, OidcProviderOptions, OidcStandIn } from './oidc-provider';
export {
  TEST_TOKEN_AUDIENCE,
  TEST_TOKEN_ISSUER,
  adminWith,
  startTestTokenIssuer,
  testCast,
} from './token-issuer';
export type { TestCast, TestPerson, TestTokenIssuer } from './token-issuer';
export { startTwitchApiStandIn } from './twitch-api-stand-in';
export type {
  TwitchApiStandIn,
  TwitchApiStandInOptions,
  TwitchStandInChannel,
} from './twitch-api-stand-in';
export { startYoutubeApiStandIn } from './youtube-api-stand-in';
export type {
  YoutubeApiStandIn,
  YoutubeApiStandInOptions,
  YoutubeStandInChannel,
} from './youtube-api-stand-in';
export { errorOf, failure } from './call-failures';
export type { CallFailure } from './call-failures';
export { castCallers, itFuzzesEveryProcedure, proceduresOf } from './fuzz';
export type { FuzzCallers, FuzzedService, FuzzFinding, FuzzTarget } from './fuzz';
export { fixedClock, runningClock, testInstants } from './test-clock';
export type { TestClock } from './test-clock';
export { adminProceduresOf, checkAdminAuthorization } from './admin-authorization-matrix';
export { callProcedure } from './call-procedure';
export type {
  AdminProcedure,
  AuthorizationOutcome,
  RouterWithProcedures,
} from './admin-authorization-matrix';
export {
  adminChallenge,
  enrolAdmin,
  signInAdminWithTotp,
  spendFreshTotpCode,
} from './admin-sign-in';
export type { AdminCredentials, AdminSignInClient } from './admin-sign-in';
export { freePort, serviceProcesses } from './service-process';
export type { ServiceProcess } from './service-process';
export { eventually } from './eventually';
export { startOtlpReceiver } from './otlp-receiver';
export type { OtlpReceiver, ReceivedSpan } from './otlp-receiver';
export { metricSample, scrapeMetric } from './metrics-scrape';

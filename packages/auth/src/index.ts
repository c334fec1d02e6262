export { createAuthOptions } from './auth-options';
export { SESSION_COOKIE, SIGNUP_ROLE_COOKIE } from './cookie-names';
export { SESSION_RENEW_PATH, sameOriginPath, signInUrl } from './session-routes';
export type { AuthOptionsConfig, OidcProviderConfig } from './auth-options';
export {
  portalDestination,
  portalForRole,
  portalNames,
  portalUrlsFrom,
  safeRedirect,
} from './portals';
export type { Portal, PortalUrls } from './portals';
export { decidePortalAccess, sessionRoleOf } from './portal-access';
export type { PortalAccess } from './portal-access';
export {
  EMAIL_NOT_VERIFIED_MESSAGE,
  accountLockedMessage,
  nextAuthErrorMessage,
  needsRefresh,
  refreshMarginMs,
  signInErrorMessage,
} from './session-tokens';
export type { SessionTokens, SessionUser } from './session-tokens';
export { authOptionsFromEnv } from './auth-options-from-env';

/** The session cookie every portal shares. */
export const SESSION_COOKIE = 'gt.session-token';
/** Set by the landing page before an OAuth sign-up, so a new account gets the role chosen. */
export const SIGNUP_ROLE_COOKIE = 'gt.signup-role';
/** Set for a few seconds after a forced session renewal, so a page that keeps failing cannot loop. */
export const SESSION_RENEWED_COOKIE = 'gt.session-renewed';

/** The session cookie every portal shares. */
export const SESSION_COOKIE = 'gt.session-token';
/** Set by the landing page before an OAuth sign-up, so a new account gets the role chosen. */
export const SIGNUP_ROLE_COOKIE = 'gt.signup-role';

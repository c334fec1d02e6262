'use client';

import { signOut } from 'next-auth/react';

export { SIGNUP_ROLE_COOKIE } from './cookie-names';
export { EMAIL_NOT_VERIFIED_MESSAGE } from './session-tokens';
export { portalDestination } from './portals';
export { secondStepOf } from './second-step';
export type { SecondStep } from './second-step';

/** Signs out of every portal (they share one session) and returns to the landing page. */
export function SignOutButton({
  landingUrl,
  className,
}: {
  landingUrl: string;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => void signOut({ callbackUrl: landingUrl })}
    >
      Sign out
    </button>
  );
}

import { ButtonLink } from '@gametriggers/ui';
import type { Metadata } from 'next';
import { AuthFrame } from '../../components/auth-frame';

export const metadata: Metadata = {
  title: 'Sponsor link no longer active — Gametriggers',
  robots: { index: false },
};

/**
 * Where a streamer's sponsor short link (`/r/<code>`) lands when it does not lead anywhere any
 * more: an unknown or mistyped code, or a sponsorship that was taken down.
 */
export default function LinkUnavailablePage() {
  return (
    <AuthFrame
      title="This sponsor link is no longer active"
      subtitle="The sponsorship it belonged to has ended, or the link was typed or scanned incompletely."
    >
      <p className="text-sm text-slate-600">
        If you followed it from a stream, the streamer&apos;s chat command or the code on screen will
        have the current link.
      </p>
      <div className="mt-6">
        <ButtonLink href="/">Go to Gametriggers</ButtonLink>
      </div>
    </AuthFrame>
  );
}

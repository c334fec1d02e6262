import { nextAuthErrorMessage } from '@gametriggers/auth';
import { AuthFrame } from '../../components/auth-frame';
import { SignInForm } from '../../components/sign-in-form';
import { siteSettings } from '../../site';

export const dynamic = 'force-dynamic';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; error?: string; callbackUrl?: string }>;
}) {
  const { email, error, callbackUrl } = await searchParams;
  return (
    <AuthFrame
      title="Sign in"
      subtitle={
        <>
          New here?{' '}
          <a className="font-medium text-brand-700 hover:underline" href="/sign-up">
            Create an account
          </a>
        </>
      }
    >
      <SignInForm
        settings={siteSettings()}
        initialEmail={email}
        initialError={nextAuthErrorMessage(error)}
        callbackUrl={callbackUrl}
      />
    </AuthFrame>
  );
}

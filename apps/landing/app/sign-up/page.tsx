import { AuthFrame } from '../../components/auth-frame';
import { SignUpForm } from '../../components/sign-up-form';
import { siteSettings } from '../../site';

export const dynamic = 'force-dynamic';

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ role?: string }>;
}) {
  const { role } = await searchParams;
  return (
    <AuthFrame
      title="Create your account"
      subtitle={
        <>
          Already have one?{' '}
          <a className="font-medium text-brand-700 hover:underline" href="/sign-in">
            Sign in
          </a>
        </>
      }
    >
      <SignUpForm
        settings={siteSettings()}
        initialRole={role === 'brand' || role === 'streamer' ? role : undefined}
      />
    </AuthFrame>
  );
}

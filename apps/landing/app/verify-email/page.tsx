import { Alert } from '@gametriggers/ui';
import { AuthFrame } from '../../components/auth-frame';
import { VerifyEmail } from '../../components/token-actions';
import { siteSettings } from '../../site';

export const dynamic = 'force-dynamic';

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthFrame title="Confirm your email">
      {token ? (
        <VerifyEmail gatewayUrl={siteSettings().gatewayUrl} token={token} />
      ) : (
        <Alert>This link is missing its token. Open the link from the email again.</Alert>
      )}
    </AuthFrame>
  );
}

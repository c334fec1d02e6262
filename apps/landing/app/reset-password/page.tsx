import { Alert } from '@gametriggers/ui';
import { AuthFrame } from '../../components/auth-frame';
import { ResetPasswordForm } from '../../components/token-actions';
import { siteSettings } from '../../site';

export const dynamic = 'force-dynamic';

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthFrame title="Choose a new password">
      {token ? (
        <ResetPasswordForm gatewayUrl={siteSettings().gatewayUrl} token={token} />
      ) : (
        <Alert>This link is missing its token. Ask for a new one.</Alert>
      )}
    </AuthFrame>
  );
}

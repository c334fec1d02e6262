import { AuthFrame } from '../../components/auth-frame';
import { ForgotPasswordForm } from '../../components/token-actions';
import { siteSettings } from '../../site';

export const dynamic = 'force-dynamic';

export default function ForgotPasswordPage() {
  return (
    <AuthFrame title="Reset your password" subtitle="We'll email you a link to choose a new one.">
      <ForgotPasswordForm gatewayUrl={siteSettings().gatewayUrl} />
    </AuthFrame>
  );
}

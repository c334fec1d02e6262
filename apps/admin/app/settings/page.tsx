import { Card, DetailList, PageHeader } from '@gametriggers/ui';
import { portal } from '../../portal';
import { regenerateRecoveryCodes } from './actions';
import { RecoveryCodesForm } from './recovery-codes-form';

export const dynamic = 'force-dynamic';

/** The signed-in admin's own account and two-factor state. */
export default async function SettingsPage() {
  const api = await portal.sessionApi();
  const [me, twoFactor] = await Promise.all([
    api.identity.me.query(),
    api.identity.twoFactor.status.query(),
  ]);
  return (
    <portal.Shell>
      <PageHeader title="Settings" description="Your admin account." />
      <DetailList
        items={[
          { label: 'Email', value: me.email },
          { label: 'Role', value: me.adminRole ?? me.role },
          {
            label: 'Two-factor sign-in',
            value: <span data-testid="two-factor-status">{twoFactor.enabled ? 'on' : 'off'}</span>,
          },
          {
            label: 'Recovery codes left',
            value: <span data-testid="recovery-codes-left">{twoFactor.recoveryCodesLeft}</span>,
          },
        ]}
      />
      {twoFactor.enabled ? (
        <Card className="mt-8">
          <h2 className="mb-1 text-lg font-semibold text-slate-900">Recovery codes</h2>
          <p className="mb-4 text-sm text-slate-600">
            Used up or lost them? Get ten new ones with a code from your authenticator app.
          </p>
          <RecoveryCodesForm regenerate={regenerateRecoveryCodes} />
        </Card>
      ) : null}
    </portal.Shell>
  );
}

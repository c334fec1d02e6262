import { DetailList, PageHeader } from '@gametriggers/ui';
import { portal } from '../../portal';

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
    </portal.Shell>
  );
}

import { Card } from '@gametriggers/ui';
import { portal } from '../../portal';
import { regenerateRecoveryCodes } from './actions';
import { RecoveryCodesForm } from './recovery-codes-form';

export const dynamic = 'force-dynamic';

/** The shared account settings, with the admin's own two-factor recovery codes. */
export default async function SettingsRoute() {
  const twoFactor = await (await portal.sessionApi()).identity.twoFactor.status.query();
  return (
    <portal.SettingsPage>
      <Card>
        <h2 className="mb-1 text-lg font-semibold text-slate-900">Recovery codes</h2>
        <p className="mb-4 text-sm text-slate-600">
          <span data-testid="recovery-codes-left">{twoFactor.recoveryCodesLeft}</span> left. Used
          up or lost them? Get ten new ones with a code from your authenticator app.
        </p>
        {twoFactor.enabled ? (
          <RecoveryCodesForm regenerate={regenerateRecoveryCodes} />
        ) : (
          <p className="text-sm text-slate-600">
            Two-factor sign-in is off: your next sign-in sets it up again.
          </p>
        )}
      </Card>
    </portal.SettingsPage>
  );
}

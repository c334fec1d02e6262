import { DetailList, PageHeader, ReasonConfirm } from '@gametriggers/ui';
import { portal } from '../../../portal';
import { reactivateUser, resetTwoFactor, suspendUser } from './actions';

export const dynamic = 'force-dynamic';

const day = (at: Date | null) => at?.toISOString().replace('T', ' ').slice(0, 16) ?? '—';

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const session = await portal.requirePermission('canManageUsers');
  const { userId } = await params;
  const user = await (await portal.sessionApi()).identity.users.get.query({ userId });
  const superAdmin = session.user.permissions.includes('canConfigureSystem');
  const mayChangeStatus = (!user.admin || superAdmin) && user.id !== session.user.id;
  return (
    <portal.Shell>
      <PageHeader title={user.email} description={user.name ?? undefined} />
      <div className="space-y-6">
        <DetailList
          items={[
            { label: 'Role', value: user.admin ? `admin (${user.admin.adminRole})` : user.role },
            { label: 'Status', value: <span data-testid="user-status">{user.status}</span> },
            ...(user.suspendedReason
              ? [{ label: 'Suspended because', value: user.suspendedReason }]
              : []),
            { label: 'Email confirmed', value: user.emailVerified ? 'yes' : 'no' },
            { label: 'Joined', value: day(user.createdAt) },
            { label: 'Last sign-in', value: day(user.lastLoginAt) },
            { label: 'Failed sign-ins in a row', value: String(user.failedLoginCount) },
            ...(user.admin
              ? [
                  { label: 'Two-factor', value: user.admin.twoFactorEnabled ? 'on' : 'not set up' },
                  { label: 'Permissions', value: user.admin.permissions.join(', ') || 'none' },
                ]
              : []),
          ]}
        />
        <div className="flex flex-wrap gap-3">
          {mayChangeStatus && user.status === 'active' ? (
            <ReasonConfirm
              label={user.admin ? 'Deactivate admin' : 'Suspend account'}
              title={`Suspend ${user.email}?`}
              description="They are signed out everywhere at once and cannot sign in until reactivated. A streamer's overlay stops showing ads."
              action={suspendUser.bind(null, user.id)}
              testId="suspend-user"
            />
          ) : null}
          {mayChangeStatus && user.status === 'suspended' ? (
            <ReasonConfirm
              label="Reactivate"
              variant="primary"
              title={`Reactivate ${user.email}?`}
              description="They can sign in again; a streamer's overlay resumes."
              action={reactivateUser.bind(null, user.id)}
              testId="reactivate-user"
            />
          ) : null}
          {superAdmin && user.admin?.twoFactorEnabled ? (
            <ReasonConfirm
              label="Reset two-factor"
              variant="secondary"
              title="Reset this admin's two-factor?"
              description="Their sessions end and their next sign-in sets up a new authenticator."
              action={resetTwoFactor.bind(null, user.id)}
              testId="reset-two-factor"
            />
          ) : null}
        </div>
      </div>
    </portal.Shell>
  );
}

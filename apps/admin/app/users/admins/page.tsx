import { defaultPermissionsByAdminRole } from '@gametriggers/tokens';
import { Card, EmptyState, LoadMore, PageHeader, ReasonConfirm, Table } from '@gametriggers/ui';
import { portal } from '../../../portal';
import { AccountLink } from '../account-link';
import { UsersTabs } from '../users-tabs';
import { createAdmin, updateAdmin } from './actions';
import { AdminAccessFields } from './admin-access-fields';
import { CreateAdminForm } from './create-admin-form';

export const dynamic = 'force-dynamic';

const day = (at: Date | null) => at?.toISOString().slice(0, 10) ?? 'never';

/** The admins, their roles, flags and second factor; super admins create them and change access. */
export default async function AdminsPage({
  searchParams,
}: {
  searchParams: Promise<{ sort?: string; cursor?: string }>;
}) {
  const session = await portal.requirePermission('canConfigureSystem');
  const params = await searchParams;
  const sort = params.sort === 'oldest' ? ('oldest' as const) : ('newest' as const);
  const page = await (
    await portal.sessionApi()
  ).identity.users.search.query({ role: 'admin', sort, cursor: params.cursor, limit: 25 });
  const superAdmin = session.user.adminRole === 'super_admin';
  const hrefWith = (changes: { sort?: string; cursor?: string }) =>
    `/users/admins?${new URLSearchParams({ sort, ...changes }).toString()}`;
  return (
    <portal.Shell>
      <PageHeader
        title="Users & admins"
        description="Who administers Gametriggers, with which role and permissions."
      />
      <UsersTabs current="admins" superAdmin={superAdmin} />
      {page.items.length === 0 ? (
        <EmptyState title="No admins">Create the first one below.</EmptyState>
      ) : (
        <Table
          caption="Admins"
          rows={page.items}
          rowKey={(user) => user.id}
          rowTestId="admin-row"
          phoneLayout="cards"
          sort={{
            key: 'joined',
            direction: sort === 'oldest' ? 'asc' : 'desc',
            href: (_key, direction) =>
              hrefWith({ sort: direction === 'asc' ? 'oldest' : 'newest' }),
          }}
          columns={[
            {
              header: 'Admin',
              cell: (user) => <AccountLink user={user} />,
            },
            {
              header: 'Role',
              cell: (user) => (
                <span data-testid="admin-role">{user.admin?.adminRole.replace('_', ' ')}</span>
              ),
            },
            {
              header: 'Permissions',
              cell: (user) => (
                <span className="text-xs text-slate-600">
                  {user.admin?.permissions.join(', ') || 'none'}
                </span>
              ),
            },
            {
              header: 'Two-factor',
              cell: (user) => (user.admin?.twoFactorEnabled ? 'on' : 'not set up'),
            },
            { header: 'Last sign-in', cell: (user) => day(user.lastLoginAt) },
            { header: 'Status', cell: (user) => user.status },
            { header: 'Joined', sortKey: 'joined', cell: (user) => day(user.createdAt) },
            {
              header: 'Access',
              cell: (user) =>
                user.admin && superAdmin ? (
                  <ReasonConfirm
                    label="Change role"
                    variant="secondary"
                    title={`Change ${user.email}'s role and permissions?`}
                    description="The new permissions reach their session within 15 minutes. The last active super admin cannot be demoted: make another admin a super admin first."
                    action={updateAdmin.bind(null, user.id)}
                    testId="change-admin-access"
                  >
                    <AdminAccessFields
                      flagsByRole={defaultPermissionsByAdminRole}
                      initialRole={user.admin.adminRole}
                      initialPermissions={user.admin.permissions}
                    />
                  </ReasonConfirm>
                ) : null,
            },
          ]}
        />
      )}
      <LoadMore href={page.nextCursor ? hrefWith({ cursor: page.nextCursor }) : null} />
      {superAdmin ? (
        <Card className="mt-8 p-6">
          <h2 className="mb-4 text-lg font-semibold text-slate-900">Create an admin</h2>
          <CreateAdminForm flagsByRole={defaultPermissionsByAdminRole} create={createAdmin} />
        </Card>
      ) : null}
    </portal.Shell>
  );
}

import { Button, EmptyState, Field, LoadMore, PageHeader, Select, Table } from '@gametriggers/ui';
import { portal } from '../../portal';
import { AccountLink } from './account-link';
import { UsersTabs } from './users-tabs';

export const dynamic = 'force-dynamic';

type Search = { search?: string; role?: string; status?: string; sort?: string; cursor?: string };

const roles = ['brand', 'streamer', 'admin'] as const;
const statuses = ['active', 'suspended'] as const;
const pick = <T extends string>(options: readonly T[], value: string | undefined) =>
  options.find((option) => option === value);

/** Every account, searched, filtered, sorted and paged by identity on the server. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await portal.requirePermission('canManageUsers');
  const params = await searchParams;
  const filters = {
    search: params.search?.trim() || undefined,
    role: pick(roles, params.role),
    status: pick(statuses, params.status),
    sort: params.sort === 'oldest' ? ('oldest' as const) : ('newest' as const),
  };
  const page = await (
    await portal.sessionApi()
  ).identity.users.search.query({ ...filters, cursor: params.cursor, limit: 25 });
  const hrefWith = (changes: Partial<Search>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...changes })) {
      if (value) query.set(key, value);
    }
    return `/users?${query.toString()}`;
  };
  return (
    <portal.Shell>
      <PageHeader
        title="Users & admins"
        description="Find an account, look at it, suspend or reactivate it."
      />
      <UsersTabs current="accounts" superAdmin={session.user.adminRole === 'super_admin'} />
      <form
        method="get"
        className="mb-6 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
        data-testid="users-filters"
      >
        <Field
          id="search"
          name="search"
          label="Email or name"
          defaultValue={filters.search ?? ''}
        />
        <Select
          id="role"
          name="role"
          label="Role"
          placeholder="Any role"
          defaultValue={filters.role ?? ''}
          options={roles.map((role) => ({ value: role, label: role }))}
        />
        <Select
          id="status"
          name="status"
          label="Status"
          placeholder="Any status"
          defaultValue={filters.status ?? ''}
          options={statuses.map((status) => ({ value: status, label: status }))}
        />
        <Button type="submit">Search</Button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title="No accounts match">Try another search or filter.</EmptyState>
      ) : (
        <Table
          caption="Accounts"
          rows={page.items}
          rowKey={(user) => user.id}
          rowTestId="user-row"
          phoneLayout="cards"
          sort={{
            key: 'joined',
            direction: filters.sort === 'oldest' ? 'asc' : 'desc',
            href: (_key, direction) =>
              hrefWith({ sort: direction === 'asc' ? 'oldest' : 'newest', cursor: undefined }),
          }}
          columns={[
            {
              header: 'Account',
              cell: (user) => <AccountLink user={user} />,
            },
            { header: 'Role', cell: (user) => user.admin?.adminRole ?? user.role },
            {
              header: 'Status',
              cell: (user) => (
                <span
                  data-testid="user-status"
                  className={user.status === 'suspended' ? 'font-semibold text-red-700' : ''}
                >
                  {user.status}
                </span>
              ),
            },
            {
              header: 'Joined',
              sortKey: 'joined',
              cell: (user) => user.createdAt.toISOString().slice(0, 10),
            },
            {
              header: 'Last sign-in',
              cell: (user) => user.lastLoginAt?.toISOString().slice(0, 10) ?? 'never',
            },
          ]}
        />
      )}
      <LoadMore href={page.nextCursor ? hrefWith({ cursor: page.nextCursor }) : null} />
    </portal.Shell>
  );
}

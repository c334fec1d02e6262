import { Tabs } from '@gametriggers/ui';

/** Accounts for anyone who manages users; the admins tab for super admins only. */
export function UsersTabs({
  current,
  superAdmin,
}: {
  current: 'accounts' | 'admins';
  superAdmin: boolean;
}) {
  if (!superAdmin) return null;
  return (
    <Tabs
      label="Users and admins"
      current={current}
      tabs={[
        { value: 'accounts', label: 'Accounts', href: '/users' },
        { value: 'admins', label: 'Admins', href: '/users/admins' },
      ]}
    />
  );
}

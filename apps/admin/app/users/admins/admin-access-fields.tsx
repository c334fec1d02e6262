'use client';

import { CheckboxGroup, Select } from '@gametriggers/ui';
import { useId, useState } from 'react';

export type RoleFlags = Record<string, readonly string[]>;

/**
 * A role and its permission flags: only the flags the chosen role may hold are offered, and
 * changing the role starts from that role's defaults.
 */
export function AdminAccessFields({
  flagsByRole,
  initialRole,
  initialPermissions,
  fieldErrors,
}: {
  flagsByRole: RoleFlags;
  initialRole: string;
  initialPermissions: readonly string[];
  fieldErrors?: Record<string, string[]>;
}) {
  const id = useId();
  const [role, setRole] = useState(initialRole);
  const [permissions, setPermissions] = useState<readonly string[]>(initialPermissions);
  const allowed = flagsByRole[role] ?? [];
  return (
    <>
      <Select
        id={`${id}-role`}
        name="adminRole"
        label="Role"
        value={role}
        onChange={(event) => {
          setRole(event.target.value);
          setPermissions(flagsByRole[event.target.value] ?? []);
        }}
        options={Object.keys(flagsByRole).map((value) => ({
          value,
          label: value.replace('_', ' '),
        }))}
        error={fieldErrors?.adminRole?.[0]}
      />
      <CheckboxGroup
        name="permissions"
        legend="Permissions"
        hint="Only what this role may hold."
        options={allowed.map((flag) => ({ value: flag, label: flag }))}
        value={permissions.filter((flag) => allowed.includes(flag))}
        onChange={setPermissions}
        error={fieldErrors?.permissions?.[0]}
      />
    </>
  );
}

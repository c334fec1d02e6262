import type { IdentityDb } from '../database';

/** The accounts behind a page of ids (unknown ids are left out); admins named as their colleagues know them. */
export async function accountNames(db: IdentityDb, userIds: readonly string[]) {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      admin: { select: { firstName: true, lastName: true } },
    },
  });
  return users.map((user) => ({
    userId: user.id,
    role: user.role,
    name: user.admin ? `${user.admin.firstName} ${user.admin.lastName}` : user.name,
    email: user.email,
  }));
}

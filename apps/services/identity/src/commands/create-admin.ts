/**
 * Creates an admin with a chosen role and permission flags (a subset of the role's defaults; all of
 * them when --permissions is left out), for a super admin operating the installation:
 *   pnpm --filter @gametriggers/identity-service create-admin -- --email a@b.co --password '…' \
 *     --username ada --first-name Ada --last-name Lovelace --role moderator \
 *     --permissions canVerifyBrands,canModerateContent
 * Inside the platform the same is `identity.admin.create`, callable by super admins.
 */
import { parseArgs } from 'node:util';
import { createIdentityDb } from '../database';
import { commandArgs } from './command-args';
import { createAdmin } from '../domain/admins';
import { createAdminInput } from '../schemas';

const { values } = parseArgs({
  args: commandArgs(),
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    username: { type: 'string' },
    'first-name': { type: 'string' },
    'last-name': { type: 'string' },
    role: { type: 'string' },
    permissions: { type: 'string' },
  },
});

const args = createAdminInput.safeParse({
  email: values.email,
  password: values.password,
  username: values.username,
  firstName: values['first-name'],
  lastName: values['last-name'],
  adminRole: values.role,
  permissions: values.permissions
    ?.split(',')
    .map((flag) => flag.trim())
    .filter(Boolean),
});
const databaseUrl = process.env.DATABASE_URL;
if (!args.success || !databaseUrl) {
  console.error(
    'Usage: DATABASE_URL=… create-admin --email … --password … --username … --first-name … --last-name … ' +
      '--role super_admin|admin|moderator|support [--permissions flag,flag,…]',
  );
  if (!args.success)
    for (const issue of args.error.issues)
      console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}

const db = createIdentityDb(databaseUrl);
try {
  const admin = await createAdmin({ db, now: () => new Date() }, args.data);
  console.warn(
    `Created ${admin.adminRole} ${admin.email} (${admin.userId}) with ${admin.permissions.join(', ') || 'no permissions'}.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

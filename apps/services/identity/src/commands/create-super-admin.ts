/**
 * Creates the first super admin:
 *   pnpm --filter @gametriggers/identity-service create-super-admin -- --email a@b.co --password '…' \
 *     --username ada --first-name Ada --last-name Lovelace
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createIdentityDb } from '../database';
import { commandArgs } from './command-args';
import { createAdmin } from '../domain/admins';
import { emailSchema, newPasswordSchema } from '../schemas';

const argsSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  username: z.string().trim().min(2).max(64),
  'first-name': z.string().trim().min(1).max(80),
  'last-name': z.string().trim().min(1).max(80),
});

const { values } = parseArgs({
  args: commandArgs(),
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    username: { type: 'string' },
    'first-name': { type: 'string' },
    'last-name': { type: 'string' },
  },
});

const args = argsSchema.safeParse(values);
const databaseUrl = process.env.DATABASE_URL;
if (!args.success || !databaseUrl) {
  console.error(
    'Usage: DATABASE_URL=… create-super-admin --email … --password … --username … --first-name … --last-name …',
  );
  if (!args.success)
    for (const issue of args.error.issues)
      console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}

const db = createIdentityDb(databaseUrl);
try {
  const admin = await createAdmin(
    { db, now: () => new Date() },
    {
      email: args.data.email,
      password: args.data.password,
      username: args.data.username,
      firstName: args.data['first-name'],
      lastName: args.data['last-name'],
      adminRole: 'super_admin',
    },
  );
  console.warn(`Created super admin ${admin.email} (${admin.userId}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

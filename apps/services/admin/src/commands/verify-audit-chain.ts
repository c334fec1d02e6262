/**
 * Verifies the whole audit chain and its signed checkpoints, and names the first broken entry:
 *   DATABASE_URL=…/gt_admin AUDIT_CHECKPOINT_KEY=… pnpm --filter @gametriggers/admin-service audit:verify
 * Exits 0 when the chain is intact, 1 when it is not, 2 on a usage error.
 */
import { z } from 'zod';
import { createAdminDb } from '../database';
import { verifyAuditChain } from '../domain/audit-verify';
import { checkpointKeyEnvShape } from '../env';

const settings = z
  .object({ ...checkpointKeyEnvShape, DATABASE_URL: z.string().min(1) })
  .safeParse(process.env);
if (!settings.success) {
  console.error('Usage: DATABASE_URL=… [AUDIT_CHECKPOINT_KEY=… AUDIT_CHECKPOINT_KEY_ID=…] audit:verify');
  for (const issue of settings.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}

const db = createAdminDb(settings.data.DATABASE_URL);
try {
  const report = await verifyAuditChain(db, {
    id: settings.data.AUDIT_CHECKPOINT_KEY_ID,
    secret: settings.data.AUDIT_CHECKPOINT_KEY,
  });
  if (report.firstBroken) {
    const { sequence, eventId, problem, message } = report.firstBroken;
    console.error(
      `Audit chain BROKEN at entry ${sequence}${eventId ? ` (event ${eventId})` : ''}: ${problem}. ${message}`,
    );
    process.exitCode = 1;
  } else {
    console.warn(
      `Audit chain intact: ${report.entriesChecked} entries, head ${report.head?.sequence ?? 'none'}, ${report.checkpointsChecked} checkpoints.`,
    );
  }
} finally {
  await db.$disconnect();
}

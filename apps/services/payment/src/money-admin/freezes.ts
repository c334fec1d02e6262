import type { MoneyFreezeInput, MoneyHolder } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import type { PaymentDeps } from '../deps';

export interface MoneyFreeze {
  reason: string;
  frozenBy: string;
  frozenAt: Date;
}

const frozenMessage: Record<MoneyHolder, { reason: string; message: string }> = {
  brand: {
    reason: 'wallet_frozen',
    message:
      "This brand's wallet is frozen by the platform: budgets cannot be reserved and refunds cannot be paid until it is unfrozen.",
  },
  streamer: {
    reason: 'earnings_frozen',
    message: "This streamer's earnings are frozen by the platform: nothing can be withdrawn until they are unfrozen.",
  },
};

export async function freezeOf(tx: PaymentSql, holder: MoneyHolder, ownerId: string): Promise<MoneyFreeze | null> {
  const rows = await tx.$queryRawUnsafe<MoneyFreeze[]>(
    `SELECT "reason", "frozenBy"::text AS "frozenBy", "frozenAt" FROM "money_freezes" WHERE "holder" = $1 AND "ownerId" = $2::uuid`,
    holder,
    ownerId,
  );
  return rows[0] ?? null;
}

/**
 * Refuses a money operation on a frozen wallet or earnings account. Shares the freeze row's lock,
 * so a freeze committing meanwhile waits for the operation (or the operation sees the freeze).
 */
export async function assertNotFrozen(tx: PaymentSql, holder: MoneyHolder, ownerId: string) {
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "money_freezes" WHERE "holder" = $1 AND "ownerId" = $2::uuid FOR SHARE`,
    holder,
    ownerId,
  );
  if (rows.length > 0) {
    const { reason, message } = frozenMessage[holder];
    throw new DomainError('precondition_failed', reason, message);
  }
}

/** How the audit log names what an admin changed. */
export const moneySubjectType: Record<MoneyHolder, string> = {
  brand: 'brand_wallet',
  streamer: 'streamer_earnings',
};

/** Freezes a brand's wallet or a streamer's earnings (again: the reason is replaced), audited. */
export async function freezeMoney(deps: PaymentDeps, admin: AdminActor, input: MoneyFreezeInput) {
  const now = deps.now();
  return deps.transaction(async (tx) => {
    const before = await freezeOf(tx, input.holder, input.ownerId);
    await tx.$executeRawUnsafe(
      `INSERT INTO "money_freezes" ("holder", "ownerId", "reason", "frozenBy", "frozenAt")
       VALUES ($1, $2::uuid, $3, $4::uuid, $5::timestamptz)
       ON CONFLICT ("holder", "ownerId") DO UPDATE SET "reason" = EXCLUDED."reason", "frozenBy" = EXCLUDED."frozenBy", "frozenAt" = EXCLUDED."frozenAt"`,
      input.holder,
      input.ownerId,
      input.reason,
      admin.adminId,
      now,
    );
    await recordAdminAction(tx, {
      actor: admin,
      permission: 'canViewFinancials',
      action: `payment.${moneySubjectType[input.holder]}.freeze`,
      subject: { type: moneySubjectType[input.holder], id: input.ownerId },
      before: { frozen: before !== null },
      after: { frozen: true },
      reason: input.reason,
      occurredAt: now,
    });
    return { holder: input.holder, ownerId: input.ownerId, frozen: true, frozenAt: now };
  });
}

/** Lifts a freeze; unfreezing what is not frozen is refused, so the audit log holds only real changes. */
export async function unfreezeMoney(deps: PaymentDeps, admin: AdminActor, input: MoneyFreezeInput) {
  const now = deps.now();
  return deps.transaction(async (tx) => {
    const lifted = await tx.$executeRawUnsafe(
      `DELETE FROM "money_freezes" WHERE "holder" = $1 AND "ownerId" = $2::uuid`,
      input.holder,
      input.ownerId,
    );
    if (lifted === 0) {
      throw new DomainError('precondition_failed', 'not_frozen', 'This account is not frozen.');
    }
    await recordAdminAction(tx, {
      actor: admin,
      permission: 'canViewFinancials',
      action: `payment.${moneySubjectType[input.holder]}.unfreeze`,
      subject: { type: moneySubjectType[input.holder], id: input.ownerId },
      before: { frozen: true },
      after: { frozen: false },
      reason: input.reason,
      occurredAt: now,
    });
    return { holder: input.holder, ownerId: input.ownerId, frozen: false, frozenAt: null };
  });
}

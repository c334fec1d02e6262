import {
  cursorParts,
  defaultPlatformConfig,
  keysetCursor,
  platformConfigSchema,
} from '@gametriggers/contracts';
import type {
  PlatformConfig,
  PlatformConfigKey,
  platformConfigHistoryInputSchema,
  updatePlatformConfigInputSchema,
} from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { z } from 'zod';
import type { AdminDb, AdminTx } from '../database';
import type { AdminDeps } from './deps';

export interface PlatformConfigVersion {
  version: number;
  values: PlatformConfig;
  changedBy: string | null;
  changedAt: Date | null;
}

// Version 0 is the built-in defaults, in force until the first change.
const defaultsVersion: PlatformConfigVersion = {
  version: 0,
  values: defaultPlatformConfig,
  changedBy: null,
  changedAt: null,
};

/**
 * The configuration in force. A setting added to the schema after the last change reads as its
 * default, so an older stored version stays valid.
 */
export async function currentPlatformConfig(db: AdminDb | AdminTx): Promise<PlatformConfigVersion> {
  const latest = await db.configVersion.findFirst({ orderBy: { version: 'desc' } });
  if (!latest) return defaultsVersion;
  return {
    version: latest.version,
    values: { ...defaultPlatformConfig, ...(latest.values as Partial<PlatformConfig>) },
    changedBy: latest.changedBy,
    changedAt: latest.changedAt,
  };
}

type UpdateInput = z.output<typeof updatePlatformConfigInputSchema>;

/**
 * A new version with the changes applied: refused when someone changed the configuration since the
 * admin read it, or when the result breaks a rule (a daily limit above the monthly one…). The
 * version, the `config.changed` event and the audit record are one transaction.
 */
export async function updatePlatformConfig(deps: AdminDeps, actor: AdminActor, input: UpdateInput) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4111002)`;
    const current = await currentPlatformConfig(tx);
    if (current.version !== input.expectedVersion) {
      throw new DomainError(
        'conflict',
        'config_changed_meanwhile',
        `The configuration was changed by someone else (now version ${current.version}). Reload it and make your change again.`,
      );
    }
    const checked = platformConfigSchema.safeParse({ ...current.values, ...input.changes });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new DomainError(
        'invalid',
        'config_invalid',
        issue?.message ?? 'These settings do not fit together.',
        { field: issue?.path.join('.') },
      );
    }
    const values = checked.data;
    const changedKeys = (Object.keys(input.changes) as PlatformConfigKey[]).filter(
      (key) => values[key] !== current.values[key],
    );
    if (changedKeys.length === 0) {
      throw new DomainError('invalid', 'config_unchanged', 'These are already the settings in force.');
    }
    const version = current.version + 1;
    await tx.configVersion.create({
      data: { version, values, changedKeys, changedBy: actor.adminId, changedAt: now, reason: input.reason },
    });
    await recordEvent(tx, 'config.changed', { version, values, changedKeys });
    await recordAdminAction(tx, {
      actor,
      permission: 'canConfigureSystem',
      action: 'admin.config.update',
      subject: { type: 'platform_config', id: String(version) },
      before: Object.fromEntries(changedKeys.map((key) => [key, current.values[key]])),
      after: Object.fromEntries(changedKeys.map((key) => [key, values[key]])),
      reason: input.reason,
      occurredAt: now,
    });
    return { version, values, changedBy: actor.adminId, changedAt: now };
  });
}

const historyCursor = keysetCursor('config-versions.newest', {
  version: cursorParts.integer(1),
});

/** Every version, newest first: who changed which settings, when and why. */
export async function platformConfigHistory(
  deps: AdminDeps,
  input: z.output<typeof platformConfigHistoryInputSchema>,
) {
  const position = historyCursor.decodeOptional(input.cursor);
  const rows = await deps.db.configVersion.findMany({
    where: position ? { version: { lt: position.version } } : {},
    orderBy: { version: 'desc' },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      version: row.version,
      values: { ...defaultPlatformConfig, ...(row.values as Partial<PlatformConfig>) },
      changedKeys: row.changedKeys,
      changedBy: row.changedBy,
      changedAt: row.changedAt,
      reason: row.reason,
    })),
    nextCursor: rows.length > input.limit && last ? historyCursor.encode({ version: last.version }) : null,
  };
}

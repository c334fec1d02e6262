import type { OverlayKeyResolution, OverlaySettingsInput } from '@gametriggers/contracts';
import { overlayChannel } from '@gametriggers/realtime';
import type { OverlaySettings as RealtimeOverlaySettings } from '@gametriggers/realtime';
import { DomainError } from '@gametriggers/trpc';
import type { Overlay } from '../generated/prisma/client';
import { isStreamerSuspended } from './delivery-projection';
import type { OverlayDeps } from './deps';
import { decryptOverlayKey, encryptOverlayKey, generateOverlayKey, hashOverlayKey } from './overlay-keys';
import type { OverlaySettings } from './overlay-settings';
import { realtimeSettingsOf, settingsOf } from './overlay-settings';

export interface OverlayView {
  overlayId: string;
  streamerId: string;
  /**
   * The whole secret key, for its owner only; null for admins, and for an overlay whose key was
   * made before keys were kept encrypted (regenerating gives it one).
   */
  key: string | null;
  keyPrefix: string;
  keyGeneratedAt: Date;
  live: boolean;
  settings: OverlaySettings;
  updatedAt: Date;
}

/** Who is reading: the streamer who owns the overlay sees its key, nobody else ever does. */
type Reader = 'owner' | 'admin';

/** The owner's key from its envelope; null when none is stored or it cannot be decrypted. */
function storedKeyOf(deps: OverlayDeps, overlay: Overlay): string | null {
  if (!overlay.keyCiphertext) return null;
  try {
    return decryptOverlayKey(deps.secrets, overlay.streamerId, overlay.keyCiphertext);
  } catch (error) {
    // E.g. the encryption key it names was dropped from OVERLAY_ENCRYPTION_KEYS: the overlay keeps
    // working by hash; its owner regenerates to see a link again.
    deps.log.warn({ err: error, overlayId: overlay.id }, 'overlay key could not be decrypted');
    return null;
  }
}

async function viewOf(deps: OverlayDeps, overlay: Overlay, reader: Reader): Promise<OverlayView> {
  const status = await deps.db.streamerLiveStatus.findUnique({ where: { streamerId: overlay.streamerId } });
  return {
    overlayId: overlay.id,
    streamerId: overlay.streamerId,
    key: reader === 'owner' ? storedKeyOf(deps, overlay) : null,
    keyPrefix: overlay.keyPrefix,
    keyGeneratedAt: overlay.keyGeneratedAt,
    live: status?.live ?? false,
    settings: settingsOf(overlay),
    updatedAt: overlay.updatedAt,
  };
}

/** The stored columns of a new key: its hash to look it up, its envelope for the owner, its prefix. */
function keyColumns(deps: OverlayDeps, streamerId: string) {
  const generated = generateOverlayKey();
  return {
    keyHash: generated.hash,
    keyCiphertext: encryptOverlayKey(deps.secrets, streamerId, generated.key),
    keyPrefix: generated.prefix,
    keyGeneratedAt: deps.now(),
  };
}

/** The streamer's overlay with its key, created on the first call. */
export async function getOrCreateOverlay(deps: OverlayDeps, streamerId: string): Promise<OverlayView> {
  const existing = await deps.db.overlay.findUnique({ where: { streamerId } });
  if (existing) return viewOf(deps, existing, 'owner');
  // Two first calls at once: one insert wins, and both read the winner's overlay.
  await deps.db.overlay.createMany({
    data: [{ streamerId, ...keyColumns(deps, streamerId) }],
    skipDuplicates: true,
  });
  const overlay = await deps.db.overlay.findUniqueOrThrow({ where: { streamerId } });
  return viewOf(deps, overlay, 'owner');
}

async function ownOverlay(deps: OverlayDeps, streamerId: string): Promise<Overlay> {
  await getOrCreateOverlay(deps, streamerId);
  return deps.db.overlay.findUniqueOrThrow({ where: { streamerId } });
}

/** A new key; the old one stops resolving (and authorizing the overlay channel) at once. */
export async function regenerateOverlayKey(deps: OverlayDeps, streamerId: string): Promise<OverlayView> {
  const overlay = await ownOverlay(deps, streamerId);
  const updated = await deps.db.overlay.update({
    where: { id: overlay.id },
    // An old platform's overlay URL stops opening it too.
    data: { ...keyColumns(deps, streamerId), legacyTokenHash: null },
  });
  return viewOf(deps, updated, 'owner');
}

export async function updateOverlaySettings(
  deps: OverlayDeps,
  streamerId: string,
  input: OverlaySettingsInput,
): Promise<OverlayView> {
  const overlay = await ownOverlay(deps, streamerId);
  const { blackouts, weights, ...columns } = input;
  const updated = await deps.db.overlay.update({
    where: { id: overlay.id },
    data: {
      ...columns,
      ...(weights ? { weights } : {}),
      ...(blackouts
        ? {
            blackouts: blackouts.map((period) =>
              period.kind === 'once'
                ? { kind: 'once', from: period.from.toISOString(), to: period.to.toISOString() }
                : period,
            ),
          }
        : {}),
    },
  });
  await announceSettings(deps, updated);
  return viewOf(deps, updated, 'owner');
}

export async function setOverlayPaused(deps: OverlayDeps, streamerId: string, paused: boolean): Promise<OverlayView> {
  const overlay = await ownOverlay(deps, streamerId);
  const updated = await deps.db.overlay.update({ where: { id: overlay.id }, data: { paused } });
  await announceSettings(deps, updated);
  return viewOf(deps, updated, 'owner');
}

/** Tells the overlay page its new settings and the scheduler to re-evaluate; neither may fail the change. */
async function announceSettings(deps: OverlayDeps, overlay: Overlay) {
  try {
    await deps.realtime.publish(overlayChannel(overlay.id), 'overlay.settings', realtimeSettingsOf(overlay));
  } catch (error) {
    deps.log.warn({ err: error, overlayId: overlay.id }, 'overlay.settings push failed');
  }
  await deps.delivery.overlayChanged(overlay.id);
}

/** An admin's read of a streamer's overlay (never the key). */
export async function overlayForAdmin(deps: OverlayDeps, streamerId: string): Promise<OverlayView> {
  const overlay = await deps.db.overlay.findUnique({ where: { streamerId } });
  if (!overlay) throw new DomainError('not_found', 'overlay_not_found', 'This streamer has no overlay yet.');
  return viewOf(deps, overlay, 'admin');
}

/**
 * Which overlay a secret key opens, or null for an unknown or regenerated-away key; with the
 * settings the overlay page starts with (the realtime `overlay.settings` shape).
 */
export async function resolveOverlayKey(
  deps: OverlayDeps,
  key: string,
): Promise<(OverlayKeyResolution & { settings: RealtimeOverlaySettings }) | null> {
  const hash = hashOverlayKey(key);
  const overlay =
    (await deps.db.overlay.findUnique({ where: { keyHash: hash } })) ??
    (await deps.db.overlay.findUnique({ where: { legacyTokenHash: hash } }));
  if (!overlay || (await isStreamerSuspended(deps.db, overlay.streamerId))) return null;
  const status = await deps.db.streamerLiveStatus.findUnique({ where: { streamerId: overlay.streamerId } });
  return {
    overlayId: overlay.id,
    streamerId: overlay.streamerId,
    live: status?.live ?? false,
    viewers: status?.viewers ?? 0,
    settings: realtimeSettingsOf(overlay),
  };
}

export interface LegacyOverlayImport {
  streamerId: string;
  legacyStreamerId: string;
  legacyOverlayToken: string | null;
  settings: Required<Pick<OverlaySettingsInput, 'corner' | 'size' | 'opacity' | 'rotationStrategy' | 'rotationIntervalSeconds'>>;
}

/**
 * An imported streamer's overlay (`pnpm import:legacy`, issue 14): their old settings, and their old
 * overlay token kept as a second way in, so the OBS sources holding `/overlay/<old token>` keep
 * working after the switch. Keyed by the old user id: a second run finds it; a later export brings
 * the settings level. The old token is taken at the first import only (regenerating the key drops it).
 */
export async function importLegacyOverlay(
  deps: OverlayDeps,
  input: LegacyOverlayImport,
): Promise<{ overlayId: string; outcome: 'created' | 'updated' | 'unchanged' }> {
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.overlay.findUnique({ where: { streamerId: input.streamerId } });
    if (existing?.legacyStreamerId && existing.legacyStreamerId !== input.legacyStreamerId) {
      throw new DomainError('conflict', 'overlay_imported_for_another', 'This overlay was imported for another old account.');
    }
    const legacyTokenHash = input.legacyOverlayToken ? hashOverlayKey(input.legacyOverlayToken) : null;
    const holder = legacyTokenHash ? await tx.overlay.findUnique({ where: { legacyTokenHash } }) : null;
    if (holder && holder.streamerId !== input.streamerId) {
      throw new DomainError('conflict', 'legacy_token_taken', 'This old overlay token already opens another overlay.');
    }
    if (!existing) {
      const created = await tx.overlay.create({
        data: {
          streamerId: input.streamerId,
          ...keyColumns(deps, input.streamerId),
          ...input.settings,
          legacyStreamerId: input.legacyStreamerId,
          legacyTokenHash,
        },
      });
      return { overlayId: created.id, outcome: 'created' as const };
    }
    const firstImport = existing.legacyStreamerId === null;
    const same =
      !firstImport &&
      (Object.keys(input.settings) as Array<keyof LegacyOverlayImport['settings']>).every(
        (field) => existing[field] === input.settings[field],
      );
    if (same) return { overlayId: existing.id, outcome: 'unchanged' as const };
    await tx.overlay.update({
      where: { id: existing.id },
      data: {
        ...input.settings,
        ...(firstImport ? { legacyStreamerId: input.legacyStreamerId, legacyTokenHash } : {}),
      },
    });
    return { overlayId: existing.id, outcome: 'updated' as const };
  });
}

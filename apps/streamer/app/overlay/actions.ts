'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { OverlaySettingsInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import type { Overlay, TestFire } from '../../components/overlay-setup/types';
import { portal } from '../../portal';

async function refreshingOverlay<T>(result: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const outcome = await result;
  if (outcome.ok) revalidatePath('/overlay');
  return outcome;
}

/** A new OBS link; the old one stops working at once. */
export async function regenerateOverlayKey(): Promise<ActionResult<Overlay>> {
  return refreshingOverlay(portal.act((api) => api.overlay.regenerateKey.mutate()));
}

export async function updateOverlaySettings(
  input: OverlaySettingsInput,
): Promise<ActionResult<Overlay>> {
  return refreshingOverlay(portal.act((api) => api.overlay.updateSettings.mutate(input)));
}

export async function setOverlayPaused(paused: boolean): Promise<ActionResult<Overlay>> {
  return refreshingOverlay(portal.act((api) => api.overlay.setPaused.mutate({ paused })));
}

export async function testFireAd(participationId?: string): Promise<ActionResult<TestFire>> {
  return portal.act((api) =>
    api.overlay.testFire.mutate(participationId ? { participationId } : {}),
  );
}

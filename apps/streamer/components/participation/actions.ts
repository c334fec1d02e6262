'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { ApplyToCampaignInput, JoinCampaignInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';
import type { Participation } from './types';

// The panels call router.refresh() themselves (they are embedded in other pages); the lists here
// are revalidated so navigating to them shows the change.
function refreshLists() {
  revalidatePath('/my-campaigns');
  revalidatePath('/keys');
}

export async function joinCampaign(input: JoinCampaignInput): Promise<ActionResult<Participation>> {
  const result = await portal.act(
    async (api) => (await api.participation.join.mutate(input)).participation,
  );
  if (result.ok) refreshLists();
  return result;
}

export async function applyToCampaign(
  input: ApplyToCampaignInput,
): Promise<ActionResult<Participation>> {
  const result = await portal.act(
    async (api) => (await api.participation.applyToCampaign.mutate(input)).participation,
  );
  if (result.ok) refreshLists();
  return result;
}

export async function leaveParticipation(
  participationId: string,
): Promise<ActionResult<Participation>> {
  const result = await portal.act((api) => api.participation.leave.mutate({ participationId }));
  if (result.ok) refreshLists();
  return result;
}

export async function pauseParticipation(
  participationId: string,
): Promise<ActionResult<Participation>> {
  const result = await portal.act((api) => api.participation.pause.mutate({ participationId }));
  if (result.ok) refreshLists();
  return result;
}

export async function resumeParticipation(
  participationId: string,
): Promise<ActionResult<Participation>> {
  const result = await portal.act((api) => api.participation.resume.mutate({ participationId }));
  if (result.ok) refreshLists();
  return result;
}

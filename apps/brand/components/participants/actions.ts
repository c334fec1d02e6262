'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { RejectApplicationInput, RemoveParticipantInput } from '@gametriggers/contracts';
import { portal } from '../../portal';

// The participants panel is embedded in campaign pages; it refreshes its page itself.

export async function approveApplicant(
  participationId: string,
): Promise<ActionResult<{ status: string }>> {
  return portal.act(async (api) => {
    const approved = await api.participation.approve.mutate({ participationId });
    return { status: approved.status };
  });
}

export async function rejectApplicant(
  input: RejectApplicationInput,
): Promise<ActionResult<{ status: string }>> {
  return portal.act(async (api) => {
    const rejected = await api.participation.reject.mutate(input);
    return { status: rejected.status };
  });
}

export async function removeParticipant(
  input: RemoveParticipantInput,
): Promise<ActionResult<{ status: string }>> {
  return portal.act(async (api) => {
    const removed = await api.participation.remove.mutate(input);
    return { status: removed.status };
  });
}

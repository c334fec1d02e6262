'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { CampaignFields } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { StatusAction } from '../../components/campaigns/campaign-actions';
import { patchOf } from '../../components/campaigns/campaign-draft';
import { portal } from '../../portal';

/** Saves a new draft and opens it; a refusal comes back for the wizard to show. */
export async function createCampaign(fields: CampaignFields): Promise<ActionResult<null>> {
  const result = await portal.act((api) => api.campaign.create.mutate(fields));
  if (!result.ok) return result;
  revalidatePath('/campaigns');
  redirect(`/campaigns/${result.data.id}?saved=created`);
}

/** Saves an edit (only the live-editable fields once approved) and opens the campaign. */
export async function updateCampaign(
  campaignId: string,
  live: boolean,
  fields: CampaignFields,
): Promise<ActionResult<null>> {
  const result = await portal.act((api) =>
    api.campaign.update.mutate({ campaignId, patch: patchOf(fields, live) }),
  );
  if (!result.ok) return result;
  revalidatePath('/campaigns');
  redirect(`/campaigns/${campaignId}?saved=updated`);
}

/** Submit, pause, resume, end or cancel; the page re-renders with the new status. */
export async function changeCampaignStatus(
  campaignId: string,
  action: StatusAction,
): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    const input = { campaignId };
    const calls = {
      submit: () => api.campaign.submit.mutate(input),
      pause: () => api.campaign.pause.mutate(input),
      resume: () => api.campaign.resume.mutate(input),
      end: () => api.campaign.end.mutate(input),
      cancel: () => api.campaign.cancel.mutate(input),
    };
    await calls[action]();
    return null;
  });
  if (result.ok) {
    revalidatePath(`/campaigns/${campaignId}`);
    revalidatePath('/campaigns');
  }
  return result;
}

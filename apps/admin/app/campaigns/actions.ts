'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  campaignOversightInputSchema,
  overrideCampaignBudgetInputSchema,
  parseAmountToCents,
  rejectCampaignInputSchema,
} from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { portal } from '../../portal';

type Api = Parameters<Parameters<typeof portal.act>[0]>[0];

/** Checks the form with the procedure's own schema, then calls it; the page re-reads on success. */
async function decide<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  call: (api: Api, input: z.output<Schema>) => Promise<unknown>,
): Promise<ActionResult<null>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fieldErrors[issue.path.join('.')] ??= []).push(issue.message);
    return {
      ok: false,
      error: { message: parsed.error.issues[0]?.message ?? 'Check the form.', fieldErrors },
    };
  }
  const result = await portal.act(async (api) => {
    await call(api, parsed.data);
    return null;
  });
  if (result.ok) revalidatePath('/campaigns', 'layout');
  return result;
}

/** A text field of the dialog's form ('' when missing). */
const textOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

const withReason = (campaignId: string, form: FormData) => ({
  campaignId,
  reason: textOf(form, 'reason'),
});

export async function approveCampaign(campaignId: string): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.campaign.approve.mutate({ campaignId });
    return null;
  });
  if (result.ok) revalidatePath('/campaigns', 'layout');
  return result;
}

export async function rejectCampaign(
  campaignId: string,
  form: FormData,
): Promise<ActionResult<null>> {
  return decide(rejectCampaignInputSchema, withReason(campaignId, form), (api, input) =>
    api.campaign.reject.mutate(input),
  );
}

export async function emergencyPause(
  campaignId: string,
  form: FormData,
): Promise<ActionResult<null>> {
  return decide(campaignOversightInputSchema, withReason(campaignId, form), (api, input) =>
    api.campaign.oversight.emergencyPause.mutate(input),
  );
}

export async function liftPause(campaignId: string, form: FormData): Promise<ActionResult<null>> {
  return decide(campaignOversightInputSchema, withReason(campaignId, form), (api, input) =>
    api.campaign.oversight.resume.mutate(input),
  );
}

export async function forceComplete(
  campaignId: string,
  form: FormData,
): Promise<ActionResult<null>> {
  return decide(campaignOversightInputSchema, withReason(campaignId, form), (api, input) =>
    api.campaign.oversight.forceComplete.mutate(input),
  );
}

export async function forceCancel(campaignId: string, form: FormData): Promise<ActionResult<null>> {
  return decide(campaignOversightInputSchema, withReason(campaignId, form), (api, input) =>
    api.campaign.oversight.forceCancel.mutate(input),
  );
}

export async function overrideBudget(
  campaignId: string,
  form: FormData,
): Promise<ActionResult<null>> {
  return decide(
    overrideCampaignBudgetInputSchema,
    {
      ...withReason(campaignId, form),
      budgetCents: parseAmountToCents(textOf(form, 'budget')),
    },
    (api, input) => api.campaign.oversight.overrideBudget.mutate(input),
  );
}

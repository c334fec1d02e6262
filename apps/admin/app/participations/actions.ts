'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { ConflictRuleInput, RemovalReason } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';
import { formText, withReasonErrorsFrom } from '../reason-field';

function done<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath('/participations');
  return result;
}

/** Removes a live participation: the dialog's reason is the removal note the streamer sees. */
export async function removeParticipation(participationId: string, form: FormData): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.participation.remove.mutate({
      participationId,
      reason: formText(form, 'removalReason') as RemovalReason,
      note: formText(form, 'reason'),
      forfeitEarnings: form.get('forfeitEarnings') === 'on',
    });
    return null;
  });
  return withReasonErrorsFrom('note', done(result));
}

export async function createRule(rule: ConflictRuleInput): Promise<ActionResult<{ id: string }>> {
  return done(await portal.act(async (api) => ({ id: (await api.participation.rules.create.mutate(rule)).id })));
}

export async function updateRule(ruleId: string, rule: ConflictRuleInput): Promise<ActionResult<{ id: string }>> {
  return done(await portal.act(async (api) => ({ id: (await api.participation.rules.update.mutate({ ruleId, rule })).id })));
}

export async function disableRule(ruleId: string, form: FormData): Promise<ActionResult<null>> {
  return done(
    await portal.act(async (api) => {
      await api.participation.rules.disable.mutate({ ruleId, reason: formText(form, 'reason') });
      return null;
    }),
  );
}

/** Lets the streamer of a refused violation into that campaign once; the reason is the override note. */
export async function overrideViolation(violationId: string, form: FormData): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.participation.rules.override.mutate({ violationId, note: formText(form, 'reason') });
    return null;
  });
  return withReasonErrorsFrom('note', done(result));
}

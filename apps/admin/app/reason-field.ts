import type { ActionResult } from '@gametriggers/auth/portal';

/**
 * A refusal of the dialog's reason, under the name the dialog shows it by: procedures call it a
 * `note` when the person affected reads it, but `ReasonConfirm` asks for it as `reason`.
 */
export function withReasonErrorsFrom<T>(field: string, result: ActionResult<T>): ActionResult<T> {
  const messages = result.ok ? undefined : result.error.fieldErrors?.[field];
  if (result.ok || !messages) return result;
  return { ok: false, error: { ...result.error, fieldErrors: { ...result.error.fieldErrors, reason: messages } } };
}

/** A text field of a submitted form (a file or a missing field reads as empty). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

import type { OverlayReport } from '@gametriggers/contracts';
import { MAX_OVERLAY_REPORTS_PER_BATCH, overlayReportSchema } from '@gametriggers/contracts';
import { z } from 'zod';

export const eventBatchSchema = z.object({
  events: z.array(z.unknown()).min(1).max(MAX_OVERLAY_REPORTS_PER_BATCH),
});

export interface MalformedEvent {
  index: number;
  id?: string;
  problems: string[];
}

/**
 * Validates a whole batch before anything is stored: either every event is well formed, or the
 * batch is refused naming each malformed event (so a batch is never half written).
 */
export function parseEventBatch(
  body: unknown,
): { ok: true; events: OverlayReport[] } | { ok: false; message: string; malformed: MalformedEvent[] } {
  const batch = eventBatchSchema.safeParse(body);
  if (!batch.success) {
    return {
      ok: false,
      message: `The body must be { events: [...] } with 1 to ${MAX_OVERLAY_REPORTS_PER_BATCH} events.`,
      malformed: [],
    };
  }
  const events: OverlayReport[] = [];
  const malformed: MalformedEvent[] = [];
  batch.data.events.forEach((raw, index) => {
    const parsed = overlayReportSchema.safeParse(raw);
    if (parsed.success) {
      events.push(parsed.data);
      return;
    }
    const id = (raw as { id?: unknown } | null)?.id;
    malformed.push({
      index,
      ...(typeof id === 'string' ? { id } : {}),
      problems: parsed.error.issues.map((issue) =>
        issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      ),
    });
  });
  if (malformed.length) {
    const names = malformed.map((event) => event.id ?? `#${event.index}`).join(', ');
    return { ok: false, message: `Malformed events: ${names}. Nothing was stored.`, malformed };
  }
  return { ok: true, events };
}

import type { ParticipationTx } from '../database';
import type { Participation } from '../generated/prisma/client';
import { saveKey } from './admission-writes';
import { releasedKey } from './gkeys';
import { lockKeys } from './row-locks';

/** Starts the cool-off of the key a participation held (idempotent: a key it no longer holds is left alone). */
export async function releaseKeyOf(
  tx: ParticipationTx,
  participation: Pick<Participation, 'id' | 'streamerId' | 'gkeyCategory' | 'gkeyCooloffHours'>,
  now: Date,
) {
  if (!participation.gkeyCategory) return;
  const keys = await lockKeys(tx, participation.streamerId, [participation.gkeyCategory as never]);
  const key = keys.get(participation.gkeyCategory);
  if (!key) return;
  const released = releasedKey(key, participation.id, participation.gkeyCooloffHours, now);
  if (released !== key) await saveKey(tx, participation.streamerId, released, now);
}

import type { InvalidReason } from './traffic-rules';

/** One overlay report as stored in `overlay_events`. */
export interface StoredEvent {
  id: string;
  at: Date;
  overlayId: string;
  streamerId: string;
  type: string;
  adId: string | null;
  participationId: string | null;
  campaignId: string | null;
  viewers: number | null;
  test: boolean;
  invalidReason: InvalidReason | null;
}

/** `overlay_events` columns in the order of {@link storedEventsAsCopyBinary}'s fields. */
export const STORED_EVENT_COLUMNS =
  '"id", "at", "receivedAt", "overlayId", "streamerId", "type", "adId", "participationId", ' +
  '"campaignId", "viewers", "test", "countable", "invalidReason"';
const FIELDS = 13;

/** PostgreSQL's binary COPY: signature, flags, header extension length. */
const COPY_BINARY_HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01 UTC), in milliseconds. */
const POSTGRES_EPOCH_MS = 946_684_800_000;
/** The most one row can take: fixed fields, and 4 bytes per UTF-8 code unit of the texts. */
const maxRowBytes = (e: StoredEvent) =>
  2 +
  FIELDS * 4 +
  5 * 16 +
  2 * 8 +
  4 +
  2 +
  4 * (e.type.length + (e.adId?.length ?? 0) + (e.invalidReason?.length ?? 0));

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i += 1) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/**
 * Rows as PostgreSQL's binary COPY format: no text for the server to parse (uuids and times are
 * half the cost of a text COPY row). Every value is written in its column's binary form.
 */
export function storedEventsAsCopyBinary(events: StoredEvent[], receivedAt: Date): Buffer {
  let size = COPY_BINARY_HEADER.length + 2;
  for (const e of events) size += maxRowBytes(e);
  const buffer = Buffer.allocUnsafe(size);
  let offset = COPY_BINARY_HEADER.copy(buffer, 0);

  // Reports of one batch mostly name the same overlay, streamer, participation and campaign: the
  // last bytes written for each of the five uuid columns are copied instead of parsed again.
  const lastUuid: Array<string | null> = [null, null, null, null, null];
  const lastUuidAt = [0, 0, 0, 0, 0];
  function uuid(column: number, value: string | null) {
    if (value === null) return nul();
    offset = buffer.writeInt32BE(16, offset);
    if (value === lastUuid[column]) {
      const from = lastUuidAt[column]!;
      for (let i = 0; i < 16; i += 1) buffer[offset + i] = buffer[from + i]!;
      offset += 16;
      return;
    }
    if (value.length !== 36) throw new TypeError(`not a uuid: ${value}`);
    lastUuid[column] = value;
    lastUuidAt[column] = offset;
    for (let i = 0; i < 36; i += 2) {
      if (i === 8 || i === 13 || i === 18 || i === 23) i += 1;
      const high = HEX[value.charCodeAt(i)] ?? -1;
      const low = HEX[value.charCodeAt(i + 1)] ?? -1;
      if (high < 0 || low < 0) throw new TypeError(`not a uuid: ${value}`);
      buffer[offset++] = (high << 4) | low;
    }
  }
  function timestamp(ms: number) {
    const micros = (ms - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / 2 ** 32);
    offset = buffer.writeInt32BE(8, offset);
    offset = buffer.writeInt32BE(high, offset);
    offset = buffer.writeUInt32BE(micros - high * 2 ** 32, offset);
  }
  function text(value: string | null) {
    if (value === null) return nul();
    // Short ASCII (types, most ad ids, reasons) byte by byte; anything else through the encoder.
    let i = 0;
    const start = offset + 4;
    for (; i < value.length; i += 1) {
      const code = value.charCodeAt(i);
      if (code > 0x7f) break;
      buffer[start + i] = code;
    }
    const length = i === value.length ? i : buffer.write(value, start, 'utf8');
    buffer.writeInt32BE(length, offset);
    offset = start + length;
  }
  function bool(value: boolean) {
    offset = buffer.writeInt32BE(1, offset);
    buffer[offset++] = value ? 1 : 0;
  }
  function nul() {
    offset = buffer.writeInt32BE(-1, offset);
  }

  const received = receivedAt.getTime();
  for (const e of events) {
    offset = buffer.writeInt16BE(FIELDS, offset);
    uuid(0, e.id);
    timestamp(e.at.getTime());
    timestamp(received);
    uuid(1, e.overlayId);
    uuid(2, e.streamerId);
    text(e.type);
    text(e.adId);
    uuid(3, e.participationId);
    uuid(4, e.campaignId);
    if (e.viewers === null) nul();
    else {
      offset = buffer.writeInt32BE(4, offset);
      offset = buffer.writeInt32BE(e.viewers, offset);
    }
    bool(e.test);
    bool(e.invalidReason === null);
    text(e.invalidReason);
  }
  offset = buffer.writeInt16BE(-1, offset);
  return buffer.subarray(0, offset);
}

/** The UTC hours (start, ascending) holding countable rows: what the rollup must re-count. */
export function countableHoursOf(events: StoredEvent[]): string[] {
  const hours = new Set<number>();
  for (const e of events) {
    if (e.invalidReason === null) hours.add(Math.floor(e.at.getTime() / 3_600_000) * 3_600_000);
  }
  return [...hours].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
}

import { createHash } from 'node:crypto';

/**
 * Prefixed ids (`cus_…`) from a counter per prefix, after a tag derived from the server's start
 * time: the same clock gives the same ids (tests), and a restarted dev server does not hand out
 * ids a service has already stored (an `evt_` it already processed, say).
 */
export class IdGenerator {
  private readonly counters = new Map<string, number>();
  readonly tag: string;

  constructor(startSeconds: number) {
    this.tag = startSeconds.toString(36).toUpperCase();
  }

  next(prefix: string): string {
    const count = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, count);
    return `${prefix}_${this.tag}${count.toString().padStart(8, '0')}`;
  }

  /** A stable secret-looking string for `name` (webhook signing secrets, client secrets). */
  secret(name: string): string {
    return createHash('sha256').update(`${this.tag}:${name}`).digest('hex').slice(0, 32);
  }
}

/**
 * Lets a test hold API requests after they have claimed their idempotency key, to see what a
 * concurrent request with the same key gets (409 `idempotency_key_in_use`).
 */
export class RequestGate {
  private held: { promise: Promise<void>; release: () => void } | undefined;

  hold(): void {
    if (this.held) return;
    let release = () => {};
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.held = { promise, release };
  }

  release(): void {
    this.held?.release();
    this.held = undefined;
  }

  async pass(): Promise<void> {
    if (this.held) await this.held.promise;
  }
}

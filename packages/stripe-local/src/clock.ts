/**
 * The server's clock: the injected `now` plus whatever `POST /_test/clock/advance` added.
 * Objects are stamped with `nowSeconds()`; webhook signatures with `signingSeconds()` (the
 * injected clock alone), the way Stripe's test clocks move objects' time but not deliveries' —
 * unless an advance says `signatures`: for a receiver whose own test clock moved with it.
 */
export class ServerClock {
  private offsetSeconds = 0;
  private signingOffsetSeconds = 0;

  constructor(private readonly now: () => Date) {}

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000) + this.offsetSeconds;
  }

  signingSeconds(): number {
    return Math.floor(this.now().getTime() / 1000) + this.signingOffsetSeconds;
  }

  advance(seconds: number, options: { signatures?: boolean } = {}): void {
    this.offsetSeconds += seconds;
    if (options.signatures) this.signingOffsetSeconds += seconds;
  }
}

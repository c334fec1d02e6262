/**
 * The server's clock: the injected `now` plus whatever `POST /_test/clock/advance` added.
 * Objects are stamped with `nowSeconds()`; webhook signatures with `signingSeconds()` (the
 * injected clock alone), the way Stripe's test clocks move objects' time but not deliveries'.
 */
export class ServerClock {
  private offsetSeconds = 0;

  constructor(private readonly now: () => Date) {}

  nowSeconds(): number {
    return this.signingSeconds() + this.offsetSeconds;
  }

  signingSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  advance(seconds: number): void {
    this.offsetSeconds += seconds;
  }
}

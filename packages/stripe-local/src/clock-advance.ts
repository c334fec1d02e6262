import { expireDueSessions } from './resources/checkout-sessions';
import { settleArrivedPayouts } from './resources/payouts';
import type { World } from './world';

/**
 * Moves the server's clock forward and lets time do what it does: pending funds become
 * available (`balance.available`), payouts arrive (`payout.paid`), checkout sessions expire.
 */
export function advanceClock(world: World, seconds: number, options: { signatures?: boolean } = {}): number {
  world.clock.advance(seconds, options);
  const now = world.clock.nowSeconds();
  for (const scope of world.balances.releaseDue(now)) {
    const balance = { object: 'balance', ...world.balances.snapshot(scope), livemode: false };
    world.events.emit('balance.available', balance, { account: scope, origin: null });
  }
  settleArrivedPayouts(world);
  expireDueSessions(world);
  return now;
}

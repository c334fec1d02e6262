export { startLocalStripe } from './local-stripe';
export type { LocalStripe, LocalStripeOptions } from './local-stripe';
export { TEST_CARDS } from './test-cards';
export type { TestCard } from './test-cards';

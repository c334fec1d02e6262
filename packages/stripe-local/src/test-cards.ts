/** What a test card does when charged. */
export type CardBehaviour =
  | { kind: 'succeeds' }
  /** Funds are available at once instead of pending (Stripe's 0077 card). */
  | { kind: 'succeeds_available' }
  | { kind: 'declines'; declineCode: string; message: string }
  /** Asks the cardholder to authenticate; off-session it fails with `authentication_required`. */
  | { kind: 'requires_authentication' }
  /** Succeeds, then the cardholder disputes the charge. */
  | { kind: 'succeeds_then_disputed' };

export interface TestCard {
  number: string;
  paymentMethod: string;
  brand: string;
  last4: string;
  behaviour: CardBehaviour;
}

const DECLINED = { kind: 'declines', declineCode: 'generic_decline', message: 'Your card was declined.' } as const;
const INSUFFICIENT = { kind: 'declines', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' } as const;

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', paymentMethod: 'pm_card_visa', brand: 'visa', last4: '4242', behaviour: { kind: 'succeeds' } },
  { number: '5555555555554444', paymentMethod: 'pm_card_mastercard', brand: 'mastercard', last4: '4444', behaviour: { kind: 'succeeds' } },
  { number: '4000000000000077', paymentMethod: 'pm_card_bypassPending', brand: 'visa', last4: '0077', behaviour: { kind: 'succeeds_available' } },
  { number: '4000000000000002', paymentMethod: 'pm_card_chargeDeclined', brand: 'visa', last4: '0002', behaviour: DECLINED },
  { number: '4000000000009995', paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds', brand: 'visa', last4: '9995', behaviour: INSUFFICIENT },
  { number: '4000002500003155', paymentMethod: 'pm_card_authenticationRequired', brand: 'visa', last4: '3155', behaviour: { kind: 'requires_authentication' } },
  { number: '4000000000000259', paymentMethod: 'pm_card_createDispute', brand: 'visa', last4: '0259', behaviour: { kind: 'succeeds_then_disputed' } },
];

export function testCardByNumber(number: string): TestCard | undefined {
  const digits = number.replace(/[\s-]/g, '');
  return TEST_CARDS.find((card) => card.number === digits);
}

export function testCardByPaymentMethod(token: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.paymentMethod === token);
}

/** A saved card's behaviour, from its last four digits (unique among the test cards). */
export function testCardByLast4(last4: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.last4 === last4);
}

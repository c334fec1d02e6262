import { DomainError, t } from '@gametriggers/trpc';
import Stripe from 'stripe';

/** Stripe could not be reached or had a fault: trying again later may work. */
export const stripeDidNotAnswer = (error: unknown) =>
  error instanceof Stripe.errors.StripeConnectionError ||
  error instanceof Stripe.errors.StripeAPIError ||
  error instanceof Stripe.errors.StripeRateLimitError;

/**
 * For procedures a person waits on while we call Stripe: when Stripe does not answer, a 503 that says
 * so (the call wrote nothing before Stripe's answer), not an internal error.
 */
export const stripeOutages = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && stripeDidNotAnswer(result.error.cause)) {
    throw new DomainError(
      'unavailable',
      'payment_provider_unavailable',
      'Our payment provider is not answering right now, so nothing was done. Try again in a few minutes.',
    );
  }
  return result;
});

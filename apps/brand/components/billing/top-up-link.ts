import { MAX_AMOUNT_CENTS } from '@gametriggers/contracts';

/** The billing page's top-up form, with the amount filled in when one is known. */
export function topUpHref(amountCents?: number): string {
  return amountCents && amountCents > 0 ? `/billing?amount=${amountCents}#top-up` : '/billing#top-up';
}

/** The `?amount=` a top-up link carries (whole cents), if it is a sensible one. */
export function prefilledTopUpCents(param: string | string[] | undefined): number | undefined {
  const value = Array.isArray(param) ? param[0] : param;
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const cents = Number(value);
  return cents > 0 && cents <= MAX_AMOUNT_CENTS ? cents : undefined;
}

import type { BrandBillingProfile } from '@gametriggers/contracts';
import type { StripeEnv } from './stripe-env';

/** Where a brand's billing details come from (the brand service's `brand.internal.billingProfile`). */
export interface BillingProfileDirectory {
  billingProfile(brandId: string): Promise<BrandBillingProfile | null>;
}

/** The Stripe-facing flows' settings, read from the environment at boot. */
export interface FlowSettings {
  brandPortalUrl: string;
  streamerPortalUrl: string;
  lowBalanceAlertCents: number;
  issuer: { name: string; address: string };
  billingProfiles: BillingProfileDirectory;
  /** Signing secrets of the two webhook endpoints; filled at boot when the service registers its own. */
  webhookSecrets: { platform: string; connect: string };
}

export function flowSettingsFrom(env: StripeEnv, billingProfiles: BillingProfileDirectory): FlowSettings {
  return {
    brandPortalUrl: env.BRAND_PORTAL_URL.replace(/\/$/, ''),
    streamerPortalUrl: env.STREAMER_PORTAL_URL.replace(/\/$/, ''),
    lowBalanceAlertCents: env.LOW_BALANCE_ALERT_CENTS,
    issuer: { name: env.INVOICE_ISSUER_NAME, address: env.INVOICE_ISSUER_ADDRESS },
    billingProfiles,
    webhookSecrets: { platform: env.STRIPE_WEBHOOK_SECRET ?? '', connect: env.STRIPE_CONNECT_WEBHOOK_SECRET ?? '' },
  };
}

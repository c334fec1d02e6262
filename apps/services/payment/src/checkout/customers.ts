import type { PaymentDeps } from '../deps';

/** The brand's Stripe customer, created once (idempotency key `customer:<brandId>`). */
export async function customerOfBrand(deps: PaymentDeps, brandId: string): Promise<string> {
  const existing = await deps.db.stripeCustomer.findUnique({ where: { brandId } });
  if (existing) return existing.customerId;
  const customer = await deps.stripe.customers.create(
    { metadata: { brandId } },
    { idempotencyKey: `customer:${brandId}` },
  );
  const saved = await deps.db.stripeCustomer.upsert({
    where: { brandId },
    create: { brandId, customerId: customer.id, createdAt: deps.now() },
    update: {},
  });
  return saved.customerId;
}

/** The brand a Stripe customer pays for, or null for a customer we did not create. */
export async function brandOfCustomer(deps: PaymentDeps, customerId: string | null | undefined): Promise<string | null> {
  if (!customerId) return null;
  return (await deps.db.stripeCustomer.findUnique({ where: { customerId } }))?.brandId ?? null;
}

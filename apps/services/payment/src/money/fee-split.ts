/**
 * The one place a charge is split: the platform keeps `floor(amount × bps / 10000)`, the streamer
 * earns the rest, so spend = earnings + fee to the cent. Integer arithmetic only.
 */
export function splitCharge(
  amountCents: bigint,
  feeBps: number,
): { feeCents: bigint; earningsCents: bigint } {
  if (amountCents < 0n) throw new RangeError('A charge is not negative');
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10_000)
    throw new RangeError('Fee bps is 0–10000');
  const feeCents = (amountCents * BigInt(feeBps)) / 10_000n;
  return { feeCents, earningsCents: amountCents - feeCents };
}

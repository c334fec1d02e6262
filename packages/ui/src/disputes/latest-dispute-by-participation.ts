/** Each participation's latest dispute, from a list newest first (as `listMine` returns it). */
export function latestDisputeByParticipation<Dispute extends { participationId: string }>(
  newestFirst: readonly Dispute[],
): Map<string, Dispute> {
  const latest = new Map<string, Dispute>();
  for (const dispute of newestFirst) {
    if (!latest.has(dispute.participationId)) latest.set(dispute.participationId, dispute);
  }
  return latest;
}

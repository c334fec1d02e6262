/**
 * The marketplace page's two reads side by side: the streamer's profile (which sends a streamer who
 * has not onboarded to the wizard) and the first page of campaigns. Each needs only the session, so
 * the page waits for the slower one instead of both in a row; the profile's refusal (a redirect)
 * still wins over whatever the campaigns read gave.
 */
export async function firstMarketplaceView<Profile, Campaigns>(
  readProfile: () => Promise<Profile>,
  readCampaigns: () => Promise<Campaigns>,
): Promise<{ profile: Profile; campaigns: Campaigns }> {
  const campaigns = readCampaigns();
  // Settled here so it cannot go unhandled while the profile's refusal is what the page shows.
  campaigns.catch(() => undefined);
  const profile = await readProfile();
  return { profile, campaigns: await campaigns };
}

/** A valid onboarding of a US streamer of first-person shooters (and RPGs), in English. */
export const sampleStreamerProfile = (displayName = 'Pat Plays') => ({
  displayName,
  content: {
    primaryCategory: 'fps' as const,
    secondaryCategories: ['rpg' as const],
    language: 'en' as const,
    rating: 'teen' as const,
  },
  demographics: { country: 'US' as const, timezone: 'America/New_York' },
});

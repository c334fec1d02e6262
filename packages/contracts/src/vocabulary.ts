import { z } from 'zod';

/** The content categories campaigns target and streamers stream in; one G-Key each. */
export const contentCategories = [
  { id: 'fps', label: 'Shooters' },
  { id: 'battle_royale', label: 'Battle royale' },
  { id: 'moba', label: 'MOBA' },
  { id: 'rpg', label: 'RPG' },
  { id: 'strategy', label: 'Strategy' },
  { id: 'sports', label: 'Sports' },
  { id: 'racing', label: 'Racing' },
  { id: 'fighting', label: 'Fighting' },
  { id: 'simulation', label: 'Simulation' },
  { id: 'horror', label: 'Horror' },
  { id: 'indie', label: 'Indie' },
  { id: 'retro', label: 'Retro' },
  { id: 'esports', label: 'Esports' },
  { id: 'just_chatting', label: 'Just chatting' },
  { id: 'irl', label: 'IRL' },
  { id: 'music', label: 'Music' },
  { id: 'creative', label: 'Art & creative' },
  { id: 'tech', label: 'Tech & coding' },
] as const;
export type ContentCategory = (typeof contentCategories)[number]['id'];
export const contentCategorySchema = z.enum(
  contentCategories.map((category) => category.id) as [ContentCategory, ...ContentCategory[]],
  { error: 'Choose a category from the list' },
);

/** ISO 639-1 codes of the languages streams are in. */
export const languages = [
  { id: 'en', label: 'English' },
  { id: 'es', label: 'Spanish' },
  { id: 'pt', label: 'Portuguese' },
  { id: 'de', label: 'German' },
  { id: 'fr', label: 'French' },
  { id: 'it', label: 'Italian' },
  { id: 'nl', label: 'Dutch' },
  { id: 'pl', label: 'Polish' },
  { id: 'sv', label: 'Swedish' },
  { id: 'tr', label: 'Turkish' },
  { id: 'ru', label: 'Russian' },
  { id: 'ar', label: 'Arabic' },
  { id: 'hi', label: 'Hindi' },
  { id: 'ja', label: 'Japanese' },
  { id: 'ko', label: 'Korean' },
  { id: 'zh', label: 'Chinese' },
] as const;
export type Language = (typeof languages)[number]['id'];
export const languageSchema = z.enum(languages.map((language) => language.id) as [Language, ...Language[]], {
  error: 'Choose a language from the list',
});

/** ISO 3166-1 alpha-2 codes of the countries we operate in; campaigns target them as regions. */
export const countries = [
  { id: 'US', label: 'United States' },
  { id: 'CA', label: 'Canada' },
  { id: 'MX', label: 'Mexico' },
  { id: 'BR', label: 'Brazil' },
  { id: 'AR', label: 'Argentina' },
  { id: 'CL', label: 'Chile' },
  { id: 'GB', label: 'United Kingdom' },
  { id: 'IE', label: 'Ireland' },
  { id: 'DE', label: 'Germany' },
  { id: 'AT', label: 'Austria' },
  { id: 'CH', label: 'Switzerland' },
  { id: 'FR', label: 'France' },
  { id: 'BE', label: 'Belgium' },
  { id: 'NL', label: 'Netherlands' },
  { id: 'ES', label: 'Spain' },
  { id: 'PT', label: 'Portugal' },
  { id: 'IT', label: 'Italy' },
  { id: 'PL', label: 'Poland' },
  { id: 'SE', label: 'Sweden' },
  { id: 'NO', label: 'Norway' },
  { id: 'DK', label: 'Denmark' },
  { id: 'FI', label: 'Finland' },
  { id: 'TR', label: 'Turkey' },
  { id: 'IN', label: 'India' },
  { id: 'JP', label: 'Japan' },
  { id: 'KR', label: 'South Korea' },
  { id: 'AU', label: 'Australia' },
  { id: 'NZ', label: 'New Zealand' },
  { id: 'ZA', label: 'South Africa' },
  { id: 'AE', label: 'United Arab Emirates' },
] as const;
export type Country = (typeof countries)[number]['id'];
export const countrySchema = z.enum(countries.map((country) => country.id) as [Country, ...Country[]], {
  error: 'Choose a country from the list',
});

export const currencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'BRL', 'SEK', 'PLN'] as const;
export const currencySchema = z.enum(currencies, { error: 'Choose a currency from the list' });
export type Currency = z.infer<typeof currencySchema>;

export const streamingPlatforms = ['twitch', 'youtube', 'tiktok', 'facebook'] as const;
export const streamingPlatformSchema = z.enum(streamingPlatforms);
export type StreamingPlatform = z.infer<typeof streamingPlatformSchema>;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(weekdays);
export type Weekday = z.infer<typeof weekdaySchema>;

/** An IANA time zone this runtime knows, e.g. `Europe/Berlin`. */
export const timeZoneSchema = z.string().max(64, 'Choose a time zone from the list, e.g. Europe/Berlin').refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'Choose a time zone from the list, e.g. Europe/Berlin' },
);

/** `HH:MM`, 24-hour. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Use the 24-hour HH:MM format, e.g. 18:30' });

export const labelOf = <T extends { id: string; label: string }>(list: readonly T[], id: string) =>
  list.find((entry) => entry.id === id)?.label ?? id;

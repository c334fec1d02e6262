import { contentCategories, languages } from '@gametriggers/contracts';
import type { ContentCategory, Language } from '@gametriggers/contracts';

/** The monolith's free-text categories as the platform's; anything else is left out. */
const categoryAliases: Record<string, ContentCategory> = {
  fps: 'fps',
  shooter: 'fps',
  shooters: 'fps',
  'battle royale': 'battle_royale',
  battle_royale: 'battle_royale',
  moba: 'moba',
  rpg: 'rpg',
  strategy: 'strategy',
  sports: 'sports',
  racing: 'racing',
  fighting: 'fighting',
  simulation: 'simulation',
  horror: 'horror',
  indie: 'indie',
  retro: 'retro',
  esports: 'esports',
  'just chatting': 'just_chatting',
  just_chatting: 'just_chatting',
  irl: 'irl',
  music: 'music',
  creative: 'creative',
  art: 'creative',
  tech: 'tech',
  coding: 'tech',
  gaming: 'indie',
};

const knownCategories = new Set<string>(contentCategories.map((category) => category.id));

export function platformCategory(word: string): ContentCategory | undefined {
  const key = word.trim().toLowerCase().replace(/-/g, ' ');
  return categoryAliases[key] ?? (knownCategories.has(key) ? (key as ContentCategory) : undefined);
}

export function platformCategories(words: string[]): ContentCategory[] {
  return [
    ...new Set(words.map(platformCategory).filter((id): id is ContentCategory => id !== undefined)),
  ];
}

const languageByName = new Map<string, Language>(
  languages.flatMap((language) => [
    [language.id, language.id],
    [language.label.toLowerCase(), language.id],
  ]),
);

/** `english`, `English`, `en`, `en-US` all become `en`; unknown languages are left out. */
export function platformLanguages(words: string[]): Language[] {
  return [
    ...new Set(
      words
        .map(
          (word) =>
            languageByName.get(word.toLowerCase()) ??
            languageByName.get(word.toLowerCase().slice(0, 2)),
        )
        .filter((id): id is Language => id !== undefined),
    ),
  ];
}

import { firstWords } from '../analyzer/index.ts';

export interface LanguageOptions {
  /** Only the first this many words are looked at. Default 1000. */
  sampleWords: number;
  /** Fewest function words the winning language must show. Default 5. */
  minHits: number;
  /** How many times the runner-up's count the winner needs, to be told apart. Default 1.5. */
  minMargin: number;
}

export const DEFAULT_LANGUAGE_OPTIONS: LanguageOptions = { sampleWords: 1000, minHits: 5, minMargin: 1.5 };

/**
 * Frequent function words per language. Press releases and speeches are long enough for these to
 * tell English, French, Dutch, German and Spanish apart reliably, and a list can be read and
 * checked, unlike a trained model. A word shared by two lists counts for both.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'it', 'for', 'with', 'was', 'are', 'this', 'be', 'have', 'we', 'our', 'not', 'on', 'as', 'by', 'will', 'from', 'which', 'has', 'been', 'their', 'they', 'would', 'at', 'an'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'est', 'une', 'un', 'que', 'qui', 'dans', 'pour', 'pas', 'sur', 'au', 'aux', 'avec', 'nous', 'ce', 'cette', 'sont', 'par', 'ont', 'été', 'mais', 'leur', 'il', 'elle', 'plus'],
  nl: ['het', 'een', 'en', 'van', 'is', 'dat', 'die', 'niet', 'op', 'voor', 'met', 'zijn', 'wij', 'we', 'ook', 'aan', 'er', 'maar', 'worden', 'wordt', 'naar', 'door', 'bij', 'dit', 'deze', 'heeft', 'hebben', 'om', 'te', 'onze'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'den', 'von', 'mit', 'sich', 'des', 'auf', 'für', 'im', 'dem', 'wir', 'auch', 'es', 'werden', 'wird', 'sind', 'aus', 'bei', 'nach', 'oder', 'unsere', 'haben'],
  es: ['el', 'los', 'las', 'y', 'que', 'en', 'una', 'es', 'por', 'con', 'para', 'no', 'se', 'del', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'su', 'ha', 'son', 'nuestro', 'este', 'esta', 'hemos', 'también', 'muy', 'todos'],
};

const LANGUAGES_BY_WORD = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) LANGUAGES_BY_WORD.set(word, [...(LANGUAGES_BY_WORD.get(word) ?? []), lang]);
}

/** The language a text is written in (ISO 639-1), or undefined when the text does not say clearly. */
export function detectLanguage(text: string, options: Partial<LanguageOptions> = {}): string | undefined {
  const settings = { ...DEFAULT_LANGUAGE_OPTIONS, ...options };
  const counts = new Map<string, number>();
  for (const word of firstWords(text, settings.sampleWords)) {
    for (const lang of LANGUAGES_BY_WORD.get(word.toLowerCase()) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < settings.minHits) return undefined;
  if (second && first[1] < second[1] * settings.minMargin) return undefined;
  return first[0];
}

/** A declared language tag ("en-US", "FR") as its primary ISO 639-1 subtag, or undefined. */
export function normalizeLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

/** The kinds of queries the benchmark times, as users type them. */
export const QUERY_KINDS = ['one-word', 'multi-word', 'typing', 'misspelled', 'phrase', 'source-filter'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  /** The words, as the user typed them (the last may be a partial word for `typing`). */
  words: string[];
  /** Quoted as a phrase. */
  phrase: boolean;
  /** Restrict to this source id. */
  source?: string;
}

export interface BenchPassage {
  text: string;
  source: string;
}

const STOP_WORDS = new Set(
  'that this with from have which they their been were will there would these such more other than them into upon shall should when what also only made most same those under over every each very must said being after before while where during about between'.split(' '),
);

/** A small seeded generator, so every run and every engine times the same queries. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function contentWords(text: string): string[] {
  return (text.match(/[A-Za-z]{4,}/g) ?? []).map((word) => word.toLowerCase()).filter((word) => !STOP_WORDS.has(word));
}

/** One edit a hurried typist makes: two neighbouring letters swapped, or one letter replaced. */
function misspell(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  if (random() < 0.5) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  const letter = 'aeioustrnl'[Math.floor(random() * 10)]!;
  return word.slice(0, at) + (letter === word[at] ? 'x' : letter) + word.slice(at + 1);
}

/**
 * Builds `perKind` queries of each kind from the passages, deterministically. `typing` expands
 * a two-word query into every state a user passes through while typing it, from two letters on.
 */
export function buildQuerySet(passages: BenchPassage[], perKind: number, seed = 20261123): BenchQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const queries: BenchQuery[] = [];
  const passageWords = () => {
    for (;;) {
      const passage = pick(passages);
      const words = contentWords(passage.text);
      if (words.length >= 8) return { passage, words };
    }
  };

  for (let i = 0; i < perKind; i += 1) {
    queries.push({ kind: 'one-word', words: [pick(passageWords().words)], phrase: false });

    const { words } = passageWords();
    const count = 2 + Math.floor(random() * 3);
    queries.push({ kind: 'multi-word', words: Array.from({ length: count }, () => pick(words)), phrase: false });

    const long = passageWords().words.filter((word) => word.length >= 6);
    if (long.length > 0) queries.push({ kind: 'misspelled', words: [misspell(pick(long), random)], phrase: false });

    const { passage } = passageWords();
    const tokens = passage.text.match(/[A-Za-z]+/g) ?? [];
    const at = Math.floor(random() * Math.max(1, tokens.length - 2));
    if (tokens.length >= 2) queries.push({ kind: 'phrase', words: tokens.slice(at, at + 2).map((w) => w.toLowerCase()), phrase: true });

    const filtered = passageWords();
    queries.push({ kind: 'source-filter', words: [pick(filtered.words)], phrase: false, source: filtered.passage.source });
  }

  // Typing: fewer whole queries, each expanded into its keystrokes, to about perKind states.
  while (queries.filter((query) => query.kind === 'typing').length < perKind) {
    const { words } = passageWords();
    const [first, second] = [pick(words), pick(words)];
    const typed = `${first} ${second}`;
    for (let length = 2; length <= typed.length; length += 1) {
      const state = typed.slice(0, length);
      if (state.endsWith(' ')) continue;
      queries.push({ kind: 'typing', words: state.split(' '), phrase: false });
    }
  }
  return queries;
}

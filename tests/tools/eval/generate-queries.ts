/**
 * Writes tests/tools/eval/queries.json: the generated part of the evaluation set (the topical queries
 * are judged by hand, in topical.json). Seeded, so a run gives the same file; the file is committed so
 * the queries can be reviewed, and `npm run eval` reads it rather than running this.
 *
 * `npx tsx tests/tools/eval/generate-queries.ts`
 *
 * From a passage, a "remembered" query takes 3–4 ordinary words of its topic from one stretch of it
 * (WORD_PASSAGES, MEMORY_SPAN), words that few other passages hold together (MAX_HOLDERS);
 * then the other kinds are made from it (misspelled, half typed, another inflection, an extra wrong
 * word), so each has a clean twin. Two-word queries come from other passages.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { seededRandom } from '../bench/query-set.ts';
import { makeTempFolder, SEED_CORPUS } from '../../support/fixture-index.ts';
import { buildEvalCorpus } from './eval-corpus.ts';
import { formatQueryFile, QUERY_FILES, type EvalQuery } from './eval-query.ts';
import { collectCorpusWords, findExcerpt, passageFrequency, passagesWithAll, type CorpusWords, type PassageWords } from './passage-words.ts';
import { DROPPED } from './reviewed-drops.ts';
import { inflect, misspell } from './word-variants.ts';

const SEED = 20261124;
/** Known-item queries (and the kinds made from them) per corpus. */
const REMEMBERED = { sotu: 56, seed: 6 };
const TWO_WORDS = { sotu: 58, seed: 6 };
/**
 * A remembered word is in this many passages: the words a reader remembers are ordinary words of the
 * passage's topic, neither a one-off (which makes the search trivial) nor a word of every other
 * passage (about 0.03% to 10% of the corpus).
 */
const WORD_PASSAGES = { min: 5, max: 1500 };
/**
 * At most this many passages hold all the remembered words: the passage meant, and one or two others
 * where they stand apart (in the passage meant they stand within MEMORY_SPAN words).
 */
const MAX_HOLDERS = 3;
/** The remembered words come from a stretch of this many words of the passage. */
const MEMORY_SPAN = 20;
const MIN_PASSAGE_WORDS = 40;

const STOP_WORDS = new Set(
  (
    'about above after again against also although among another because been before being below between both cannot could does doing down during each either ' +
    'every from further have having here hers herself himself into itself just least less many more most much must myself neither never nevertheless only other ' +
    'ours ourselves over same shall should since some such than that their theirs them themselves then there therefore these they this those though through ' +
    'thus under until upon very were what whatever when where whether which while whom whose will with within without would your yours yourself yourselves ' +
    'made make upon well year years time shall great ' +
    // Adverbs and vague words: a reader remembers what a passage is about, not how it was joined up.
    'indeed however still even already almost ever quite rather really thus hence whereas herein hereby therein thereof perhaps together often always ' +
    'toward towards across around beyond several certain various whole ends part parts hand hands means matter matters thing things within behalf ' +
    'might done seem seems seemed enough finally find found need needs give given take taken come like want know think going sure thank shown'
  ).split(' '),
);

interface Remembered {
  id: string;
  passage: PassageWords;
  words: string[];
  excerpt: string;
}

const temp = await makeTempFolder('passim-eval-gen-');
try {
  const { documents } = await buildEvalCorpus(temp.path);
  const corpus = collectCorpusWords(documents);
  const random = seededRandom(SEED);
  const seedSources = new Set((await readdir(SEED_CORPUS, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  const pools = {
    sotu: corpus.passages.filter((p) => !seedSources.has(p.document.source) && p.words.length >= MIN_PASSAGE_WORDS),
    seed: corpus.passages.filter((p) => seedSources.has(p.document.source) && p.words.length >= MIN_PASSAGE_WORDS),
  };
  const used = new Set<number>();
  const queries: EvalQuery[] = [];
  const CORPORA = ['sotu', 'seed'] as const;
  const remembered = CORPORA.flatMap((pool) => pickPassages(pools[pool], REMEMBERED[pool], used, random, (passage) => rememberWords(corpus, passage, 3 + Math.floor(random() * 2), random)));
  const pairs = CORPORA.flatMap((pool) => pickPassages(pools[pool], TWO_WORDS[pool], used, random, (passage) => rememberWords(corpus, passage, 2, random)));
  remembered.forEach((base, number) => {
    // Each query's variants draw from their own stream, so changing how one kind is made leaves the others as they were.
    queries.push(...deriveQueries({ ...base, id: String(number).padStart(3, '0') }, corpus, seededRandom(SEED * 1000 + number)));
  });
  pairs.forEach(({ passage, words, excerpt }, number) => {
    queries.push({ id: `two-${String(number).padStart(3, '0')}`, kind: 'two-words', q: words.join(' '), targets: [{ path: passage.path, excerpt }] });
  });
  const kept = queries.filter((query) => !(query.id in DROPPED) && !(query.twin !== undefined && query.twin in DROPPED));
  const about =
    `Generated by tests/tools/eval/generate-queries.ts (seed ${SEED}) from the SOTU and seed corpora; ` +
    `${queries.length - kept.length} queries dropped after review (reasons in tests/tools/eval/reviewed-drops.ts). Topical queries are in topical.json.`;
  await writeFile(QUERY_FILES.generated, formatQueryFile({ about, queries: kept }));
  const counts = new Map<string, number>();
  for (const query of kept) counts.set(query.kind, (counts.get(query.kind) ?? 0) + 1);
  console.log(`${kept.length} queries written to ${QUERY_FILES.generated}:`, Object.fromEntries(counts));
} finally {
  await temp.remove();
}

/** Draws passages at random until `count` of them give a query, each passage at most once. */
function pickPassages<T>(pool: PassageWords[], count: number, used: Set<number>, random: () => number, make: (passage: PassageWords) => T | undefined): T[] {
  const made: T[] = [];
  for (let attempt = 0; made.length < count && attempt < count * 50; attempt += 1) {
    const passage = pool[Math.floor(random() * pool.length)]!;
    if (used.has(passage.index)) continue;
    const result = make(passage);
    if (result === undefined) continue;
    used.add(passage.index);
    made.push(result);
  }
  return made;
}

function isContentWord(corpus: CorpusWords, word: string): boolean {
  const passages = passageFrequency(corpus, word);
  return word.length >= 4 && /^[a-z]+$/.test(word) && !STOP_WORDS.has(word) && passages >= WORD_PASSAGES.min && passages <= WORD_PASSAGES.max;
}

/**
 * `count` words a reader would remember from one part of the passage (a stretch of MEMORY_SPAN words),
 * that at most MAX_HOLDERS passages hold together, in random order.
 */
function rememberWords(corpus: CorpusWords, passage: PassageWords, count: number, random: () => number): Omit<Remembered, 'id'> | undefined {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const from = Math.floor(random() * Math.max(1, passage.words.length - MEMORY_SPAN));
    const span = passage.words.slice(from, from + MEMORY_SPAN);
    const content = [...new Set(span.map(({ word }) => word))].filter((word) => isContentWord(corpus, word));
    if (content.length < count) continue;
    const words = shuffle(content, random).slice(0, count);
    // Two long words for misspelling them; with only two words, both should carry meaning.
    if (words.filter((word) => word.length >= 5).length < 2) continue;
    const holders = passagesWithAll(corpus, words);
    if (holders.length > MAX_HOLDERS || holders.some((other) => other !== passage.index && shortestSpan(corpus.passages[other]!, words) <= MEMORY_SPAN)) continue;
    const at = from + span.findIndex(({ word }) => word === words[0]);
    const excerpt = findExcerpt(passage, at);
    if (excerpt !== undefined) return { passage, words, excerpt };
  }
  return undefined;
}

/** The fewest consecutive words of the passage that hold every one of `words`. */
function shortestSpan(passage: PassageWords, words: readonly string[]): number {
  const wanted = new Set(words);
  const last = new Map<string, number>();
  let shortest = Number.POSITIVE_INFINITY;
  passage.words.forEach(({ word }, at) => {
    if (!wanted.has(word)) return;
    last.set(word, at);
    if (last.size === wanted.size) shortest = Math.min(shortest, at - Math.min(...last.values()) + 1);
  });
  return shortest;
}

/** The known-item query and the kinds made from it. */
function deriveQueries(base: Remembered, corpus: CorpusWords, random: () => number): EvalQuery[] {
  const targets = [{ path: base.passage.path, excerpt: base.excerpt }];
  const clean = `ki-${base.id}`;
  const queries: EvalQuery[] = [{ id: clean, kind: 'known-item', q: base.words.join(' '), targets }];
  const known = (word: string) => passageFrequency(corpus, word) > 0;

  const typos = (count: number) => {
    const long = shuffle(base.words.filter((word) => word.length >= 5), random).slice(0, count);
    if (long.length < count) return undefined;
    const changes = new Map<string, string>();
    const notes: string[] = [];
    for (const word of long) {
      let made = misspell(word, random);
      for (let attempt = 0; known(made.typo) && attempt < 10; attempt += 1) made = misspell(word, random);
      if (known(made.typo)) return undefined;
      changes.set(word, made.typo);
      notes.push(`${word} -> ${made.typo} (${made.kind})`);
    }
    return { q: base.words.map((word) => changes.get(word) ?? word).join(' '), note: notes.join(', ') };
  };
  const one = typos(1);
  if (one) queries.push({ id: `mis1-${base.id}`, kind: 'misspelled-1', ...one, targets, twin: clean });
  const two = typos(2);
  if (two) queries.push({ id: `mis2-${base.id}`, kind: 'misspelled-2', ...two, targets, twin: clean });

  const typed = shuffle(base.words.filter((word) => word.length >= 6), random)[0];
  if (typed) {
    const part = typed.slice(0, Math.ceil(typed.length / 2));
    const q = [...base.words.filter((word) => word !== typed), part].join(' ');
    queries.push({ id: `half-${base.id}`, kind: 'half-typed', q, targets, twin: clean, note: `${typed} -> ${part}` });
  }

  for (const word of shuffle(base.words, random)) {
    const forms = inflect(word).filter((form) => passageFrequency(corpus, form) >= 2 && !base.passage.distinct.has(form));
    const form = forms[Math.floor(random() * forms.length)];
    if (form === undefined) continue;
    queries.push({ id: `infl-${base.id}`, kind: 'inflection', q: base.words.map((w) => (w === word ? form : w)).join(' '), targets, twin: clean, note: `${word} -> ${form}` });
    break;
  }

  const neighbours = base.passage.document.passages.filter((p) => p.ordinal !== base.passage.ordinal).map((p) => p.ordinal);
  const elsewhere = new Set(
    corpus.passages
      .filter((p) => p.path === base.passage.path && neighbours.includes(p.ordinal))
      .flatMap((p) => [...p.distinct])
      .filter((word) => isContentWord(corpus, word) && !base.passage.distinct.has(word)),
  );
  const wrong = shuffle([...elsewhere], random)[0];
  if (wrong) {
    const words = [...base.words];
    words.splice(Math.floor(random() * (words.length + 1)), 0, wrong);
    queries.push({ id: `extra-${base.id}`, kind: 'extra-word', q: words.join(' '), targets, twin: clean, note: `+ ${wrong} (from elsewhere in the document)` });
  }
  return queries;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

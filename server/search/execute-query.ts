import type { LoadedIndex, PassageEntry } from '../index/loaded-index.ts';
import type { IndexFacts } from '../index/index-facts.ts';
import { runAllSteps, runStepsInSlices, type WorkSlices, type WorkSteps } from '../index/work-slices.ts';
import { positiveClauses, type AnyNode, type MatchNode, type NotNode, type QueryTree } from '../query/query-tree.ts';
import { buildPassageFilter } from './filter-passages.ts';
import { TERM_INDEX_FIELDS } from '../../indexer/index/term-index.ts';
import { countPostings, createGatheredPostings, createPhraseCheck, createPostingProbe, DEFAULT_BM25_OPTIONS, gatherPassages, gatherPostings, hasPhraseStart, listPostings, seek, type PostingList, passageHasAny, passageHasPhrase, type FieldBoosts, type GatheredPostings, type PassageRange } from './read-postings.ts';
import { DEFAULT_EXPANSION_OPTIONS, exactExpansion, lookUpTerm, findTermId, passagesWithTerm, type Expansion } from './term-lookup.ts';

export interface ExecuteOptions {
  /** Weight of a title-field match against a text match (the title is indexed with a document's first passage). Default 1. */
  titleFieldBoost: number;
  /** Weight of a fuzzy match against an exact one, before edit distance. Default 0.3. */
  fuzzyWeight: number;
  /** Weight of a prefix match against an exact one, before the added letters. Default 0.4. */
  prefixWeight: number;
  /**
   * In the any-word fallback, a word in more than this share of passages ("the", "of") cannot make a
   * passage match on its own, when the query has rarer words. Default 0.5.
   */
  commonWordShare: number;
  /**
   * A query of at least this many clauses also returns passages that miss one of them: a reader who
   * remembers four words of a passage often gets one wrong. They rank by how much of the query they
   * hold (`RankOptions.coordinationPower`), so passages holding it all come first unless they hold it
   * only through other forms and near spellings. Default 3.
   */
  oneMissingFrom: number;
  /**
   * An AND whose rarest word is far rarer than the others takes that word's passages as candidates and
   * looks the other words up for each, instead of reading all their postings; a query that is one
   * phrase intersects its words' postings in passage order. Same matches and scores either way; `false`
   * stamps every posting into per-passage arrays (the tests' oracle). Default true.
   */
  lookUpPostings: boolean;
}

export const DEFAULT_EXECUTE_OPTIONS: ExecuteOptions = { titleFieldBoost: 1, fuzzyWeight: 0.3, prefixWeight: 0.4, commonWordShare: 0.5, oneMissingFrom: 3, lookUpPostings: true };

/** A passage that matched, before ranking. */
export interface Match {
  /** The passage's number in the index (`index.entries[passage]`). */
  passage: number;
  entry: PassageEntry;
  /** BM25+ over text and title, with fuzzy and prefix matches discounted. */
  score: number;
  /** Positive clauses this passage matched with the very word (not a prefix or near spelling). */
  exactClauses: number;
  /** Positive clauses this passage matched, in any way. */
  matchedClauses: number;
}

export interface ExecutedQuery {
  /** Valid until the next `executeQuery` on the same index, which refills the same objects. */
  matches: Match[];
  /** `any` when nothing matched every clause and passages matching some of them are returned instead. */
  matchMode: 'all' | 'any';
}

/**
 * A clause, ready to run: the index terms it can match. A phrase runs as the AND of its words and a
 * text check; an OR clause as the union of its children and, when one is a phrase, a check per passage.
 */
export interface PreparedClause {
  node: MatchNode | AnyNode;
  /** The alternatives the clause accepts: itself, or each child of an OR. */
  parts: PreparedPart[];
  /** Groups that must each be matched (one per phrase word; one otherwise), as unions of expansions. */
  groups: Expansion[][];
  /** Postings visited: clauses run rarest first so the candidate set is small from the start. */
  cost: number;
  /** Needs a per-passage check beyond the postings (a phrase, or an OR with a phrase in it). */
  needsCheck: boolean;
}

/** A term or phrase with the index terms each of its words can match. */
export interface PreparedPart {
  node: MatchNode;
  groups: Expansion[][];
}

/** Reusable per-index scratch arrays: one slot per passage, stamped with a query epoch so nothing is cleared between queries. */
interface Scratch {
  stamp: Uint32Array;
  score: Float64Array;
  /** Per passage: bits of the groups (any-word passes) whose postings it is in. */
  groupBits: Uint32Array;
  /** Per passage: bits of the clauses it holds with the very word. */
  exactBits: Uint32Array;
  /** Passages that reached the last group of an AND, each once. */
  complete: Uint32Array;
  /** Candidates of an any-word pass, each once. */
  candidates: Uint32Array;
  postings: GatheredPostings;
  epoch: number;
  /**
   * One `Match` per passage, made once in passage order and refilled by AND queries matching most passages: a typed
   * prefix ("in") matches nearly every passage, and making 230,000 new objects a query (x16) cost
   * more than reading the postings, most of it in the garbage collector.
   */
  matchOf: Match[];
}

const scratches = new WeakMap<LoadedIndex, Scratch>();

/** Match objects made between two pauses of `prepareScratch`. */
const MATCHES_PER_STEP = 50_000;

/** Makes and keeps an index's scratch, yielding every MATCHES_PER_STEP match objects. */
function* buildScratchInSteps(index: LoadedIndex): WorkSteps<Scratch> {
  const count = index.terms.passageCount;
  const matchOf: Match[] = [];
  for (let passage = 0; passage < index.entries.length; passage += 1) {
    if (passage % MATCHES_PER_STEP === MATCHES_PER_STEP - 1) yield;
    matchOf.push({ passage, entry: index.entries[passage]!, score: Number.NaN, exactClauses: 0, matchedClauses: 0 });
  }
  const built: Scratch = { stamp: new Uint32Array(count), score: new Float64Array(count), groupBits: new Uint32Array(count), exactBits: new Uint32Array(count), complete: new Uint32Array(count), candidates: new Uint32Array(count), postings: createGatheredPostings(), epoch: 1, matchOf };
  // A search that ran while this was made made its own: the first kept is the one used.
  const kept = scratches.get(index) ?? built;
  scratches.set(index, kept);
  return kept;
}

/**
 * Makes an index's scratch before it is served, pausing between steps: a million match objects made
 * in one piece held the event loop for about 120 ms, most of it in the garbage collector.
 */
export async function prepareScratch(index: LoadedIndex, slices: WorkSlices): Promise<void> {
  if (!scratches.has(index)) await runStepsInSlices(buildScratchInSteps(index), slices);
}

function scratchOf(index: LoadedIndex, stampsNeeded: number): Scratch {
  const scratch = scratches.get(index) ?? runAllSteps(buildScratchInSteps(index));
  if (scratch.epoch + stampsNeeded >= 0xffffffff) {
    scratch.stamp.fill(0);
    scratch.epoch = 1;
  }
  return scratch;
}

/**
 * Runs a query tree on the term index. AND: clauses run rarest first; each later clause only keeps
 * passages every earlier one matched, so the work is the postings of the query's own terms and
 * nothing per non-matching passage. Phrases are then checked against the text of the few passages
 * that hold all their words (by word positions); field filters and exclusions are applied to the candidates. When
 * several clauses match nothing together, the query runs again requiring any one of them.
 * The matches' objects are reused by the next query on the same index: read them before running another.
 */
export function executeQuery(index: LoadedIndex, facts: IndexFacts, tree: QueryTree, options: Partial<ExecuteOptions> = {}): ExecutedQuery {
  return executePrepared(prepareQuery(index, facts, tree, options));
}

/** `executeQuery` on a query already prepared. */
export function executePrepared(prepared: PreparedQuery): ExecutedQuery {
  const { index, positive, boosts, accept, settings } = prepared;
  if (positive.length === 0 && !prepared.hasFilters) return { matches: [], matchMode: 'all' };
  const all = positive.length === 0 ? everyPassage(index, accept) : runAll(index, positive, boosts, accept, undefined, undefined, settings.lookUpPostings);
  if (all.length > 0 && positive.length >= settings.oneMissingFrom) {
    // Passages holding every clause are `all` already: only those missing exactly one are added.
    const missingOne = runAny(index, positive, positive, boosts, accept, positive.length - 1, positive.length - 1);
    return { matches: all.concat(missingOne), matchMode: 'all' };
  }
  if (all.length > 0 || positive.length < 2) return { matches: all, matchMode: 'all' };

  const common = ({ node }: PreparedClause) =>
    node.kind === 'term' && !node.prefix && (findTermId(index, node.term) === undefined ? 0 : passagesWithTerm(index, findTermId(index, node.term)!)) > settings.commonWordShare * index.terms.passageCount;
  const informative = positive.filter((clause) => !common(clause));
  return { matches: runAny(index, positive, informative.length > 0 ? informative : positive, boosts, accept), matchMode: 'any' };
}

/** A query tree with its clauses expanded to index terms, its filters and exclusions as one test: ready to run on the whole index or a range of it. */
export interface PreparedQuery {
  index: LoadedIndex;
  /** Positive clauses, as written (not yet ordered by cost). */
  positive: PreparedClause[];
  boosts: FieldBoosts;
  /** Undefined when nothing is excluded or filtered: every candidate is accepted. */
  accept: ((passage: number) => boolean) | undefined;
  /** The query has exclusions or field filters. */
  hasFilters: boolean;
  settings: ExecuteOptions;
}

export function prepareQuery(index: LoadedIndex, facts: IndexFacts, tree: QueryTree, options: Partial<ExecuteOptions> = {}): PreparedQuery {
  const settings = { ...DEFAULT_EXECUTE_OPTIONS, ...options };
  const expansionOptions = { ...DEFAULT_EXPANSION_OPTIONS, fuzzyWeight: settings.fuzzyWeight, prefixWeight: settings.prefixWeight };
  const expand = (node: MatchNode): Expansion[][] =>
    node.kind === 'term' ? [lookUpTerm(index, facts, node, expansionOptions)] : node.terms.map((term) => exactExpansion(index, term));
  const prepare = (node: MatchNode | AnyNode): PreparedClause => {
    const parts = (node.kind === 'any' ? node.children : [node]).map((child) => ({ node: child, groups: expand(child) }));
    const groups = node.kind === 'any' ? [parts.flatMap((part) => part.groups.flat())] : parts[0]!.groups;
    const needsCheck = parts.some((part) => part.node.kind === 'phrase');
    return { node, parts, groups, needsCheck, cost: Math.min(...groups.map((group) => countPostings(index, group))) };
  };

  const positive = positiveClauses(tree).map(prepare);
  const excluded = tree.clauses.filter((clause): clause is NotNode => clause.kind === 'not');
  const boosts: FieldBoosts = { text: 1, title: settings.titleFieldBoost };
  const keep = buildPassageFilter(tree.filters, facts);
  const isExcluded = buildExclusion(index, excluded.map(({ child }) => ({ node: child, groups: expand(child) })));
  const accept = !isExcluded && !keep ? undefined : (passage: number) => !isExcluded?.(passage) && (!keep || keep(index.entries[passage]!));
  return { index, positive, boosts, accept, hasFilters: excluded.length > 0 || tree.filters.length > 0, settings };
}

/**
 * Which matches can still reach the page, for a search of part of the archive that wants only the
 * matches that can (prune/search-pruned.ts): a match is left out when even the best key it can have
 * falls below the page's. Ranking's first key is the clauses held with the very word, then the rank.
 */
export interface MatchFloor {
  /** Whether a match with at most this many exact clauses can reach the page at all. */
  admitsExact(exactAtMost: number): boolean;
  /** Whether a match of this passage, BM25 score and clauses held, with at most `exactAtMost` of them exact, can. */
  admits(passage: number, score: number, matchedClauses: number, exactAtMost: number): boolean;
}

/**
 * The passages of `range` that match every clause of a prepared query (with at least one clause),
 * and, for a query of `oneMissingFrom` clauses or more, those missing exactly one: what
 * `executeQuery` returns for these passages when it does not fall back to any word. The match
 * objects are new: they stay valid across calls. With a `floor`, only the matches it admits: those
 * below it are dropped before their phrases are checked, and passages missing a clause are not
 * looked for when none of them can reach the page.
 */
export function runPreparedInRange(prepared: PreparedQuery, range: PassageRange, floor?: MatchFloor): Match[] {
  const { index, positive, boosts, accept, settings } = prepared;
  const all = runAll(index, positive, boosts, accept, range, floor, settings.lookUpPostings);
  if (positive.length < settings.oneMissingFrom) return all;
  // A passage missing a clause holds at most the others with the very word.
  if (floor && !floor.admitsExact(positive.length - 1)) return all;
  return all.concat(runAny(index, positive, positive, boosts, accept, positive.length - 1, positive.length - 1, range, floor));
}

function everyPassage(index: LoadedIndex, accept: ((passage: number) => boolean) | undefined): Match[] {
  const matches: Match[] = [];
  for (let passage = 0; passage < index.entries.length; passage += 1) {
    if (!accept || accept(passage)) matches.push({ passage, entry: index.entries[passage]!, score: 0, exactClauses: 0, matchedClauses: 0 });
  }
  return matches;
}

/** The passage's match object, refilled: see `Scratch.matchOf`. */
function reuseMatch(scratch: Scratch, passage: number, score: number, exactClauses: number, matchedClauses: number): Match {
  const match = scratch.matchOf[passage]!;
  match.score = score;
  match.exactClauses = exactClauses;
  match.matchedClauses = matchedClauses;
  return match;
}

/** Most clauses whose exactness is kept as bits per passage (the rest are checked by binary search). */
const MAX_BITS = 32;

/** Number of bits set. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/** A clause whose postings alone say whether a passage holds it, and holds it with the very word: one group, no phrase. */
const isPlain = (clause: PreparedClause) => !clause.needsCheck && clause.groups.length === 1;

/**
 * The group whose passages to take as an AND's candidates, looking up every group for each, when that
 * costs less than reading every group's postings (one far rarer than the rest: "sooner" beside "well",
 * "list" beside "of"); undefined otherwise. A look-up gallops from the last one: about log2 of the gap
 * between candidates in the list it searches, per term and field.
 */
function probeFrom(index: LoadedIndex, groups: Expansion[][]): number | undefined {
  if (groups.length < 2) return undefined;
  const costs = groups.map((group) => countPostings(index, group));
  let rarest = 0;
  for (let i = 1; i < costs.length; i += 1) if (costs[i]! < costs[rarest]!) rarest = i;
  const candidates = costs[rarest]!;
  let lookUps = 0;
  let reads = 0;
  groups.forEach((group, i) => {
    lookUps += candidates * group.length * TERM_INDEX_FIELDS.length * (Math.log2(costs[i]! / Math.max(1, candidates) + 1) + 2);
    if (i !== rarest) reads += costs[i]!;
  });
  return lookUps * PROBE_COST < reads * READ_COST ? rarest : undefined;
}

/** Relative costs of a galloping step of a look-up and of reading a posting (gathering, then stamping it). */
const PROBE_COST = 1;
const READ_COST = 4;

/**
 * A query that is one phrase: its words' text postings (sorted by passage) are intersected by walking
 * the rarest and galloping in the others, which reads them in order instead of stamping every posting
 * into per-passage arrays; a passage's score adds each word's text and title gains in `runAll`'s order
 * (the same number), and its positions are read from the postings found, without a search.
 */
function runPhrase(index: LoadedIndex, groups: Expansion[][], boosts: FieldBoosts, accept: ((passage: number) => boolean) | undefined, range?: PassageRange, floor?: MatchFloor): Match[] {
  const text = groups.map((group) => listPostings(index, group, boosts, DEFAULT_BM25_OPTIONS, range, ['text'])[0]);
  if (text.some((list) => list === undefined || list.from >= list.to)) return [];
  const lists = text as PostingList[];
  const titles = groups.map((group) => createPostingProbe(index, group, boosts, range, DEFAULT_BM25_OPTIONS, ['title']));
  const { k1, delta } = DEFAULT_BM25_OPTIONS;
  const k1Plus1 = k1 + 1;
  let driver = 0;
  for (let i = 1; i < lists.length; i += 1) if (lists[i]!.to - lists[i]!.from < lists[driver]!.to - lists[driver]!.from) driver = i;
  const cursors = Int32Array.from(lists, (list) => list.from);
  const matches: Match[] = [];
  const { passages: driverPassages, from, to } = lists[driver]!;
  candidates: for (let at = from; at < to; at += 1) {
    const passage = driverPassages[at]!;
    cursors[driver] = at;
    for (let i = 0; i < lists.length; i += 1) {
      if (i === driver) continue;
      const list = lists[i]!;
      const found = seek(list.passages, cursors[i]!, list.to, passage);
      cursors[i] = found;
      if (found >= list.to) break candidates;
      if (list.passages[found] !== passage) continue candidates;
    }
    let score = 0;
    for (let i = 0; i < lists.length; i += 1) {
      const { freqs, norm, factor } = lists[i]!;
      const tf = freqs[cursors[i]!]!;
      score += factor * (delta + (tf * k1Plus1) / (tf + norm[passage]!));
      score = titles[i]!.probe(passage, score);
    }
    if (floor && !floor.admits(passage, score, 1, 1)) continue;
    if (accept && !accept(passage)) continue;
    if (!hasPhraseStart(index, cursors)) continue;
    matches.push({ passage, entry: index.entries[passage]!, score, exactClauses: 1, matchedClauses: 1 });
  }
  return matches;
}

/** Passages matching every clause. */
function runAll(index: LoadedIndex, clauses: PreparedClause[], boosts: FieldBoosts, accept: ((passage: number) => boolean) | undefined, range?: PassageRange, floor?: MatchFloor, lookUp = true): Match[] {
  const ordered = [...clauses].sort((a, b) => a.cost - b.cost);
  const groups = ordered.flatMap((clause) => clause.groups);
  if (groups.some((group) => group.length === 0)) return [];
  // The clause of each group, and its exactness bit when the postings tell it (0 otherwise).
  const exactBitOfGroup = ordered.flatMap((clause, at) => clause.groups.map(() => (isPlain(clause) && at < MAX_BITS ? 1 << at : 0)));
  const scratch = scratchOf(index, groups.length + 2);
  const { stamp, score, exactBits, postings, complete: completeList } = scratch;
  const base = scratch.epoch;
  scratch.epoch += groups.length + 2;
  const lastGroup = groups.length - 1;
  let completeCount = 0;

  if (lookUp && ordered.length === 1 && ordered[0]!.node.kind === 'phrase' && groups.every((group) => group.length === 1)) return runPhrase(index, groups, boosts, accept, range, floor);
  const rarest = lookUp ? probeFrom(index, groups) : undefined;
  if (rarest !== undefined) {
    // A group far rarer than the others: its passages are the candidates, ascending, and every group
    // (in order, so the score adds up as below) is looked up for each of them.
    const { count, passages } = gatherPassages(index, groups[rarest]!, postings, range);
    const candidates = scratch.candidates;
    let candidateCount = 0;
    for (let k = 0; k < count; k += 1) {
      const passage = passages[k]!;
      if (stamp[passage] === base + 1) continue;
      stamp[passage] = base + 1;
      candidates[candidateCount++] = passage;
    }
    candidates.subarray(0, candidateCount).sort();
    const probes = groups.map((group) => createPostingProbe(index, group, boosts, range));
    const completeStamp = base + groups.length;
    candidates: for (let k = 0; k < candidateCount; k += 1) {
      const passage = candidates[k]!;
      let sum = 0;
      let bits = 0;
      for (let i = 0; i < probes.length; i += 1) {
        const probe = probes[i]!;
        sum = probe.probe(passage, sum);
        if (!probe.found) continue candidates;
        if (probe.exact) bits |= exactBitOfGroup[i]!;
      }
      score[passage] = sum;
      exactBits[passage] = bits;
      stamp[passage] = completeStamp;
      completeList[completeCount++] = passage;
    }
  }

  // Stamp base + i + 1 means: matched groups 0..i. Only passages at base + i take part in group i.
  if (rarest === undefined) groups.forEach((group, i) => {
    const previous = base + i;
    const current = base + i + 1;
    const bit = exactBitOfGroup[i]!;
    // After the first group, only passages that matched every group so far take part.
    const only = i === 0 ? undefined : { stamp, from: previous, to: current };
    const { count, passages, gains, exact } = gatherPostings(index, group, boosts, postings, undefined, range, only);
    for (let k = 0; k < count; k += 1) {
      const passage = passages[k]!;
      const seen = stamp[passage]!;
      if (seen === current) {
        score[passage]! += gains[k]!;
        if (exact[k] === 1) exactBits[passage]! |= bit;
      } else if (i === 0 ? seen < base + 1 || seen > base + groups.length + 1 : seen === previous) {
        stamp[passage] = current;
        score[passage] = i === 0 ? gains[k]! : score[passage]! + gains[k]!;
        const exactBit = exact[k] === 1 ? bit : 0;
        exactBits[passage] = i === 0 ? exactBit : exactBits[passage]! | exactBit;
        if (i === lastGroup) completeList[completeCount++] = passage;
      }
    }
  });

  const matches: Match[] = [];
  // A phrase's words are all there (their groups are in the stamps): only their order is checked.
  const checks = ordered
    .filter((clause) => clause.needsCheck)
    .map((clause) =>
      clause.node.kind === 'phrase'
        ? createPhraseCheck(index, clause.groups.map((group) => group[0]!.termId))
        : (passage: number) => clauseMatches(index, clause, passage),
    );
  // Exact clauses: the plain ones are bits; a phrase held is its very words; an OR with a phrase is looked up.
  const plainBits = ordered.reduce((bits, clause, at) => (isPlain(clause) && at < MAX_BITS ? bits | (1 << at) : bits), 0);
  const phrases = ordered.filter((clause) => clause.node.kind === 'phrase').length;
  const others = ordered.filter((clause, at) => !(isPlain(clause) && at < MAX_BITS) && clause.node.kind !== 'phrase');
  // The candidates: passages that reached the last group, listed as they did.
  // Most passages (a typed prefix, a common word): their match objects are refilled, in passage order,
  // the order they lie in memory. Fewer are new objects, listed as they came: refilled objects spread
  // over the heap made counting facets and ranking a few thousand matches slower than making them.
  const inPassageOrder = range === undefined && completeCount > stamp.length / 2;
  const completeStamp = base + groups.length;
  candidates: for (let k = 0; k < (inPassageOrder ? stamp.length : completeCount); k += 1) {
    const passage = inPassageOrder ? k : completeList[k]!;
    if (inPassageOrder && stamp[passage] !== completeStamp) continue;
    const plainExact = bitCount(exactBits[passage]! & plainBits) + phrases;
    if (floor && !floor.admits(passage, score[passage]!, clauses.length, plainExact + others.length)) continue;
    if (accept && !accept(passage)) continue;
    // Postings prove every word is there; phrases still need their words side by side.
    for (const check of checks) if (!check(passage)) continue candidates;
    let exactClauses = plainExact;
    if (others.length > 0) exactClauses += countExact(index, others, passage, undefined, true);
    if (inPassageOrder) matches.push(reuseMatch(scratch, passage, score[passage]!, exactClauses, clauses.length));
    else matches.push({ passage, entry: index.entries[passage]!, score: score[passage]!, exactClauses, matchedClauses: clauses.length });
  }
  return matches;
}

/**
 * Passages matching at least one informative clause and between `minimum` and `maximum` clauses,
 * scored on every clause they match. Which groups a passage is in is kept as bits while the postings
 * are read, so a candidate costs a few bit tests, not a binary search per clause.
 */
function runAny(
  index: LoadedIndex,
  clauses: PreparedClause[],
  informative: PreparedClause[],
  boosts: FieldBoosts,
  accept: ((passage: number) => boolean) | undefined,
  minimum = 1,
  maximum = clauses.length,
  range?: PassageRange,
  floor?: MatchFloor,
): Match[] {
  const groupCount = clauses.reduce((sum, clause) => sum + clause.groups.length, 0);
  const useBits = groupCount <= MAX_BITS;
  const scratch = scratchOf(index, 2);
  const { stamp, score, groupBits, exactBits, postings, candidates } = scratch;
  const touched = scratch.epoch;
  scratch.epoch += 2;
  let candidateCount = 0;
  // A passage holding `minimum` clauses holds one of any (clauses − minimum + 1) of them: only the
  // rarest that many can bring candidates, the others only add to them. Candidates are listed first,
  // then every clause is read in order, so the scores add up exactly as with one pass.
  const introducing = clauses.length - minimum + 1;
  const listFirst = introducing < clauses.length;
  if (listFirst) {
    const rarest = [...clauses].sort((a, b) => a.cost - b.cost).slice(0, introducing);
    for (const group of rarest.flatMap((clause) => clause.groups)) {
      const { count, passages } = gatherPassages(index, group, postings, range);
      for (let k = 0; k < count; k += 1) {
        const passage = passages[k]!;
        if (stamp[passage] === touched) continue;
        stamp[passage] = touched;
        score[passage] = 0;
        groupBits[passage] = 0;
        exactBits[passage] = 0;
        candidates[candidateCount++] = passage;
      }
    }
  }
  // Listed first, the candidates are all the later passes add to.
  const candidatesOnly = { stamp, from: touched, to: touched };
  // Per clause: the bits of its groups, and whether holding them is enough (no phrase to check).
  const clauseGroups: number[] = [];
  let groupAt = 0;
  clauses.forEach((clause, at) => {
    let bits = 0;
    for (const group of clause.groups) {
      const bit = useBits ? 1 << groupAt : 0;
      const exactBit = useBits && isPlain(clause) && at < MAX_BITS ? 1 << at : 0;
      bits |= bit;
      groupAt += 1;
      const { count, passages, gains, exact } = gatherPostings(index, group, boosts, postings, undefined, range, listFirst ? candidatesOnly : undefined);
      for (let k = 0; k < count; k += 1) {
        const passage = passages[k]!;
        const exactHere = exact[k] === 1 ? exactBit : 0;
        if (stamp[passage] === touched) {
          score[passage]! += gains[k]!;
          groupBits[passage]! |= bit;
          exactBits[passage]! |= exactHere;
        } else if (!listFirst) {
          stamp[passage] = touched;
          score[passage] = gains[k]!;
          groupBits[passage] = bit;
          exactBits[passage] = exactHere;
          candidates[candidateCount++] = passage;
        }
      }
    }
    clauseGroups.push(bits);
  });
  const matches: Match[] = [];
  if (useBits && clauses.length <= MAX_BITS && clauses.every(isPlain)) {
    // Every clause is one group of plain terms, so group bit `at` is clause `at`, held with the very
    // word when its exactness bit is set: a candidate is judged on its bits alone.
    const informativeBits = informative.reduce((bits, clause) => bits | (1 << clauses.indexOf(clause)), 0);
    for (let k = 0; k < candidateCount; k += 1) {
      const passage = candidates[k]!;
      const held = groupBits[passage]!;
      if ((held & informativeBits) === 0) continue;
      const matchedClauses = bitCount(held);
      if (matchedClauses < minimum || matchedClauses > maximum) continue;
      if (floor && !floor.admits(passage, score[passage]!, matchedClauses, matchedClauses)) continue;
      if (accept && !accept(passage)) continue;
      matches.push({ passage, entry: index.entries[passage]!, score: score[passage]!, exactClauses: bitCount(exactBits[passage]!), matchedClauses });
    }
    return matches;
  }
  const holds = (clause: PreparedClause, at: number, passage: number) => {
    if (!useBits) return clauseMatches(index, clause, passage);
    const bits = clauseGroups[at]!;
    if ((groupBits[passage]! & bits) !== bits) return false;
    return !clause.needsCheck || clauseMatches(index, clause, passage);
  };
  const informativeAt = informative.map((clause) => clauses.indexOf(clause));
  for (let k = 0; k < candidateCount; k += 1) {
    const passage = candidates[k]!;
    if (!informativeAt.some((at) => holds(clauses[at]!, at, passage))) continue;
    let matchedClauses = 0;
    for (let at = 0; at < clauses.length; at += 1) if (holds(clauses[at]!, at, passage)) matchedClauses += 1;
    if (matchedClauses < minimum || matchedClauses > maximum) continue;
    // A clause held is at best held with the very word.
    if (floor && !floor.admits(passage, score[passage]!, matchedClauses, matchedClauses)) continue;
    if (accept && !accept(passage)) continue;
    matches.push({ passage, entry: index.entries[passage]!, score: score[passage]!, exactClauses: countExact(index, clauses, passage, useBits ? exactBits[passage]! : undefined, false), matchedClauses });
  }
  return matches;
}

/** Whether a passage matches a clause: one of its alternatives holds. */
function clauseMatches(index: LoadedIndex, clause: PreparedClause, passage: number): boolean {
  return clause.parts.some((part) => partHolds(index, part, passage));
}

/** Every word of the part is in the passage and, for a phrase, stands side by side in its text. */
function partHolds(index: LoadedIndex, part: PreparedPart, passage: number): boolean {
  if (!part.groups.every((group) => passageHasAny(index, group, passage))) return false;
  if (part.node.kind !== 'phrase') return true;
  return passageHasPhrase(index, part.groups.map((group) => group[0]!.termId), passage);
}

/**
 * Positive clauses the passage matched with the very word (a phrase is always the very words).
 * `exactBits`, when known, holds the answer for the plain clauses among the first 32 (see `isPlain`);
 * the others are looked up. `allHeld`: the passage is known to hold every clause (phrases checked).
 */
function countExact(index: LoadedIndex, clauses: PreparedClause[], passage: number, exactBits: number | undefined, allHeld: boolean): number {
  let exact = 0;
  clauses.forEach((clause, at) => {
    let isExact: boolean;
    if (exactBits !== undefined && isPlain(clause) && at < MAX_BITS) isExact = (exactBits & (1 << at)) !== 0;
    else if (allHeld && clause.node.kind === 'phrase') isExact = true;
    else isExact = clause.parts.some((part) => (part.node.kind === 'phrase' ? partHolds(index, part, passage) : passageHasAny(index, part.groups[0]!, passage, true)));
    if (isExact) exact += 1;
  });
  return exact;
}

/** Excluded words (with their own prefix and typo settings) and excluded phrases. */
function buildExclusion(index: LoadedIndex, excluded: PreparedPart[]): ((passage: number) => boolean) | undefined {
  if (excluded.length === 0) return undefined;
  return (passage) => excluded.some((part) => partHolds(index, part, passage));
}

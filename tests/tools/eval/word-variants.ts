/**
 * The generator's ways of getting a word wrong: typos a hurried typist makes, and other inflections
 * of a word. Written from plain rules, not from Passim's analyzer, so the evaluation set does not
 * favour the engine it measures.
 */

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters next to a letter on a QWERTY keyboard (same row, and the rows above and below). */
function neighbours(letter: string): string[] {
  const row = KEYBOARD_ROWS.findIndex((keys) => keys.includes(letter));
  if (row === -1) return [];
  const column = KEYBOARD_ROWS[row]!.indexOf(letter);
  const near: string[] = [];
  for (const r of [row - 1, row, row + 1]) {
    const keys = KEYBOARD_ROWS[r];
    if (!keys) continue;
    for (const c of [column - 1, column, column + 1]) {
      const key = keys[c];
      if (key && key !== letter) near.push(key);
    }
  }
  return near;
}

export type TypoKind = 'swap' | 'neighbour' | 'drop' | 'double';

/**
 * One typo, never on the first letter (people rarely get that wrong): two neighbouring letters swapped,
 * a letter replaced by a key next to it, a letter left out, or a letter typed twice.
 */
export function misspell(word: string, random: () => number): { typo: string; kind: TypoKind } {
  const roll = random();
  const kind: TypoKind = roll < 0.3 ? 'swap' : roll < 0.55 ? 'neighbour' : roll < 0.8 ? 'drop' : 'double';
  const at = 1 + Math.floor(random() * (word.length - (kind === 'swap' ? 2 : 1)));
  const letter = word[at]!;
  switch (kind) {
    case 'swap':
      return { typo: word.slice(0, at) + word[at + 1]! + letter + word.slice(at + 2), kind };
    case 'neighbour': {
      const near = neighbours(letter);
      const replacement = near[Math.floor(random() * near.length)] ?? 'e';
      return { typo: word.slice(0, at) + replacement + word.slice(at + 1), kind };
    }
    case 'drop':
      return { typo: word.slice(0, at) + word.slice(at + 1), kind };
    case 'double':
      return { typo: word.slice(0, at) + letter + word.slice(at), kind };
  }
}

const STRIPPED_ENDINGS: [ending: string, replacements: string[]][] = [
  ['ations', ['e', 'ate', '']],
  ['ation', ['e', 'ate', '']],
  ['ments', ['']],
  ['ment', ['']],
  ['ings', ['', 'e']],
  ['ing', ['', 'e']],
  ['ions', ['', 'e']],
  ['ion', ['', 'e']],
  ['ies', ['y']],
  ['ied', ['y']],
  ['es', ['', 'e']],
  ['ed', ['', 'e']],
  ['ly', ['']],
  ['s', ['']],
];
const ADDED_ENDINGS = ['s', 'es', 'ed', 'd', 'ing', 'ion', 'ions', 'ation', 'ations', 'ment', 'ments', 'ly'];
// No -er: it makes comparatives and agents (`better` -> `betting`, `mill` -> `miller`), other words rather than other forms.

/**
 * Other forms of a word by English suffix rules (`negotiations` -> `negotiate`, `negotiating`,
 * `negotiated`, …). Many are not words: callers keep those the corpus uses.
 */
export function inflect(word: string): string[] {
  const bases = new Set([word]);
  for (const [ending, replacements] of STRIPPED_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) for (const replacement of replacements) bases.add(word.slice(0, -ending.length) + replacement);
  }
  const forms = new Set<string>();
  for (const base of bases) {
    forms.add(base);
    const bare = base.endsWith('e') ? base.slice(0, -1) : base;
    for (const ending of ADDED_ENDINGS) {
      forms.add(base + ending);
      if (/^[aeiou]/.test(ending)) forms.add(bare + ending);
    }
    if (base.endsWith('y')) for (const ending of ['ies', 'ied']) forms.add(base.slice(0, -1) + ending);
  }
  forms.delete(word);
  return [...forms];
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPhraseCheck, passageHasPhrase } from '../../server/search/read-postings.ts';
import { findTermId } from '../../server/search/term-lookup.ts';
import { analyzeText, textHasPhrase } from '../../server/search/find-phrase.ts';
import { buildMemoryIndex } from '../support/memory-index.ts';

const WORDS = ['the', 'coalition', 'Coalition’s', 'Wilmès', 'WILMES', 'of', 'international', 'cooperation', '—', 'co-chaired', 'F-16', 'and'];

describe('phrases read from word positions', () => {
  it('agree with reading the passage text word by word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }), (words, phraseWords) => {
        const text = words.join(' ');
        const index = buildMemoryIndex([{ path: 'a.txt', title: 'T', source: 's', passages: [{ text }] }]);
        const phrase = analyzeText(phraseWords.join(' '));
        if (phrase.length < 2) return;
        const termIds = phrase.map((term) => findTermId(index, term));
        const fromPositions = termIds.every((id) => id !== undefined) && passageHasPhrase(index, termIds as number[], 0);
        expect(fromPositions).toBe(textHasPhrase(text, phrase));
      }),
      { numRuns: 300 },
    );
  });

  it('read with cursors over many passages, agree with reading each passage on its own, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (passages, phraseWords, asked) => {
          const index = buildMemoryIndex([{ path: 'a.txt', title: 'T', source: 's', passages: passages.map((words) => ({ text: words.join(' ') })) }]);
          const termIds = analyzeText(phraseWords.join(' ')).map((term) => findTermId(index, term));
          if (termIds.length < 2 || termIds.some((id) => id === undefined)) return;
          const check = createPhraseCheck(index, termIds as number[]);
          for (const passage of [...passages.keys(), ...asked.map((n) => n % passages.length)]) {
            expect(check(passage)).toBe(passageHasPhrase(index, termIds as number[], passage));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

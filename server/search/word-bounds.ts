import { findWords, type WordSpan } from '../../indexer/analyzer/index.ts';
import type { LoadedIndex } from '../index/loaded-index.ts';

/** Where each word of a text starts and ends (`findWords`), as two typed arrays: word i is `text.slice(starts[i], ends[i])`. */
export interface WordBounds {
  starts: Uint32Array;
  ends: Uint32Array;
}

export function toWordBounds(words: readonly WordSpan[]): WordBounds {
  const starts = new Uint32Array(words.length);
  const ends = new Uint32Array(words.length);
  words.forEach(({ start, end }, at) => {
    starts[at] = start;
    ends[at] = end;
  });
  return { starts, ends };
}

/** Passages whose word bounds are kept per index: about 1 KB each. Default 4096. */
const REMEMBERED_PASSAGES = 4096;
const remembered = new WeakMap<LoadedIndex, Map<number, WordBounds>>();

/**
 * The word bounds of a passage's text, remembered: while a user types, the same passages come back
 * keystroke after keystroke, and finding the words of a text is most of what a snippet costs.
 */
export function passageWordBounds(index: LoadedIndex, passage: number, text: string): WordBounds {
  let byPassage = remembered.get(index);
  if (!byPassage) remembered.set(index, (byPassage = new Map()));
  let bounds = byPassage.get(passage);
  if (bounds) {
    byPassage.delete(passage);
  } else {
    bounds = toWordBounds(findWords(text));
    if (byPassage.size >= REMEMBERED_PASSAGES) byPassage.delete(byPassage.keys().next().value!);
  }
  byPassage.set(passage, bounds);
  return bounds;
}

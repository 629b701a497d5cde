import SearchableMap from 'minisearch/SearchableMap';
import { findWords } from '../../indexer/analyzer/index.ts';
import type { StoredDocument } from '../../indexer/index/index-format.ts';
import { analyzeWord } from '../search/analyze-word.ts';

export interface VocabularyEntry {
  /** Passages (and titles) containing the term. */
  passages: number;
  /** How the term is most often written in the corpus (`Wilmès` for `wilmes`), to show in completions. */
  form: string;
}

/** The corpus's terms in a radix tree, for prefix completion and near-spelling look-ups. */
export type Vocabulary = SearchableMap<VocabularyEntry>;

/** Every term of the passages and titles, with how many passages hold it and its usual spelling. */
export function buildVocabulary(documents: Iterable<StoredDocument>): Vocabulary {
  const passages = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  const count = (text: string) => {
    const seen = new Set<string>();
    for (const { word } of findWords(text)) {
      const term = analyzeWord(word);
      if (term === '') continue;
      let written = forms.get(term);
      if (!written) forms.set(term, (written = new Map()));
      written.set(word, (written.get(word) ?? 0) + 1);
      if (!seen.has(term)) {
        seen.add(term);
        passages.set(term, (passages.get(term) ?? 0) + 1);
      }
    }
  };
  for (const document of documents) {
    count(document.title);
    for (const passage of document.passages) count(document.text.slice(passage.start, passage.end));
  }
  const vocabulary: Vocabulary = new SearchableMap();
  for (const [term, written] of forms) {
    let form = term;
    let best = 0;
    for (const [word, times] of written) {
      if (times > best) [form, best] = [word, times];
    }
    vocabulary.set(term, { passages: passages.get(term) ?? 0, form });
  }
  return vocabulary;
}

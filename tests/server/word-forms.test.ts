import { describe, expect, it } from 'vitest';
import { widenQuery } from '../../server/query/widen-query.ts';
import { parseQuery } from '../../server/query/parse-query.ts';
import { parseSynonyms } from '../../server/query/synonyms.ts';
import { runSearch } from '../../server/search/run-search.ts';
import { findStemRelatives, findStemVariants } from '../../server/search/stem-groups.ts';
import type { DocumentResponse } from '../../server/api/types.ts';
import { buildMemoryIndex, fixtureDocumentId, serveMemoryIndex, type FixtureDocument } from '../support/memory-index.ts';

const doc = (path: string, text: string, lang?: string): FixtureDocument => ({ path, title: path, source: 'test', ...(lang === undefined ? {} : { lang }), passages: [{ text }] });
const search = (index: ReturnType<typeof buildMemoryIndex>, q: string) => runSearch(index, { q, sources: [], page: 1, limit: 10 });
const titles = (index: ReturnType<typeof buildMemoryIndex>, q: string) => search(index, q).hits.map((hit) => hit.title);

describe('other forms of a word', () => {
  const index = buildMemoryIndex([
    doc('en-negotiate.txt', 'We are ready to negotiate a treaty with our neighbours.', 'en'),
    doc('en-negotiations.txt', 'The negotiations on the treaty went on for a year.', 'en'),
    doc('fr-cooperation.txt', 'La coopération entre nos pays est excellente et nous voulons coopérer davantage.', 'fr'),
    doc('nl-samenwerking.txt', 'De samenwerking tussen onze landen is uitstekend, wij willen samenwerken.', 'nl'),
  ]);

  it('finds a word in another inflection, the very word first', () => {
    expect(titles(index, 'negotiations ')).toEqual(['en-negotiations.txt', 'en-negotiate.txt']);
    expect(titles(index, 'negotiate treaty ')).toEqual(['en-negotiate.txt', 'en-negotiations.txt']);
  });

  it('stems the query in every language the archive holds', () => {
    expect(findStemVariants(index, 'cooperer')).toEqual(['cooperation']);
    expect(titles(index, 'coopérer ')).toEqual(['fr-cooperation.txt']);
    expect(titles(index, 'samenwerken ')).toEqual(['nl-samenwerking.txt']);
  });

  it('highlights the other forms in snippets, as near spellings of the query word', () => {
    const hit = search(index, 'negotiations ').hits[1]!;
    expect(hit.snippet.filter((segment) => segment.highlight).map((segment) => segment.text)).toEqual(['negotiate']);
    expect(hit.matchedTerms).toEqual([{ term: 'negotiations', forms: ['negotiate'], match: 'fuzzy' }]);
  });

  it('marks the other forms in the reader too, by the same rules', async () => {
    const server = await serveMemoryIndex(index);
    try {
      const { body } = await server.get<DocumentResponse>(`/api/documents/${fixtureDocumentId('en-negotiate.txt')}?q=negotiations`);
      expect(body.highlights?.map(({ start, end }) => 'We are ready to negotiate a treaty with our neighbours.'.slice(start, end))).toEqual(['negotiate']);
    } finally {
      await server.close();
    }
  });

  it('matches a quoted word only as written', () => {
    expect(titles(index, '"negotiations"')).toEqual(['en-negotiations.txt']);
  });
});

describe('forms of a word, never another word the stemmer cuts alike', () => {
  const index = buildMemoryIndex([
    doc('general.txt', 'The general plan was agreed.', 'en'),
    doc('generals.txt', 'Two generals signed it.', 'en'),
    doc('generally.txt', 'It is generally agreed.', 'en'),
    doc('generous.txt', 'A generous offer was made.', 'en'),
    doc('generation.txt', 'A new generation will generate more.', 'en'),
    doc('international.txt', 'An international treaty.', 'en'),
    doc('internal.txt', 'An internal matter.', 'en'),
    doc('us.txt', 'Let us begin.', 'en'),
    doc('use.txt', 'We use it, we used it and we are using it.', 'en'),
    doc('policies.txt', 'Three policies were adopted.', 'en'),
    doc('negotiated.txt', 'They negotiated for a year.', 'en'),
  ]);
  const found = (q: string) => titles(index, q).sort();

  it('finds a word with its inflections and the words made by adding to it', () => {
    expect(found('general ')).toEqual(['general.txt', 'generally.txt', 'generals.txt']);
    expect(found('policy ')).toEqual(['policies.txt']);
    expect(found('negotiating ')).toEqual(['negotiated.txt']);
    expect(found('use ')).toEqual(['use.txt']);
    expect(found('using ')).toEqual(['use.txt']);
  });

  it('does not find other words of the same stem, and says the forms it searched', () => {
    expect(found('generous ')).toEqual(['generous.txt']);
    expect(found('generation ')).toEqual(['generation.txt']);
    expect(found('international ')).toEqual(['international.txt']);
    expect(found('internal ')).toEqual(['internal.txt']);
    expect(found('us ')).toEqual(['us.txt']);
    expect(search(index, 'general ').total).toBe(3);
    expect(findStemVariants(index, 'general')).toEqual(['generally', 'generals']);
    expect(findStemVariants(index, 'us')).toEqual([]);
  });

  it('names the other words of the stem as the family the ranking weighs, never a standing-alone word', () => {
    expect(findStemRelatives(index, 'general')).toEqual(['generate', 'generation', 'generous']);
    expect(findStemRelatives(index, 'internal')).toEqual(['international']);
    expect(findStemRelatives(index, 'us')).toEqual([]);
    expect(findStemRelatives(index, 'use')).toEqual([]);
    expect(findStemRelatives(index, 'policy')).toEqual([]);
  });
});

describe('typos', () => {
  const index = buildMemoryIndex([doc('women.txt', 'Working men and women of this country produce more than ever.'), doc('other.txt', 'Nothing to see here at all.')]);

  it('forgives two neighbouring letters swapped, even in a short word', () => {
    expect(titles(index, 'wmoen prdouce ')).toEqual(['women.txt']);
    expect(search(index, 'wmoen ').hits[0]!.matchedTerms).toEqual([{ term: 'wmoen', forms: ['women'], match: 'fuzzy' }]);
  });
});

describe('one wrong word among right ones', () => {
  const index = buildMemoryIndex([
    doc('meant.txt', 'The steamship lines carry the mails under legislation that needs suggestions from the department.'),
    doc('other.txt', 'Suggestions were heard in the debate.'),
  ]);

  it('still finds the passage holding every other word', () => {
    expect(titles(index, 'advance steamship lines legislation suggestions ')[0]).toBe('meant.txt');
    expect(search(index, 'advance steamship lines legislation suggestions ').interpretation?.matchMode).toBe('any');
  });

  it('puts the passage holding every word first, then those missing one', () => {
    const more = buildMemoryIndex([
      doc('all.txt', 'Steamship lines, legislation and suggestions.'),
      doc('three.txt', 'Steamship lines and legislation, and many other matters besides these.'),
      doc('one.txt', 'Legislation alone.'),
    ]);
    expect(titles(more, 'steamship lines legislation suggestions ')).toEqual(['all.txt', 'three.txt']);
  });
});

describe('synonyms', () => {
  const synonyms = parseSynonyms('# comment\nDaesh, ISIS, ISIL, Islamic State\nCOVID-19, covid, coronavirus\n');

  it('reads a group per line, a form per comma, phrases as analyzed words', () => {
    expect(synonyms.groups.map((group) => group.map((form) => form.terms.join(' ')))).toEqual([
      ['daesh', 'isis', 'isil', 'islamic state'],
      ['covid 19', 'covid', 'coronavirus'],
    ]);
  });

  it('widens a word, a run of words or a joined word to its whole group and says so', () => {
    const expand = (q: string) => widenQuery(parseQuery(q), { stemVariants: () => [], synonyms });
    const isis = expand('coalition against isis ');
    expect(isis.alsoSearched).toEqual(['Daesh', 'ISIL', 'Islamic State']);
    expect(isis.tree.clauses[2]).toMatchObject({ kind: 'any', children: [{ term: 'isis' }, { term: 'daesh' }, { term: 'isil' }, { kind: 'phrase', terms: ['islamic', 'state'] }] });
    expect(expand('islamic state fighters').alsoSearched).toEqual(['Daesh', 'ISIS', 'ISIL']);
    expect(expand('COVID-19 vaccines').alsoSearched).toEqual(['covid', 'coronavirus']);
    expect(expand('"isis"').alsoSearched).toEqual([]);
    expect(expand('-isis coalition').alsoSearched).toEqual([]);
  });

  it('finds the passages that name the thing otherwise, with the synonyms in the response', () => {
    const index = buildMemoryIndex([doc('daesh.txt', 'The coalition against Daesh met in Brussels.'), doc('isil.txt', 'We will degrade and destroy ISIL.')]);
    const body = search(index, 'isis ');
    expect(body.hits.map((hit) => hit.title).sort()).toEqual(['daesh.txt', 'isil.txt']);
    expect(body.alsoSearched).toEqual(['Daesh', 'ISIL', 'Islamic State', 'Etat islamique', 'Islamitische Staat']);
  });
});

describe('numbers and stop words', () => {
  const index = buildMemoryIndex([
    doc('hamlet.txt', 'To be, or not to be, that is the question.'),
    doc('words.txt', 'Stabilization needs amounting to US$ 670 million, and 18 thousand troops.'),
    doc('digits.txt', 'A sum of $670,000,000 was spent on 18,000 troops by the U.S. Congress.'),
    doc('other.txt', 'Nothing to see here, it is not so.'),
  ]);

  it('finds a query of stop words only, the passage holding them all first', () => {
    expect(titles(index, 'to be or not to be')[0]).toBe('hamlet.txt');
  });

  it('lets a rare word outweigh common ones the passage repeats', () => {
    const stops = buildMemoryIndex([
      doc('rare.txt', 'The coalition met in the hall.'),
      doc('common.txt', 'The report of the committee of the house of the people of the state.'),
      doc('filler.txt', 'Nothing of note.'),
    ]);
    expect(titles(stops, 'the of coalition ')[0]).toBe('rare.txt');
  });

  it('matches a number written with a scale word and in digits', () => {
    expect(titles(index, '670 million ').sort()).toEqual(['digits.txt', 'words.txt']);
    expect(titles(index, '670,000,000 ').sort()).toEqual(['digits.txt', 'words.txt']);
    expect(titles(index, '18000 troops ').sort()).toEqual(['digits.txt', 'words.txt']);
  });

  it('matches U.S. and US', () => {
    expect(titles(index, 'U.S. congress')).toEqual(['digits.txt']);
    expect(titles(index, 'US congress')).toEqual(['digits.txt']);
    expect(titles(index, 'U.S. stabilization')).toEqual(['words.txt']);
  });
});

describe('words written in several ways', () => {
  const index = buildMemoryIndex([
    doc('f16.txt', 'Our country deploys 4 Belgian F-16’s in Iraq.'),
    doc('covid.txt', 'The COVID-19 pandemic forces us to be creative.'),
    doc('other.txt', 'Fighter jets and a pandemic of another kind.'),
  ]);

  it.each(['F-16', 'F16', "F-16's", 'f16 iraq'])('finds F-16’s for %s', (q) => {
    expect(titles(index, q)).toEqual(['f16.txt']);
  });

  it.each(['covid', 'COVID-19', 'covid19', 'Covid-19 pandemic'])('finds COVID-19 for %s', (q) => {
    expect(titles(index, `${q} `)).toEqual(['covid.txt']);
  });
});

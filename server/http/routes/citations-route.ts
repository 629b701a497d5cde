import express, { Router } from 'express';
import { z } from 'zod';
import type { CitationExportFormat, CitedPassage, CitationsResponse } from '../../api/types.ts';
import { CITATION_STYLES, citePassage } from '../../citation/build-citation.ts';
import { gatherCitationFacts } from '../../citation/citation-facts.ts';
import { citeCollection } from '../../citation/cite-collection.ts';
import type { ExportEntry } from '../../citation/export-references.ts';
import type { SearchEngine } from '../../engine/search-engine.ts';
import { HttpError } from '../http-error.ts';
import type { LinkBase } from '../public-url.ts';
import { validateQuery } from '../validate-query.ts';
import { PASSAGE_ID, PASSAGE_ID_MESSAGE } from './passages-route.ts';

/** Largest `POST /api/citations` body: a full tray (a few hundred passages with notes and selections). */
export const MAX_CITATIONS_BODY_BYTES = 1024 * 1024;
const MAX_ITEMS = 500;
const MAX_QUOTE = 10_000;
const MAX_NOTE = 10_000;
const EXPORT_FORMATS: readonly CitationExportFormat[] = [...CITATION_STYLES, 'bibtex', 'ris', 'csv'];

const styleParam = z.enum(CITATION_STYLES as [string, ...string[]], { error: `style must be one of ${CITATION_STYLES.join(', ')}` });
const citationQuerySchema = z.strictObject({
  style: styleParam.optional().transform((style) => (style ?? 'text') as CitedPassage['style']),
  quote: z.string({ error: 'quote must be given once' }).max(MAX_QUOTE, `quote must be at most ${MAX_QUOTE} characters`).optional(),
});

const citationsBodySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS as [string, ...string[]], { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` }).transform((format) => format as CitationExportFormat),
  items: z
    .array(
      z.strictObject({
        id: z.string().regex(PASSAGE_ID, PASSAGE_ID_MESSAGE),
        quote: z.string().max(MAX_QUOTE).optional(),
        note: z.string().max(MAX_NOTE).optional(),
        collectedAt: z.string().max(40).optional(),
      }),
    )
    .min(1, 'items must list at least one passage')
    .max(MAX_ITEMS, `items can list at most ${MAX_ITEMS} passages`),
});

/** Words of a selection, compared without regard to spacing and line breaks. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The selected words, or a 400: a citation never quotes words its source does not hold. They are
 * looked for in the passage, then in its document (a quote checked against the archive may run on
 * into the next passages).
 */
async function checkQuote(engine: SearchEngine, passageText: string, docId: string, quote: string | undefined, id: string): Promise<string | undefined> {
  if (quote === undefined || squeeze(quote) === '') return undefined;
  const words = squeeze(quote);
  if (squeeze(passageText).includes(words)) return words;
  const document = await engine.document(docId);
  if (document && squeeze(document.document.text).includes(words)) return words;
  throw new HttpError(400, 'invalid_parameter', `quote: the words are not in passage ${id}`);
}

/**
 * `GET /api/passages/:id/citation?style=&quote=`: a passage, or words selected in it, cited in one
 * style, as Copy puts it on the clipboard. `POST /api/citations`: collected passages with notes, as a
 * reference list (APA, Chicago, MLA, text, Markdown) or a file (BibTeX, RIS, CSV).
 */
export function citationsRoute(engine: SearchEngine, publicUrl: LinkBase): Router {
  const router = Router();
  router.get('/api/passages/:id/citation', async (request, response) => {
    const id = request.params.id;
    if (!PASSAGE_ID.test(id)) throw new HttpError(400, 'invalid_parameter', PASSAGE_ID_MESSAGE);
    const params = validateQuery(citationQuerySchema, request.query);
    const found = await engine.passage(id);
    if (!found) throw new HttpError(404, 'not_found', `No passage with id ${id} in this index`);
    const quote = await checkQuote(engine, found.text, found.entry.document.id, params.quote, id);
    const cited = await citePassage(found.entry, found.text, params.style, publicUrl(request), quote);
    const body: CitedPassage = {
      id,
      style: params.style,
      text: cited.text,
      reference: cited.reference,
      ...(cited.inText === undefined ? {} : { inText: cited.inText }),
      quote: cited.facts.quote,
      link: cited.facts.selected || cited.facts.url !== undefined ? cited.facts.quoteLink : cited.facts.permalink,
    };
    response.json(body);
  });
  router.post('/api/citations', express.json({ limit: MAX_CITATIONS_BODY_BYTES, type: () => true }), async (request, response) => {
    const body = validateQuery(citationsBodySchema, request.body ?? {});
    const base = publicUrl(request);
    const entries: ExportEntry[] = [];
    const missing: string[] = [];
    for (const item of body.items) {
      const found = await engine.passage(item.id);
      if (!found) {
        missing.push(item.id);
        continue;
      }
      const quote = await checkQuote(engine, found.text, found.entry.document.id, item.quote, item.id);
      entries.push({ facts: gatherCitationFacts(found.entry, found.text, base, quote), note: item.note ?? '', ...(item.collectedAt === undefined ? {} : { collectedAt: item.collectedAt }) });
    }
    if (entries.length === 0) throw new HttpError(404, 'not_found', `None of the passages is in this index (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`);
    const answer: CitationsResponse = { format: body.format, ...(await citeCollection(entries, body.format, new Date())), missing };
    response.json(answer);
  });
  return router;
}

import { createContext } from 'react';

/**
 * The query's terms as the server read them (`interpretation.terms[].text`) when a hit may lack one of
 * them (three terms or more, no OR group), for its card to say which; empty otherwise.
 */
export const QueryTermsContext = createContext<readonly string[]>([]);

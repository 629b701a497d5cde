/**
 * Results follow every keystroke: a search takes the server a few milliseconds, stale requests are
 * cancelled and the previous results stay until new ones arrive, so waiting for a pause in the typing
 * would only add its own delay (it was 150 ms). One frame still merges a burst of keys (a paste, a
 * held key) into one request.
 */
export const SEARCH_DEBOUNCE_MS = 16;

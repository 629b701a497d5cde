/**
 * Results follow every keystroke: a search takes the server a few milliseconds, stale requests are
 * cancelled and the previous results stay until new ones arrive, so waiting for a pause in the typing
 * would only add its own delay (it was 150 ms). The first key after a pause searches at once; keys
 * that follow within one frame of a search are merged into one request when that frame is over.
 */
export const SEARCH_DEBOUNCE_MS = 16;

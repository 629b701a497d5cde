/** Words taken from each end of a quote; enough to be unique on a page, short enough to survive small edits. */
const EDGE_WORDS = 5;

/**
 * A link to exact words on a page (`url#:~:text=start,end`), which browsers that support text
 * fragments scroll to and highlight. A short quote is given whole. Any fragment the address had is
 * replaced.
 */
export function formatTextFragmentLink(url: string, text: string): string {
  const words = text.split(/\s+/).filter((word) => word !== '');
  const base = url.split('#')[0] ?? url;
  if (words.length === 0) return base;
  const directive =
    words.length <= EDGE_WORDS * 2
      ? encodeFragmentText(words.join(' '))
      : `${encodeFragmentText(words.slice(0, EDGE_WORDS).join(' '))},${encodeFragmentText(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}

/**
 * Percent-encodes text for a fragment directive, where `,` `-` and `&` have a meaning of their own;
 * parentheses and quotes too, so that the link stays whole inside Markdown's `(…)` and in any text.
 */
function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/[-,&()'!*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

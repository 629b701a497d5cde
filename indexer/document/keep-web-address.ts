/**
 * A document's original address, kept only when it is an absolute `http:` or `https:` URL. A page or
 * a front matter can declare anything (`javascript:…`, `data:…`, a relative path, a line of text),
 * and the address becomes a link in the reader and in every copied citation: anything else is
 * dropped rather than passed on. The kept address is the URL's canonical form (no spaces, quotes or
 * control characters), with parentheses escaped too, so it cannot close a Markdown link early.
 */
export function keepWebAddress(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

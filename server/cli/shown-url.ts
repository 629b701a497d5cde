/** The address to print: `localhost` reads better than the loopback address it stands for. */
export function shownUrl(host: string, url: string): string {
  return host === '127.0.0.1' ? `http://localhost:${new URL(url).port}` : url;
}

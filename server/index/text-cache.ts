/**
 * The texts read last, kept up to a number of characters, least recently used dropped first: a search
 * typed letter by letter shows the same hits again and again, and the reader and the quote check read
 * the same document more than once.
 */
export class TextCache {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): string | undefined {
    const text = this.texts.get(key);
    if (text === undefined) return undefined;
    // A Map iterates in insertion order: inserting again makes the entry the most recent.
    this.texts.delete(key);
    this.texts.set(key, text);
    return text;
  }

  set(key: string, text: string): void {
    if (text.length > this.maxChars) return;
    const before = this.texts.get(key);
    if (before !== undefined) {
      this.texts.delete(key);
      this.chars -= before.length;
    }
    this.texts.set(key, text);
    this.chars += text.length;
    for (const [oldest, dropped] of this.texts) {
      if (this.chars <= this.maxChars) break;
      this.texts.delete(oldest);
      this.chars -= dropped.length;
    }
  }

  /** Characters held now. */
  get size(): number {
    return this.chars;
  }
}

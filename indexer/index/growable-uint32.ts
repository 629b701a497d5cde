/**
 * An append-only list of u32 values in a typed array that doubles when full: 4 bytes a value where a
 * JS array of numbers takes 8, which halves the memory of the postings while an index is built.
 */
export class GrowableUint32 {
  private values = new Uint32Array(4);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  at(index: number): number {
    return this.values[index]!;
  }

  /** The values pushed so far, as a view (no copy). */
  view(): Uint32Array {
    return this.values.subarray(0, this.length);
  }
}

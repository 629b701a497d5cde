/**
 * The `capacity` best (exact clauses, rank) keys seen, worst on top: the key a block's bound must beat
 * for the block to be read. Keys only: which passage holds a key does not matter to the bound.
 */
export class RankBoundHeap {
  private readonly exact: Uint8Array;
  private readonly rank: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.exact = new Uint8Array(capacity);
    this.rank = new Float64Array(capacity);
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** Whether a match with these keys could still enter: not full, or better than the worst kept. */
  admits(exact: number, rank: number): boolean {
    if (!this.full) return true;
    return exact > this.exact[0]! || (exact === this.exact[0]! && rank >= this.rank[0]!);
  }

  add(exact: number, rank: number): void {
    if (this.capacity === 0) return;
    if (!this.full) {
      let at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.less(exact, rank, this.exact[parent]!, this.rank[parent]!)) break;
        this.exact[at] = this.exact[parent]!;
        this.rank[at] = this.rank[parent]!;
        at = parent;
      }
      this.exact[at] = exact;
      this.rank[at] = rank;
      return;
    }
    if (!this.less(this.exact[0]!, this.rank[0]!, exact, rank)) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.less(this.exact[right]!, this.rank[right]!, this.exact[left]!, this.rank[left]!) ? right : left;
      if (!this.less(this.exact[child]!, this.rank[child]!, exact, rank)) break;
      this.exact[at] = this.exact[child]!;
      this.rank[at] = this.rank[child]!;
      at = child;
    }
    this.exact[at] = exact;
    this.rank[at] = rank;
  }

  private less(exactA: number, rankA: number, exactB: number, rankB: number): boolean {
    return exactA < exactB || (exactA === exactB && rankA < rankB);
  }
}

/**
 * The positions 0..n-1 of the `count` smallest items under `compare`, sorted: a page of results needs
 * its few best in order, not all of them sorted, listed or copied. O(n log count) with a heap; most
 * positions are turned away by one comparison with the worst of the best so far.
 */
export function selectTop(n: number, count: number, compare: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  if (count <= 0) return heap;
  // A max-heap under `compare`: its root is the worst of the best `count` seen so far.
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let largest = at;
      if (left < heap.length && compare(heap[left]!, heap[largest]!) > 0) largest = left;
      if (right < heap.length && compare(heap[right]!, heap[largest]!) > 0) largest = right;
      if (largest === at) return;
      [heap[at], heap[largest]] = [heap[largest]!, heap[at]!];
      at = largest;
    }
  };
  for (let item = 0; item < n; item += 1) {
    if (heap.length < count) {
      heap.push(item);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (compare(heap[at]!, heap[parent]!) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}

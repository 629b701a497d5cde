/**
 * The `count` smallest items under `compare`, sorted, followed by the rest in no particular order:
 * a page of results needs its few best items in order, not all of them. O(n log count) with a heap.
 */
export function selectTop<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= count * 2) return items.sort(compare);
  // A max-heap (under `compare`) of the best `count` seen so far: its root is the worst of them.
  const heap: T[] = [];
  const rest: T[] = [];
  const worse = (a: T, b: T) => compare(a, b) > 0;
  const siftUp = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at]!, heap[parent]!)) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let largest = at;
      if (left < heap.length && worse(heap[left]!, heap[largest]!)) largest = left;
      if (right < heap.length && worse(heap[right]!, heap[largest]!)) largest = right;
      if (largest === at) return;
      [heap[at], heap[largest]] = [heap[largest]!, heap[at]!];
      at = largest;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (count > 0 && compare(item, heap[0]!) < 0) {
      rest.push(heap[0]!);
      heap[0] = item;
      siftDown(0);
    } else {
      rest.push(item);
    }
  }
  return [...heap.sort(compare), ...rest];
}

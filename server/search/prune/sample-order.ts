const orders = new Map<number, Uint32Array>();

/**
 * Blocks 0..count-1 in bit-reversed order (0, ½, ¼, ¾, ⅛ … of the archive): every first part of the
 * order is a systematic sample spread evenly over the whole archive, so a sample can stop at any
 * length and still stand for all of it. Documents lie in corpus order (source by source), so blocks
 * taken this way reach every part of the archive, not its first sources.
 */
export function sampleOrder(count: number): Uint32Array {
  const cached = orders.get(count);
  if (cached) return cached;
  let bits = 0;
  while (1 << bits < count) bits += 1;
  const order = new Uint32Array(count);
  let filled = 0;
  for (let at = 0; at < 1 << bits; at += 1) {
    let reversed = 0;
    for (let bit = 0; bit < bits; bit += 1) if (at & (1 << bit)) reversed |= 1 << (bits - 1 - bit);
    if (reversed < count) order[filled++] = reversed;
  }
  orders.set(count, order);
  return order;
}

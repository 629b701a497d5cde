import { describe, expect, it } from 'vitest';
import { createProgressDisplay } from '../../indexer/progress-display.ts';

/** A stand-in for stderr that records what is written. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 100, write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

const run = (display: ReturnType<typeof createProgressDisplay>, total: number) => {
  for (let done = 1; done <= total; done += 1) display.update({ phase: 'reading files', done, total, path: `source/file-${done}.txt` });
  display.finish();
};

describe('the progress display', () => {
  it('writes plain lines, one per tenth of the way, when the output is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    run(createProgressDisplay({ stream }), 40);
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe('reading files: 4/40 (10%)\n');
    expect(writes.at(-1)).toBe('reading files: 40/40 (100%)\n');
    expect(writes.join('')).not.toContain('\r');
  });

  it('redraws one bar in place on a terminal, and clears it at the end', () => {
    const { stream, writes } = fakeStream(true);
    run(createProgressDisplay({ stream, redrawMs: 0 }), 4);
    expect(writes.slice(0, 4).every((text) => text.startsWith('\r\x1b[2K['))).toBe(true);
    expect(writes[3]).toBe(`\r\x1b[2K[${'#'.repeat(24)}] reading files 4/4 source/file-4.txt`);
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });
});

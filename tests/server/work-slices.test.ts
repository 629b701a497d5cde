import { describe, expect, it } from 'vitest';
import { runAllSteps, runStepsInSlices, type WorkSlices } from '../../server/index/work-slices.ts';

/** Three steps of work, each recorded, returning what they built. */
function* threeSteps(done: string[]): Generator<void, string, undefined> {
  for (const step of ['a', 'b', 'c']) {
    done.push(step);
    if (step !== 'c') yield;
  }
  return done.join('');
}

describe('work in steps', () => {
  it('pauses between two steps whenever the slice is due, and returns what the steps built', async () => {
    const done: string[] = [];
    const pausedAfter: string[] = [];
    let dueChecks = 0;
    // Due at every other check: one pause of the two places between steps.
    const slices: WorkSlices = { due: () => ++dueChecks % 2 === 0, pause: async () => void pausedAfter.push(done.at(-1)!) };
    await expect(runStepsInSlices(threeSteps(done), slices)).resolves.toBe('abc');
    expect(pausedAfter).toEqual(['b']);
  });

  it('runs every step at once for a first use that cannot wait', () => {
    expect(runAllSteps(threeSteps([]))).toBe('abc');
  });
});

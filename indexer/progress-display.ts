import type { BuildProgress } from './build/build-index.ts';

export interface ProgressOptions {
  /** Where progress goes. Default process.stderr, so that stdout carries only the summary. */
  stream: NodeJS.WriteStream;
  /** Without a terminal, a plain line is written each time this share more of the files is done. Default 0.1. */
  lineStep: number;
  /** Fewest milliseconds between two redraws of the bar on a terminal. Default 80. */
  redrawMs: number;
}

export const DEFAULT_PROGRESS_OPTIONS: ProgressOptions = { stream: process.stderr, lineStep: 0.1, redrawMs: 80 };

const BAR_WIDTH = 24;

export interface ProgressDisplay {
  update: (progress: BuildProgress) => void;
  /** Clears the bar from the terminal, before the summary is printed. */
  finish: () => void;
}

/**
 * Progress of a build, phase by phase: a bar redrawn in place on a terminal; on anything else (CI
 * logs, a pipe) a plain line every tenth of each phase, since carriage returns make a log unreadable.
 */
export function createProgressDisplay(options: Partial<ProgressOptions> = {}): ProgressDisplay {
  const { stream, lineStep, redrawMs } = { ...DEFAULT_PROGRESS_OPTIONS, ...options };
  if (stream.isTTY) {
    let lastDraw = 0;
    let drawn = false;
    return {
      update: ({ phase, done, total, path }) => {
        const now = performance.now();
        if (done < total && now - lastDraw < redrawMs) return;
        lastDraw = now;
        const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
        const room = Math.max(10, (stream.columns || 80) - BAR_WIDTH - phase.length - 16);
        const shown = path.length > room ? `…${path.slice(-(room - 1))}` : path;
        stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${phase} ${done}/${total} ${shown}`);
        drawn = true;
      },
      finish: () => {
        if (drawn) stream.write('\r\x1b[2K');
      },
    };
  }
  let nextShare = lineStep;
  let currentPhase = '';
  return {
    update: ({ phase, done, total }) => {
      if (phase !== currentPhase) {
        currentPhase = phase;
        nextShare = lineStep;
      }
      if (total === 0 || (done / total < nextShare && done !== total)) return;
      while (nextShare <= done / total) nextShare += lineStep;
      stream.write(`${phase}: ${done}/${total} (${Math.round((done / total) * 100)}%)\n`);
    },
    finish: () => {},
  };
}

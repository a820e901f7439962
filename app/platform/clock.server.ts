import { singleton } from "./singleton.server.ts";

/**
 * The one clock the app reads. Tests (and the e2e server, through TEST_CLOCK) set it
 * so that fiscal-year boundaries and scheduled jobs can be exercised at any instant.
 */
type ClockState = { fixed?: number; offset: number };

const state = singleton<ClockState>("clock", () => {
  const initial = process.env.TEST_CLOCK ? Date.parse(process.env.TEST_CLOCK) : NaN;
  return Number.isNaN(initial) ? { offset: 0 } : { fixed: initial, offset: 0 };
});

export function now(): Date {
  return new Date(state.fixed ?? Date.now() + state.offset);
}

export function setClock(instant: Date | string | null) {
  state.fixed = instant === null ? undefined : new Date(instant).getTime();
}

export function advanceClock(ms: number) {
  if (state.fixed !== undefined) state.fixed += ms;
  else state.offset += ms;
}

/**
 * Runs `task` with the clock standing at `instant`, then sets it back as it was: the demo data
 * (prisma/seed.ts) is written by the domains' own functions at the instants its history happened.
 * Not for a serving process: every request would see the instant meanwhile.
 */
export async function withClockAt<T>(instant: Date, task: () => Promise<T>): Promise<T> {
  const before = { fixed: state.fixed, offset: state.offset };
  state.fixed = instant.getTime();
  try {
    return await task();
  } finally {
    state.fixed = before.fixed;
    state.offset = before.offset;
  }
}

import { afterEach, vi } from "vitest";

// An unexpected console.error in any test fails it: errors must not pass silently.
let calls: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  calls.push(args);
  original(...args);
};

afterEach(() => {
  const seen = calls;
  calls = [];
  vi.restoreAllMocks();
  if (seen.length > 0) throw new Error(`console.error was called: ${String(seen[0]?.[0]).slice(0, 200)}`);
});

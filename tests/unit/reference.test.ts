import { describe, expect, it } from "vitest";
import { REFERENCE_ALPHABET, shortReference } from "../../app/platform/reference.ts";

describe("shortReference", () => {
  it("is 8 characters in two groups, from an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) expect(shortReference()).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/);
    for (const lookAlike of "01OILUV") expect(REFERENCE_ALPHABET).not.toContain(lookAlike);
  });

  it("differs from one request to the next", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => shortReference()));
    expect(seen.size).toBe(1000);
  });
});

/** The indicators on the staff dashboard (decision 0017): not a queue but the figures staff watch, as of now. */
import type { ServerContributions } from "../platform/contributions.ts";
import { now } from "../platform/clock.server.ts";
import { INDICATORS } from "./catalogue.server.ts";

export const contributions = {
  dashboard: INDICATORS.map((indicator, i) => ({
    id: indicator.id,
    kind: "figure" as const,
    countLabel: indicator.countLabel,
    permission: "indicator:read:any",
    title: indicator.title,
    href: indicator.href,
    order: 100 + i,
    count: () => indicator.measure(now()),
  })),
} satisfies ServerContributions;

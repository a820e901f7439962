/**
 * The plan's indicators (総合計画 政策大綱6) this portal computes: one file each beside this one,
 * listed here. Each reads the counts a domain exports (its public.server.ts), never its tables,
 * so changing how an indicator is counted means opening the domain function it names.
 */
import type { AnyCountKey, AnyPlainKey } from "../i18n/index.ts";
import { GROUPS_REGISTERED } from "./groups-registered.server.ts";

export type Indicator = {
  id: string;
  /** The plan's number of the indicator. */
  policy: string;
  /** Message naming the indicator as the staff dashboard shows it. */
  title: AnyPlainKey;
  /** The staff page showing the figure and what it counts. */
  href: string;
  baseline: { value: number; date: string };
  targets: readonly { fiscalYear: number; value: number }[];
  better: "higher" | "lower";
  unit: string;
  /** Message of the figure with its unit ({count} 団体). */
  countLabel: AnyCountKey;
  /** The figure at an instant. */
  measure: (at: Date) => Promise<number>;
};

export const INDICATORS: readonly Indicator[] = [GROUPS_REGISTERED];

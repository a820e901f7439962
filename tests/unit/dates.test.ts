import { describe, expect, it } from "vitest";
import {
  daysBetween,
  fiscalYearAt,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatInstant,
  formatIsoDate,
  isIsoDate,
  tokyoDate,
  tokyoInstant,
  wareki,
} from "../../app/platform/dates.ts";

// These tests run under TZ=UTC and TZ=Asia/Tokyo; every expectation is written in absolute
// terms (UTC instants in, Tokyo calendar values out) so they must hold in both.

describe("tokyoDate", () => {
  it("is still March 31 one second before Tokyo midnight", () => {
    expect(tokyoDate(new Date("2027-03-31T14:59:59Z"))).toBe("2027-03-31");
  });

  it("turns to April 1 at Tokyo midnight (15:00 UTC)", () => {
    expect(tokyoDate(new Date("2027-03-31T15:00:00Z"))).toBe("2027-04-01");
  });

  it("is ahead of the UTC date between 15:00 and 24:00 UTC and equal otherwise", () => {
    expect(tokyoDate(new Date("2026-12-31T15:00:00.000Z"))).toBe("2027-01-01");
    expect(tokyoDate(new Date("2026-12-31T14:59:59.999Z"))).toBe("2026-12-31");
    expect(tokyoDate(new Date("2026-06-15T00:00:00Z"))).toBe("2026-06-15");
  });

  it("handles the leap day", () => {
    expect(tokyoDate(new Date("2028-02-28T15:00:00Z"))).toBe("2028-02-29");
    expect(tokyoDate(new Date("2028-02-29T15:00:00Z"))).toBe("2028-03-01");
  });
});

describe("tokyoInstant", () => {
  it("gives the UTC instant of Tokyo midnight by default", () => {
    expect(tokyoInstant("2027-04-01").toISOString()).toBe("2027-03-31T15:00:00.000Z");
  });

  it("accepts HH:MM and HH:MM:SS wall-clock times", () => {
    expect(tokyoInstant("2027-04-01", "09:30").toISOString()).toBe("2027-04-01T00:30:00.000Z");
    expect(tokyoInstant("2027-03-31", "23:59:59").toISOString()).toBe("2027-03-31T14:59:59.000Z");
  });

  it("round-trips with tokyoDate", () => {
    for (const d of ["2026-01-01", "2026-03-31", "2026-04-01", "2028-02-29", "2026-12-31"]) {
      expect(tokyoDate(tokyoInstant(d))).toBe(d);
      expect(tokyoDate(tokyoInstant(d, "23:59:59"))).toBe(d);
    }
  });

  it("refuses something that is not an ISO date", () => {
    expect(() => tokyoInstant("2026-02-30")).toThrow(RangeError);
    expect(() => tokyoInstant("2026/04/01")).toThrow(RangeError);
  });
});

describe("fiscal years (年度)", () => {
  it("puts March 31 in the previous fiscal year and April 1 in the new one", () => {
    expect(fiscalYearOf("2027-03-31")).toBe(2026);
    expect(fiscalYearOf("2027-04-01")).toBe(2027);
    expect(fiscalYearOf("2027-01-01")).toBe(2026);
    expect(fiscalYearOf("2026-12-31")).toBe(2026);
  });

  it("uses the Tokyo date of an instant, not the UTC or local date", () => {
    // 2027-03-31 23:59 JST
    expect(fiscalYearAt(new Date("2027-03-31T14:59:00Z"))).toBe(2026);
    // 2027-04-01 00:00 JST (still March 31 in UTC)
    expect(fiscalYearAt(new Date("2027-03-31T15:00:00Z"))).toBe(2027);
    expect(fiscalYearAt(tokyoInstant("2027-03-31", "23:59"))).toBe(2026);
    expect(fiscalYearAt(tokyoInstant("2027-04-01", "00:00"))).toBe(2027);
  });

  it("gives the range of a fiscal year as dates and Tokyo-midnight instants", () => {
    const r = fiscalYearRange(2026);
    expect(r.start).toBe("2026-04-01");
    expect(r.end).toBe("2027-03-31");
    expect(r.startsAt.toISOString()).toBe("2026-03-31T15:00:00.000Z");
    expect(r.endsBefore.toISOString()).toBe("2027-03-31T15:00:00.000Z");
  });

  it("has ranges that agree with fiscalYearAt at both edges", () => {
    const r = fiscalYearRange(2026);
    expect(fiscalYearAt(r.startsAt)).toBe(2026);
    expect(fiscalYearAt(new Date(r.startsAt.getTime() - 1))).toBe(2025);
    expect(fiscalYearAt(new Date(r.endsBefore.getTime() - 1))).toBe(2026);
    expect(fiscalYearAt(r.endsBefore)).toBe(2027);
    expect(fiscalYearRange(2027).startsAt.getTime()).toBe(r.endsBefore.getTime());
  });
});

describe("isIsoDate", () => {
  it.each(["2024-02-29", "2026-01-01", "2026-12-31", "2000-02-29"])("accepts %s", (v) => {
    expect(isIsoDate(v)).toBe(true);
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2026-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-01",
    "2026-01-1",
    "26-01-01",
    " 2026-01-01",
    "2026-01-01 ",
    "2026-01-01T00:00:00Z",
    "2026/01/01",
    "",
  ])("rejects %j", (v) => {
    expect(isIsoDate(v)).toBe(false);
  });
});

describe("wareki (和暦)", () => {
  it("changes from 平成 to 令和 on 2019-05-01, with 元年 for the first year", () => {
    expect(wareki("2019-04-30").label).toBe("平成31年4月30日");
    expect(wareki("2019-05-01").label).toBe("令和元年5月1日");
    expect(wareki("2019-05-01")).toMatchObject({ era: "令和", eraEn: "Reiwa", year: 1 });
  });

  it("changes from 昭和 to 平成 on 1989-01-08", () => {
    expect(wareki("1989-01-07").label).toBe("昭和64年1月7日");
    expect(wareki("1989-01-07")).toMatchObject({ era: "昭和", eraEn: "Showa", year: 64 });
    expect(wareki("1989-01-08").label).toBe("平成元年1月8日");
    expect(wareki("1989-01-08")).toMatchObject({ era: "平成", eraEn: "Heisei", year: 1 });
  });

  it("numbers later years and writes months and days without leading zeros", () => {
    expect(wareki("2026-11-03").label).toBe("令和8年11月3日");
    expect(wareki("2020-01-01").label).toBe("令和2年1月1日");
    expect(wareki("1926-12-25").label).toBe("昭和元年12月25日");
  });

  it("refuses dates before 昭和", () => {
    expect(() => wareki("1926-12-24")).toThrow(RangeError);
  });
});

describe("fiscalYearLabel", () => {
  it("names fiscal years in 和暦", () => {
    expect(fiscalYearLabel(2026)).toBe("令和8年度");
    expect(fiscalYearLabel(2020)).toBe("令和2年度");
    expect(fiscalYearLabel(2018)).toBe("平成30年度");
    expect(fiscalYearLabel(1989)).toBe("平成元年度");
    expect(fiscalYearLabel(1988)).toBe("昭和63年度");
  });

  it("calls FY2019 令和元年度 by custom although it began in 平成31年 April", () => {
    expect(fiscalYearLabel(2019)).toBe("令和元年度");
    expect(fiscalYearLabel(2019, "ja")).toBe("令和元年度");
  });

  it("uses FY numbers in English", () => {
    expect(fiscalYearLabel(2026, "en")).toBe("FY2026");
    expect(fiscalYearLabel(2019, "en")).toBe("FY2019");
  });
});

describe("formatInstant", () => {
  it("shows Tokyo time in Japanese whatever the process time zone", () => {
    const out = formatInstant(new Date("2026-11-23T15:30:00Z"), "ja");
    expect(out).toContain("2026年11月24日");
    expect(out).toContain("0:30");
    expect(out).not.toContain("15:30");
    expect(out).not.toContain("23日");
  });

  it("accepts an ISO string as well as a Date", () => {
    expect(formatInstant("2026-11-23T15:30:00Z", "ja")).toBe(formatInstant(new Date("2026-11-23T15:30:00Z"), "ja"));
  });

  it("shows Tokyo time in English too", () => {
    const out = formatInstant(new Date("2026-11-23T15:30:00Z"), "en");
    expect(out).toContain("24 November 2026");
    expect(out).toContain("00:30");
    expect(out).not.toContain("23 November");
  });

  it("does not shift instants that are the same date in UTC and Tokyo", () => {
    const out = formatInstant(new Date("2026-04-01T03:06:00Z"), "ja");
    expect(out).toContain("2026年4月1日");
    expect(out).toContain("12:06");
  });
});

describe("formatIsoDate", () => {
  it("writes a Japanese date without leading zeros", () => {
    expect(formatIsoDate("2026-04-01", "ja")).toBe("2026年4月1日");
    expect(formatIsoDate("2026-12-31", "ja")).toBe("2026年12月31日");
  });

  it("writes an English long date", () => {
    expect(formatIsoDate("2026-04-01", "en")).toBe("1 April 2026");
  });

  it.each(["2026-01-01", "2026-03-31", "2026-04-01", "2028-02-29", "2026-12-31"])(
    "never shifts %s by a day in either language",
    (d) => {
      const [y, m, day] = d.split("-").map(Number);
      expect(formatIsoDate(d, "ja")).toBe(`${y}年${m}月${day}日`);
      const en = formatIsoDate(d, "en");
      expect(en.startsWith(`${day} `)).toBe(true);
      expect(en.endsWith(` ${y}`)).toBe(true);
    },
  );
});

describe("daysBetween", () => {
  it("counts calendar days, across months, years and a leap day", () => {
    expect(daysBetween("2026-08-31", "2026-08-31")).toBe(0);
    expect(daysBetween("2026-08-31", "2026-09-01")).toBe(1);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { CsvError, decodeCsvBytes, escapeFormula, parseCsv, parseCsvRows, toCsv, unescapeFormula } from "../../app/platform/csv.ts";

function bytes(...values: number[]) {
  return new Uint8Array(values);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseCsv", () => {
  it("splits plain records and cells", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\r\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("accepts LF, CR and a missing final line break", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r1,2\r")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted fields", () => {
    const text = 'name,note\r\n"安中, 一区","1行目\r\n2行目"\r\n"""引用""です",x\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "note"],
      ["安中, 一区", "1行目\r\n2行目"],
      ['"引用"です', "x"],
    ]);
  });

  it("keeps empty cells, empty quoted cells and blank lines", () => {
    expect(parseCsv('a,,""\r\n\r\n,\r\n')).toEqual([["a", "", ""], [""], ["", ""]]);
    expect(parseCsv('""')).toEqual([[""]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("drops a BOM at the start only", () => {
    expect(parseCsv("\uFEFF名称,URL\r\n")).toEqual([["名称", "URL"]]);
    expect(parseCsv("\uFEFF名称")[0][0]).toBe("名称");
  });

  it("keeps a quote inside an unquoted field as it is", () => {
    expect(parseCsv('5"の棚,b\n')).toEqual([['5"の棚', "b"]]);
  });

  it("refuses an unterminated quote and text after a closing quote, naming the record", () => {
    expect(() => parseCsv('a\r\n"open,b\r\n')).toThrowError(CsvError);
    try {
      parseCsv('a\r\nb\r\n"x"y,z\r\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).kind).toBe("text-after-quote");
      expect((error as CsvError).record).toBe(3);
    }
    try {
      parseCsv('a\r\n"never closed\r\n');
      expect.unreachable();
    } catch (error) {
      expect((error as CsvError).kind).toBe("unterminated-quote");
      expect((error as CsvError).record).toBe(2);
    }
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const result = decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, ...utf8("安中,1\r\n")));
    expect(result).toEqual({ text: "安中,1\r\n", encoding: "utf-8" });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeCsvBytes(utf8("名称\r\n安中"))).toEqual({ text: "名称\r\n安中", encoding: "utf-8" });
  });

  it("reads Shift_JIS bytes (安中 = 88 C0 92 86, 区 = 8B E6)", () => {
    // "安中一区,1" with 一 = 88 EA.
    const sjis = bytes(0x88, 0xc0, 0x92, 0x86, 0x88, 0xea, 0x8b, 0xe6, 0x2c, 0x31, 0x0d, 0x0a);
    const result = decodeCsvBytes(sjis);
    expect(result.encoding).toBe("shift_jis");
    expect(result.text).toBe("安中一区,1\r\n");
    expect(parseCsv(result.text)).toEqual([["安中一区", "1"]]);
  });

  it("reads half-width katakana and the Windows-31J extensions Excel writes (ｱ = B1, ① = 87 40)", () => {
    expect(decodeCsvBytes(bytes(0xb1, 0x87, 0x40)).text).toBe("ｱ①");
  });

  it("treats plain ASCII as UTF-8", () => {
    expect(decodeCsvBytes(utf8("a,b")).encoding).toBe("utf-8");
  });

  it("refuses bytes that are neither UTF-8 nor Shift_JIS", () => {
    // 0x85 0x40 is an unassigned Shift_JIS row; 0xFF never starts a valid character in either.
    expect(() => decodeCsvBytes(bytes(0x41, 0xff, 0xff, 0x42))).toThrowError(CsvError);
    expect(() => decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, 0xc3))).toThrowError(CsvError);
  });
});

describe("decodeCsvBytes: the BOM is exactly EF BB BF at the start", () => {
  it("keeps a first character whose bytes only look like a BOM (one byte differs)", () => {
    // ＿ = EF BC BF, 仿 = E4 BB BF, ﻠ = EF BB A0: each differs from EF BB BF in one byte.
    expect(decodeCsvBytes(utf8("＿,1\r\n"))).toEqual({ text: "＿,1\r\n", encoding: "utf-8" });
    expect(decodeCsvBytes(utf8("仿,1\r\n"))).toEqual({ text: "仿,1\r\n", encoding: "utf-8" });
    expect(decodeCsvBytes(utf8("ﻠ,1\r\n"))).toEqual({ text: "ﻠ,1\r\n", encoding: "utf-8" });
  });

  it("drops one BOM and keeps a second one as text", () => {
    expect(decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: "\uFEFFa", encoding: "utf-8" });
    expect(decodeCsvBytes(bytes(0xef, 0xbb, 0xbf))).toEqual({ text: "", encoding: "utf-8" });
  });

  it("a file with a BOM, the same without, and the same in Shift_JIS read to the same records", () => {
    const withBom = decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, ...utf8("no,安中一区\r\n1,安中\r\n")));
    const without = decodeCsvBytes(utf8("no,安中一区\r\n1,安中\r\n"));
    // 安 = 88 C0, 中 = 92 86, 一 = 88 EA, 区 = 8B E6.
    const sjis = decodeCsvBytes(
      bytes(0x6e, 0x6f, 0x2c, 0x88, 0xc0, 0x92, 0x86, 0x88, 0xea, 0x8b, 0xe6, 0x0d, 0x0a, 0x31, 0x2c, 0x88, 0xc0, 0x92, 0x86, 0x0d, 0x0a),
    );
    expect([withBom.encoding, without.encoding, sjis.encoding]).toEqual(["utf-8", "utf-8", "shift_jis"]);
    const records = [
      { record: 1, cells: ["no", "安中一区"] },
      { record: 2, cells: ["1", "安中"] },
    ];
    for (const decoded of [withBom, without, sjis]) expect(parseCsvRows(decoded.text)).toEqual(records);
  });

  it("a BOM later in the text is a character of its cell", () => {
    expect(parseCsv("名称,\uFEFFx\r\n")).toEqual([["名称", "\uFEFFx"]]);
    expect(parseCsvRows("\uFEFF\uFEFFa")).toEqual([{ record: 1, cells: ["\uFEFFa"] }]);
  });
});

describe("parseCsvRows: a broken record is skipped to the end of its line", () => {
  it("text after a closing quote, with CRLF: the records after it keep their numbers", () => {
    expect(parseCsvRows('a,b\r\n"x"y,z\r\nc,d\r\n')).toEqual([
      { record: 1, cells: ["a", "b"] },
      { record: 2, cells: [], error: "text-after-quote" },
      { record: 3, cells: ["c", "d"] },
    ]);
  });

  it("the same with LF, with CR, and with a blank line after the broken one", () => {
    const expected = [
      { record: 1, cells: ["a"] },
      { record: 2, cells: [], error: "text-after-quote" },
      { record: 3, cells: ["c", "d"] },
    ];
    expect(parseCsvRows('a\n"x"y,z\nc,d\n')).toEqual(expected);
    expect(parseCsvRows('a\r"x"y,z\rc,d\r')).toEqual(expected);
    expect(parseCsvRows('a\n"x"y,z\n\nc,d\n')).toEqual([
      { record: 1, cells: ["a"] },
      { record: 2, cells: [], error: "text-after-quote" },
      { record: 3, cells: [""] },
      { record: 4, cells: ["c", "d"] },
    ]);
    expect(parseCsvRows('a\r\n"x"y,z\r\n\r\nc\r\n')).toEqual([
      { record: 1, cells: ["a"] },
      { record: 2, cells: [], error: "text-after-quote" },
      { record: 3, cells: [""] },
      { record: 4, cells: ["c"] },
    ]);
  });

  it("the broken record is the last line, with and without a line break", () => {
    expect(parseCsvRows('a\n"x"y')).toEqual([
      { record: 1, cells: ["a"] },
      { record: 2, cells: [], error: "text-after-quote" },
    ]);
    expect(parseCsvRows('a\r\n"x"y\r\n')).toEqual([
      { record: 1, cells: ["a"] },
      { record: 2, cells: [], error: "text-after-quote" },
    ]);
  });

  it("a quote that never closes: reading resumes on the line after the one it began on", () => {
    expect(parseCsvRows('a,b\r\n1,"open\r\nc,d\r\ne,f\r\n')).toEqual([
      { record: 1, cells: ["a", "b"] },
      { record: 2, cells: [], error: "unterminated-quote" },
      { record: 3, cells: ["c", "d"] },
      { record: 4, cells: ["e", "f"] },
    ]);
  });

  it("a quote closed only on a later line, then text: unterminated, and the later line is read as a record", () => {
    for (const eol of ["\r\n", "\n", "\r"]) {
      expect(parseCsvRows(`a,"x${eol}y"z${eol}q${eol}`), JSON.stringify(eol)).toEqual([
        { record: 1, cells: [], error: "unterminated-quote" },
        { record: 2, cells: ['y"z'] },
        { record: 3, cells: ["q"] },
      ]);
    }
  });

  it("a quoted field ends at LF and CR too, and a blank line in an LF file is a record of its own", () => {
    expect(parseCsvRows('"a"\n"b"\r"c"')).toEqual([
      { record: 1, cells: ["a"] },
      { record: 2, cells: ["b"] },
      { record: 3, cells: ["c"] },
    ]);
    expect(parseCsvRows("a\n\nb\n")).toEqual([
      { record: 1, cells: ["a"] },
      { record: 2, cells: [""] },
      { record: 3, cells: ["b"] },
    ]);
  });

  it("a quoted field ending at a comma, a line end or the end of the text is whole", () => {
    expect(parseCsvRows('"a","b"\r\n"c"')).toEqual([
      { record: 1, cells: ["a", "b"] },
      { record: 2, cells: ["c"] },
    ]);
  });
});

describe("CsvError", () => {
  it("says what went wrong and at which record, in its message", () => {
    expect(new CsvError("undecodable", 0).message).toBe("csv: undecodable");
    expect(new CsvError("unterminated-quote", 12).message).toBe("csv: unterminated-quote at record 12");
    expect(() => parseCsv('a\r\nb\r\n"x"y,z\r\n')).toThrowError(new CsvError("text-after-quote", 3));
    expect(() => parseCsv('a\r\nb\r\n"x"y,z\r\n')).toThrowError(/^csv: text-after-quote at record 3$/);
    expect(() => parseCsv('a\r\n"never closed\r\n')).toThrowError(/^csv: unterminated-quote at record 2$/);
    expect(() => decodeCsvBytes(bytes(0x41, 0xff, 0xff, 0x42))).toThrowError(/^csv: undecodable$/);
    expect(() => decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, 0xc3))).toThrowError(/^csv: undecodable$/);
  });
});

describe("formula escaping", () => {
  it("prefixes cells that start with = + - @ tab or CR", () => {
    for (const cell of ["=1+1", "+81", "-1", "@SUM(A1)", "\tx", "\rx"]) {
      expect(escapeFormula(cell)).toBe(`'${cell}`);
    }
  });

  it("leaves other cells alone", () => {
    for (const cell of ["", "安中", "a=b", "1-2", "'quoted", " =x"]) {
      expect(escapeFormula(cell)).toBe(cell);
    }
  });

  it("unescapeFormula removes only a leading apostrophe", () => {
    expect(unescapeFormula("+=1")).toBe("+=1");
    expect(unescapeFormula("'=1")).toBe("=1");
  });

  it("round-trips through unescapeFormula", () => {
    for (const cell of ["=HYPERLINK(\"http://x\")", "+81", "plain", "'text", "''=x"]) {
      expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
    }
  });
});

describe("toCsv", () => {
  it("writes a BOM, CRLF after each record, quotes where needed and escapes formulas", () => {
    const out = toCsv([
      ["名称", "備考"],
      ["A, B", 'say "hi"'],
      ["=cmd|' /C calc'!A0", "line1\nline2"],
    ]);
    expect(out.startsWith("\uFEFF")).toBe(true);
    expect(out).toBe(
      '\uFEFF名称,備考\r\n"A, B","say ""hi"""\r\n' + `'=cmd|' /C calc'!A0,"line1\nline2"\r\n`,
    );
  });

  it("can leave the BOM out", () => {
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });

  it("parses back to the same cells (formulas unescaped by the reader)", () => {
    const records = [
      ["名称", "電話番号", "説明"],
      ["安中一区住民センター", "027-300-0101", "会議室2室\r\n和室1室"],
      ["-", "+81 27", ' "quoted" '],
    ];
    const parsed = parseCsv(toCsv(records)).map((r) => r.map(unescapeFormula));
    expect(parsed).toEqual(records);
  });
});

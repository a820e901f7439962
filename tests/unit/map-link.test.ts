import { describe, expect, it } from "vitest";
import { mapLink } from "../../app/districts/map-link.ts";

describe("mapLink (a centre's position on a map)", () => {
  it("points OpenStreetMap at the position, marked, at street level", () => {
    expect(mapLink("36.329920", "138.886890")).toBe("https://www.openstreetmap.org/?mlat=36.32992&mlon=138.88689#map=17/36.32992/138.88689");
  });

  it("gives no link without a usable position", () => {
    expect(mapLink("", "138.88")).toBeNull();
    expect(mapLink("36.3", " ")).toBeNull();
    expect(mapLink("北緯36度", "138.88")).toBeNull();
    expect(mapLink("136.3", "138.88")).toBeNull();
    expect(mapLink("36.3", "-181")).toBeNull();
  });
});

/**
 * The rule of indicator 6-1 (NPO・ボランティア登録団体数, domain.md) on one profile: an NPO法人
 * with its main office in the city, or a group registered at the ボランティアセンター; both
 * count once. The count over the registry is in tests/integration/group-review-suite.ts.
 */
import { describe, expect, it } from "vitest";
import { GROUP_KINDS, groupsRegisteredReasons } from "../../app/groups/rules.ts";

describe("groupsRegisteredReasons (6-1)", () => {
  it("counts an NPO法人 with its main office in the city", () => {
    expect(groupsRegisteredReasons({ kind: "npo", mainOfficeInCity: true, volunteerCenter: false })).toEqual({ npoInCity: true, volunteerCenter: false });
  });

  it("does not count an NPO法人 with its main office outside the city, unless it is at the volunteer centre", () => {
    expect(groupsRegisteredReasons({ kind: "npo", mainOfficeInCity: false, volunteerCenter: false })).toBeNull();
    expect(groupsRegisteredReasons({ kind: "npo", mainOfficeInCity: false, volunteerCenter: true })).toEqual({ npoInCity: false, volunteerCenter: true });
  });

  it("counts a group that is both once, with both reasons", () => {
    expect(groupsRegisteredReasons({ kind: "npo", mainOfficeInCity: true, volunteerCenter: true })).toEqual({ npoInCity: true, volunteerCenter: true });
  });

  it("counts other kinds only at the volunteer centre, whatever their office", () => {
    for (const kind of GROUP_KINDS.filter((k) => k !== "npo")) {
      expect(groupsRegisteredReasons({ kind, mainOfficeInCity: true, volunteerCenter: false }), kind).toBeNull();
      expect(groupsRegisteredReasons({ kind, mainOfficeInCity: false, volunteerCenter: false }), kind).toBeNull();
      expect(groupsRegisteredReasons({ kind, mainOfficeInCity: true, volunteerCenter: true }), kind).toEqual({ npoInCity: false, volunteerCenter: true });
    }
  });
});

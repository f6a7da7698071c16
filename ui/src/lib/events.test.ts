import { describe, expect, it } from "vitest";
import { reasonOf } from "./events";

const t = (key: string, options?: { values: Record<string, string | number> }) =>
  `[${key}${options ? ` ${JSON.stringify(options.values)}` : ""}]`;

describe("a journal entry's reason", () => {
  it("is the reason a person gave", () => {
    expect(reasonOf({ reason: "consent or consultation", detail: {} }, t)).toBe("consent or consultation");
  });
  it("words the code the workbench recorded", () => {
    expect(reasonOf({ reason: "", detail: { because: "initials_voided", version_id: 12, voided: 3 } }, t)).toBe(
      '[because.initials_voided {"version":"12","count":3}]',
    );
  });
  it("reads an older journal's English sentence as its code", () => {
    expect(reasonOf({ reason: "a text was tabled", detail: {} }, t)).toBe('[because.text_tabled {"version":"0","count":0}]');
    expect(reasonOf({ reason: "a new joint text (version 7) voids 2 initial(s)", detail: {} }, t)).toBe(
      '[because.initials_voided {"version":"7","count":2}]',
    );
  });
  it("is nothing when there is none", () => {
    expect(reasonOf({ reason: "", detail: { hash: "x" } }, t)).toBe("");
  });
});

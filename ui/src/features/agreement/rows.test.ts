import { describe, expect, it } from "vitest";
import type { Outline, OutlineRow } from "../../lib/bindings";
import { defaultReference, filterRows, findRow } from "./rows";

const row = (ref: string, status: OutlineRow["status"], differs: boolean, present = [true, true, false, true]): OutlineRow => ({
  clause_id: ref.length,
  ref,
  title: ref,
  status,
  present,
  differs,
});
const rows = [row("Art. 1", "tentatively_agreed", false), row("Art. 2", "open", true), row("Art. 8", "impasse", true), row("Art. 10", "withdrawn", true)];

describe("the four-column document's rows", () => {
  it("filter by what is still open and by whether the texts differ", () => {
    expect(filterRows(rows, "all", false).map((r) => r.ref)).toEqual(["Art. 1", "Art. 2", "Art. 8", "Art. 10"]);
    expect(filterRows(rows, "open", false).map((r) => r.ref)).toEqual(["Art. 2", "Art. 8"]);
    expect(filterRows(rows, "impasse", false).map((r) => r.ref)).toEqual(["Art. 8"]);
    expect(filterRows(rows, "all", true).map((r) => r.ref)).toEqual(["Art. 2", "Art. 8", "Art. 10"]);
  });

  it("jump to a clause by its reference, exactly first", () => {
    expect(findRow(rows, "art. 1")).toBe(0);
    expect(findRow(rows, "Art 10")).toBe(3);
    expect(findRow(rows, "art. 8")).toBe(2);
    expect(findRow(rows, "Art. 9")).toBe(-1);
    expect(findRow(rows, "  ")).toBe(-1);
  });

  it("compare against the joint text when there is one, else the status quo", () => {
    const columns: Outline["columns"] = [
      { label: "W", name: "W", colour: "#000000", reference: { kind: "party", id: 1 } },
      { label: "E", name: "E", colour: "#000000", reference: { kind: "party", id: 2 } },
      { label: "joint", name: "joint", colour: null, reference: { kind: "joint" } },
      { label: "base", name: "base", colour: null, reference: { kind: "base" } },
    ];
    // which columns have a text is the core's to say (with_text); the rows here agree with it
    expect(defaultReference({ columns, with_text: [0, 1, 3], rows, last_session: null })).toEqual({ kind: "base" });
    const withJoint = [...rows, row("Art. 11", "open", true, [true, true, true, false])];
    expect(defaultReference({ columns, with_text: [0, 1, 2, 3], rows: withJoint, last_session: null })).toEqual({ kind: "joint" });
    expect(defaultReference({ columns, with_text: [0], rows: [row("A", "open", true, [true, false, false, false])], last_session: null })).toEqual({ kind: "party", id: 1 });
  });
});

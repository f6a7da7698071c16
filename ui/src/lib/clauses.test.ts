import { describe, expect, it } from "vitest";
import type { ClauseRow } from "./bindings";
import { filterClauses, sortClauses, topicsOf } from "./clauses";

const row = (id: number, ref: string, title: string, status: ClauseRow["status"], topics: string[], partyIds: number[]): ClauseRow => ({
  id,
  negotiation_id: 1,
  ref,
  title,
  position: id,
  status,
  status_quo: null,
  topics,
  section: "",
  heads: partyIds.map((p) => ({ track: { kind: "party", party_id: p }, version_id: id * 10 + p, tabled: true, created_at: "" })),
});

const rows = [
  row(1, "Art. 1", "Scope", "tentatively_agreed", ["scope"], [1, 2]),
  row(2, "Art. 2", "Переобучение", "open", ["retraining"], [1]),
  row(3, "Art. 3", "Notice", "impasse", ["notice", "scope"], [2]),
];
const none = { status: "", topic: "", partyId: null, text: "" } as const;

describe("the clause list", () => {
  it("filters by status, topic, party and text, Cyrillic included", () => {
    expect(filterClauses(rows, { ...none, status: "open" }).map((r) => r.id)).toEqual([2]);
    expect(filterClauses(rows, { ...none, topic: "scope" }).map((r) => r.id)).toEqual([1, 3]);
    expect(filterClauses(rows, { ...none, partyId: 2 }).map((r) => r.id)).toEqual([1, 3]);
    expect(filterClauses(rows, { ...none, text: "ПЕРЕОБУЧ" }).map((r) => r.id)).toEqual([2]);
    expect(filterClauses(rows, { ...none, text: "art. 3" }).map((r) => r.id)).toEqual([3]);
  });

  it("sorts by order, title or how urgent the status is", () => {
    expect(sortClauses(rows, "status").map((r) => r.id)).toEqual([3, 2, 1]);
    expect(sortClauses(rows, "title").map((r) => r.title)).toEqual(["Notice", "Scope", "Переобучение"]);
    expect(sortClauses([...rows].reverse(), "position").map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it("lists every topic once", () => {
    expect(topicsOf(rows)).toEqual(["notice", "retraining", "scope"]);
  });
});

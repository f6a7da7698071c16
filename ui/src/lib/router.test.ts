import { describe, expect, it } from "vitest";
import { href, parse, type Route } from "./router.svelte";

describe("routes", () => {
  it("address every view and come back the same", () => {
    const routes: Route[] = [
      { view: "dashboard" },
      { view: "clauses" },
      { view: "clause", clauseId: 12, diff: undefined },
      { view: "clause", clauseId: 12, diff: { from: 40, to: 41 } },
      { view: "compare", clauseId: 7, reference: { kind: "joint" } },
      { view: "compare", clauseId: 7, reference: { kind: "party", id: 2 } },
      { view: "compare", clauseId: 7, reference: { kind: "since", id: 3 } },
      { view: "agreement", reference: null },
      { view: "agreement", reference: { kind: "base" } },
      { view: "print", reference: { kind: "party", id: 1 } },
      { view: "search", query: "қайта даярлау" },
      { view: "library" },
      { view: "settings" },
    ];
    for (const r of routes) expect(parse(href(r))).toEqual(r);
  });

  it("fall back to the dashboard on nonsense", () => {
    expect(parse("#/clause/abc")).toEqual({ view: "dashboard" });
    expect(parse("")).toEqual({ view: "dashboard" });
    expect(parse("#/clause/3/diff/x/2")).toEqual({ view: "clause", clauseId: 3, diff: undefined });
    expect(parse("#/clause/3/compare/party-x")).toEqual({ view: "compare", clauseId: 3, reference: { kind: "joint" } });
    expect(parse("#/agreement/nonsense/print")).toEqual({ view: "agreement", reference: null });
  });
});

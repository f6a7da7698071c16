import { describe, expect, it } from "vitest";
import { href, parse, type Route } from "./router.svelte";

describe("routes", () => {
  it("address every view and come back the same", () => {
    const routes: Route[] = [
      { view: "dashboard" },
      { view: "clauses" },
      { view: "clause", clauseId: 12, diff: undefined },
      { view: "clause", clauseId: 12, diff: { from: 40, to: 41 } },
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
  });
});

import { render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import type { Comparison } from "../../lib/bindings";
import { BACKEND_KEY } from "../../lib/context";
import { startI18n } from "../../lib/i18n";
import ClauseCompare from "./ClauseCompare.svelte";

beforeAll(() => startI18n());

const okay = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });
const session = { id: 3, negotiation_id: 1, number: 3, starts_at: "2026-10-27T05:00:00Z", place: "Astana", kind: "plenary" as const, minutes: "held" };

const comparison: Comparison = {
  clause: { id: 7, negotiation_id: 1, ref: "Art. 7", title: "Retraining <script>x</script>", position: 7, status: "open", status_quo: null, topics: [], section: "" },
  reference: { kind: "joint" },
  since: null,
  last_session: session,
  columns: [
    {
      head: { label: "FTU", name: "Federation of Trade Unions", colour: "#c0392b", reference: { kind: "party", id: 1 } },
      cell: {
        version_id: 4,
        text: "up to twelve months",
        is_reference: false,
        diff: { ops: [{ op: "equal", text: "up to " }, { op: "delete", text: "nine" }, { op: "insert", text: "twelve" }, { op: "equal", text: " months" }], similarity: 0.75, words_deleted: 1, words_inserted: 1 },
        justification: "Twelve months <i>is</i> what retraining takes",
      },
    },
    { head: { label: "NEA", name: "NEA", colour: "#1f618d", reference: { kind: "party", id: 2 } }, cell: { version_id: null, text: null, is_reference: false, diff: null, justification: "" } },
    { head: { label: "joint", name: "joint", colour: null, reference: { kind: "joint" } }, cell: { version_id: 9, text: "up to nine months", is_reference: true, diff: null, justification: "" } },
  ],
  pairs: [],
  convergence: null,
  timeline: [
    { at: "2026-09-15T05:00:00Z", session: 2, convergence: 0.4 },
    { at: "2026-10-27T05:00:00Z", session: 3, convergence: 0.7 },
  ],
};

const fake = {
  compareClause: () => okay(comparison),
} as unknown as Backend;

describe("the position comparison", () => {
  it("marks each column against the reference, escapes every text and offers each reference", async () => {
    const { container } = render(ClauseCompare, { props: { clauseId: 7, reference: { kind: "joint" } }, context: new Map([[BACKEND_KEY, fake]]) });
    expect(await screen.findByText("Art. 7 — Retraining <script>x</script>")).toBeTruthy();
    expect(container.querySelector("script")).toBeNull();
    const columns = screen.getAllByTestId("compare-column");
    expect(columns.map((c) => c.querySelector("h2")?.textContent)).toEqual(["FTU", "NEA", "Joint text"]);
    expect(columns[0].querySelector("ins")?.textContent).toBe("twelve");
    expect(columns[0].querySelector("del")?.textContent).toBe("nine");
    expect(columns[0].textContent).toContain("Similarity 75 %");
    // the party's public justification beside its text, as text
    expect(columns[0].querySelector("[data-testid=justification]")?.textContent).toBe("Justification: Twelve months <i>is</i> what retraining takes");
    expect(columns[0].querySelector("i")).toBeNull();
    expect(columns[1].querySelector("[data-testid=justification]")).toBeNull();
    expect(columns[1].textContent).toContain("No text tabled");
    expect(columns[2].textContent).toContain("Reference");
    expect(screen.getByTestId("reference-FTU").getAttribute("href")).toBe("#/clause/7/compare/party-1");
    expect(screen.getByTestId("reference-since").getAttribute("href")).toBe("#/clause/7/compare/since-3");
    expect(screen.getByTestId("reference-joint").getAttribute("aria-current")).toBe("true");
    expect(screen.getByTestId("convergence-chart").getAttribute("aria-label")).toBe("Convergence after each tabling: S2: 40 %, S3: 70 %");
  });
});

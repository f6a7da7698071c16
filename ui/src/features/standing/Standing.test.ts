import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import { BACKEND_KEY, DESKTOP_KEY } from "../../lib/context";
import { startI18n } from "../../lib/i18n";
import Standing from "./Standing.svelte";

beforeAll(() => startI18n());

const okay = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });
const party = (id: number, label: string) => ({ id, negotiation_id: 1, name: label, side: "workers", label, colour: "#123456", position: id });

/** A fake backend: the report the view reads, and a refusal for the move it tries. */
const moves: unknown[] = [];
const fake = {
  commitments: () => okay([{ id: 1, negotiation_id: 1, clause_id: null, text: "Retraining fund <b>set up</b>", responsible: "Government", due_on: "2027-06-30", done_on: null }]),
  report: () =>
    okay({
      negotiation: { id: 1, title: "T", level: "general", tripartite: true, status: "in_session", starts_on: null, ends_on: null, owner_party_id: 1, created_at: "", closing_rule: "all", languages: ["en"] },
      generated_at: "2026-11-23T05:00:00Z",
      by_status: [["open", 1], ["tentatively_agreed", 1]],
      by_topic: [{ topic: "<b>retraining</b>", by_status: [["open", 1]], total: 1 }],
      initials: {
        parties: [party(1, "FTU"), party(2, "NEA"), party(3, "MLSP")],
        rows: [
          {
            clause_id: 14,
            ref: "Art. 14",
            title: "<img src=x onerror=alert(1)>",
            status: "open",
            cells: [
              { state: "initialed", version_id: 55, at: "2026-10-27T08:09:00Z", by: "A", current: true },
              { state: "pending" },
              { state: "voided", version_id: 50, at: "2026-10-06T08:00:00Z", voided_at: "2026-10-27T08:02:00Z", by_version: 55 },
            ],
          },
        ],
      },
      sessions: [],
      approvals: [],
      timeline: [{ at: "2026-10-27T08:09:00Z", clause: "Art. 14", actor: "Aigerim", text: "FTU initialed version 55" }],
    }),
  setAgreementStatus: (id: number, status: string, reason: string) => {
    moves.push({ id, status, reason });
    return Promise.resolve({ status: "error" as const, error: { kind: "illegal_transition", message: "a tentative settlement needs every opened clause initialed or withdrawn; 1 clause(s) are not: Art. 14 (open)" } });
  },
} as unknown as Backend;

describe("where the agreement stands", () => {
  it("tables the initials per clause and party, escapes titles, and shows a refused move with its reason", async () => {
    render(Standing, { props: { negotiationId: 1 }, context: new Map<unknown, unknown>([[BACKEND_KEY, fake], [DESKTOP_KEY, {}]]) });
    const table = await screen.findByTestId("initials-table");
    const row = within(table).getByText("Art. 14").closest("tr")!;
    const cells = [...row.querySelectorAll("td.cell")].map((td) => ["initialed", "pending", "voided"].find((c) => td.classList.contains(c)));
    expect(cells).toEqual(["initialed", "pending", "voided"]);
    expect(within(row).getByText("<img src=x onerror=alert(1)>")).toBeTruthy();
    expect(table.querySelector("img")).toBeNull();
    expect(screen.getByText("<b>retraining</b>")).toBeTruthy();
    expect(screen.getByTestId("agreement-status").textContent).toBe("In session");
    // the action plan: a commitment's text is shown as text
    const plan = await screen.findByTestId("commitments");
    expect(within(plan).getByText("Retraining fund <b>set up</b>")).toBeTruthy();
    expect(plan.querySelector("b")).toBeNull();

    await fireEvent.change(screen.getByTestId("agreement-to"), { target: { value: "tentative_settlement" } });
    await fireEvent.input(screen.getByTestId("agreement-reason"), { target: { value: "all initialed" } });
    await fireEvent.submit(screen.getByTestId("agreement-reason").closest("form")!);
    expect((await screen.findByTestId("standing-error")).textContent).toContain("Art. 14 (open)");
    expect(moves).toEqual([{ id: 1, status: "tentative_settlement", reason: "all initialed" }]);
  });
});

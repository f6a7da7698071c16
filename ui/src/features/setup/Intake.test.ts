import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import type { IntakePlan, IntakePreview, Party, Provenance } from "../../lib/bindings";
import { BACKEND_KEY } from "../../lib/context";
import { startI18n } from "../../lib/i18n";
import Intake from "./Intake.svelte";

beforeAll(() => startI18n());

const okay = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });
const party = (id: number, label: string, side: Party["side"]): Party => ({ id, negotiation_id: 1, name: `${label} <b>org</b>`, side, label, colour: "#1f618d", position: id });
const parties = [party(1, "FTU", "workers"), party(2, "NEA", "employers"), party(3, "MLSP", "government")];

const plan: IntakePlan = {
  rows: [
    { line: 2, ref: "Статья 1", title: "Уведомление", clause_id: 11, matched_ref: null, texts: [{ label: "MLSP", track: { kind: "party", party_id: 3 }, change: "changed" }, { label: "joint", track: { kind: "joint" }, change: "new" }] },
    { line: 3, ref: "Статья 7", title: "<script>alert(1)</script>", clause_id: 17, matched_ref: "Art. 7", texts: [{ label: "MLSP", track: { kind: "party", party_id: 3 }, change: "same" }] },
    { line: 4, ref: "Статья 9", title: "Споры", clause_id: null, matched_ref: null, texts: [{ label: "MLSP", track: { kind: "party", party_id: 3 }, change: "new" }] },
  ],
  missing: [{ clause_id: 12, ref: "Статья 2", title: "Прозрачность", status: "open" }],
  tabled: 3,
  new_clauses: 1,
};

/** The core's side: the file the user picks in the dialog it shows is kept behind handle 7. */
function setup(picked: string, calls: { took?: [number, string | null, Provenance]; previewed?: number }) {
  const preview: IntakePreview = { plan, encoding: { encoding: "windows1251", lost_letters: true, first_lost_line: 3 }, source_name: "mlsp.csv", revisions: [] };
  const api = {
    chooseIntake: () => okay({ handle: 7, name: picked, is_table: picked.endsWith(".csv") }),
    previewIntake: (_n: number, handle: number) => ((calls.previewed = handle), okay(preview)),
    takeIn: (_n: number, handle: number, p: string | null, prov: Provenance) => ((calls.took = [handle, p, prov]), okay(plan)),
  } as unknown as Backend;
  let notice = "";
  render(Intake, {
    props: { negotiationId: 1, parties, changed: (n: string) => (notice = n) },
    context: new Map<symbol, unknown>([[BACKEND_KEY, api]]),
  });
  return () => notice;
}

describe("taking in a party's file", () => {
  it("previews what matches, what is new and what is missing, then takes it in with its provenance", async () => {
    const calls: { took?: [number, string | null, Provenance]; previewed?: number } = {};
    const notice = setup("mlsp.csv", calls);
    await fireEvent.click(screen.getByTestId("intake-choose"));
    const table = await screen.findByTestId("intake-preview");
    expect(screen.getByTestId("intake-file").textContent).toBe("mlsp.csv");
    expect(table.textContent).toContain("Статья 1");
    expect(table.textContent).toContain("MLSP: changed");
    expect(table.textContent).toContain("joint text: new");
    expect(table.textContent).toContain("Art. 7");
    expect(table.textContent).toContain("a new clause");
    expect(table.textContent).toContain("not in the file: left as it is");
    expect(table.querySelector("script")).toBeNull();
    expect(table.textContent).toContain("<script>alert(1)</script>");
    expect(screen.getByTestId("intake-encoding").textContent).toContain("first on line 3");
    expect(screen.getByTestId("intake-summary").textContent).toBe("3 texts to table, 1 new clause, 1 clause not in the file.");
    await fireEvent.input(screen.getByTestId("intake-received"), { target: { value: "2026-11-20" } });
    await fireEvent.input(screen.getByTestId("intake-letter"), { target: { value: "МТСЗН-01/77" } });
    await fireEvent.click(screen.getByTestId("intake-apply"));
    await screen.findByTestId("intake-choose");
    expect(calls.previewed).toBe(7);
    expect(calls.took).toEqual([7, null, { received: "2026-11-20", session_id: null, letter_ref: "МТСЗН-01/77", sent_by: null }]);
    expect(notice()).toBe("Taken in: 3 texts tabled, 1 clause added.");
  });
});

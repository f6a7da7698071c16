import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import type { ClauseEdit, ClauseRow } from "../../lib/bindings";
import { BACKEND_KEY, DESKTOP_KEY } from "../../lib/context";
import { startI18n } from "../../lib/i18n";
import SetupClauses from "./SetupClauses.svelte";

beforeAll(() => startI18n());

const okay = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });
const row = (id: number, ref: string, title: string): ClauseRow => ({
  id, negotiation_id: 1, ref, title, position: id, status: "not_opened", status_quo: null, topics: ["notice"], section: "", heads: [],
});

describe("the clauses of a negotiation being set up", () => {
  it("edits a clause's title, section and topics, asking the core only for what changed", async () => {
    const edits: [number, ClauseEdit][] = [];
    const api = {
      library: () => okay([]),
      editClause: (id: number, edit: ClauseEdit) => (edits.push([id, edit]), okay(row(id, "Статья 1", "x"))),
    } as unknown as Backend;
    let notice = "";
    render(SetupClauses, {
      props: { negotiationId: 1, clauses: [row(11, "Статья 1", "Уведомление"), row(12, "Статья 2", "<b>Прозрачность</b>")], changed: (n: string) => (notice = n) },
      context: new Map<symbol, unknown>([[BACKEND_KEY, api], [DESKTOP_KEY, {}]]),
    });
    expect(screen.getByText("<b>Прозрачность</b>")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("edit-0"));
    await fireEvent.input(screen.getByTestId("edit-section"), { target: { value: "Раздел II" } });
    await fireEvent.input(screen.getByTestId("edit-topics"), { target: { value: "notice, consultation" } });
    await fireEvent.submit(screen.getByTestId("clause-edit-form"));
    await screen.findByTestId("edit-0");
    expect(edits).toEqual([
      [11, { change: "section", section: "Раздел II" }],
      [11, { change: "topics", topics: ["notice", "consultation"] }],
    ]);
    expect(notice).toBe("Статья 1 changed.");
  });
});

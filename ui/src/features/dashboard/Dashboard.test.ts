import { render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import { BACKEND_KEY } from "../../lib/context";
import { startI18n } from "../../lib/i18n";
import Dashboard from "./Dashboard.svelte";

beforeAll(() => startI18n());

const okay = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });

/** A fake backend: only what the dashboard asks for. */
const fake = {
  overview: () =>
    okay({
      negotiation: { id: 1, title: "General Agreement <b>on</b> AI", level: "national", tripartite: true, status: "in_session", starts_on: null, ends_on: null, owner_party_id: 1, created_at: "" },
      parties: [
        { id: 1, negotiation_id: 1, name: "Federation of Trade Unions", side: "workers", label: "FTU", colour: "#c0392b", position: 0 },
        { id: 2, negotiation_id: 1, name: "Employers", side: "employers", label: "NEA", colour: "#1f618d", position: 1 },
      ],
      by_status: [["open", 3], ["tentatively_agreed", 2], ["impasse", 1]],
      sessions: [{ id: 1, negotiation_id: 1, number: 1, starts_at: "2026-12-08T05:00:00Z", place: "Astana", kind: "plenary", minutes: "" }],
    }),
  recentEvents: () => okay([{ id: 9, negotiation_id: 1, clause_id: 7, kind: "initials_voided", actor: "Secretariat", at: "2026-10-27T06:03:00Z", reason: "a new joint text", detail: {}, hash: "" }]),
} as unknown as Backend;

describe("the dashboard", () => {
  it("shows progress, parties, the next session and recent events, titles as text", async () => {
    render(Dashboard, { props: { negotiationId: 1 }, context: new Map([[BACKEND_KEY, fake]]) });
    expect(await screen.findByText("2 of 6 tentatively agreed")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("General Agreement <b>on</b> AI");
    expect(screen.getByText("FTU")).toBeTruthy();
    expect(screen.getByText("Astana")).toBeTruthy();
    expect(screen.getByText("Initials voided")).toBeTruthy();
  });
});

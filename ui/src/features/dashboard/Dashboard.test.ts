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
      negotiation: { id: 1, title: "General Agreement <b>on</b> AI", level: "general", tripartite: true, status: "in_session", starts_on: null, ends_on: null, owner_party_id: 1, created_at: "", closing_rule: "all", languages: ["en"] },
      parties: [
        { id: 1, negotiation_id: 1, name: "Federation of Trade Unions", side: "workers", label: "FTU", colour: "#c0392b", position: 0 },
        { id: 2, negotiation_id: 1, name: "Employers", side: "employers", label: "NEA", colour: "#1f618d", position: 1 },
      ],
      by_status: [["open", 3], ["tentatively_agreed", 2], ["impasse", 1]],
      sessions: [{ id: 1, negotiation_id: 1, number: 1, starts_at: "2026-12-08T05:00:00Z", place: "Astana", kind: "plenary", minutes: "" }],
      held_sessions: [],
      last_session: null,
      next_session: { id: 1, negotiation_id: 1, number: 1, starts_at: "2026-12-08T05:00:00Z", place: "Astana", kind: "plenary", minutes: "" },
    }),
  recentEvents: () => okay([{ id: 9, negotiation_id: 1, clause_id: 7, kind: "initials_voided", actor: "Secretariat", at: "2026-10-27T06:03:00Z", reason: "a new joint text", detail: {}, hash: "" }]),
  distances: () =>
    okay({
      last_session: { id: 2, negotiation_id: 1, number: 2, starts_at: "2026-10-06T05:00:00Z", place: "Astana", kind: "plenary", minutes: "held" },
      furthest: [{ clause_id: 8, ref: "Art. 8", title: "<i>Robots</i> at work", status: "impasse", convergence: 0.31, before: 0.31 }],
      moved: [{ clause_id: 7, ref: "Art. 7", title: "Retraining", status: "open", convergence: 0.8, before: 0.5 }],
      mean: 0.6,
    }),
} as unknown as Backend;

describe("the dashboard", () => {
  it("shows progress, parties, the next session and recent events, titles as text", async () => {
    render(Dashboard, { props: { negotiationId: 1 }, context: new Map([[BACKEND_KEY, fake]]) });
    expect(await screen.findByText("2 of 6 tentatively agreed")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("General Agreement <b>on</b> AI");
    expect(screen.getByText("FTU")).toBeTruthy();
    expect(screen.getByText("Astana")).toBeTruthy();
    expect(screen.getByText("Initials voided")).toBeTruthy();
    expect(await screen.findByText("Furthest apart")).toBeTruthy();
    expect(screen.getByText("<i>Robots</i> at work")).toBeTruthy();
    expect(screen.getByText("31 %")).toBeTruthy();
    expect(screen.getByText("Moved most since session 2")).toBeTruthy();
    expect(screen.getByText("50 % → 80 % (+30)")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Art. 7" }).getAttribute("href")).toBe("#/clause/7/compare/joint");
  });
});

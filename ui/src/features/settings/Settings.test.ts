import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import type { ImportProgress } from "../../lib/bindings";
import { BACKEND_KEY, DESKTOP_KEY } from "../../lib/context";
import type { Desktop } from "../../lib/desktop";
import { startI18n } from "../../lib/i18n";
import Settings from "./Settings.svelte";

beforeAll(() => startI18n());

/** A desktop whose channels hand their listener to the backend (the core shows the file dialogs). */
function fakeDesktop() {
  let listener: ((p: ImportProgress) => void) | null = null;
  const desktop = {
    channel: (onMessage: (p: ImportProgress) => void) => ((listener = onMessage), { id: 1 }),
    onMenu: async () => () => {},
    onRecordChanged: async () => () => {},
  } as unknown as Desktop;
  return { desktop, send: (p: ImportProgress) => listener?.(p) };
}

const info = { path: "/home/negotiator/workbench.sqlite3", actor: "Aigerim" };

function renderWith(backend: Partial<Backend>, desktop: Desktop) {
  const api = { workbenchInfo: async () => info, negotiations: async () => ({ status: "ok", data: [] }), ...backend } as unknown as Backend;
  render(Settings, { context: new Map<symbol, unknown>([[BACKEND_KEY, api], [DESKTOP_KEY, desktop]]) });
}

describe("importing in Settings", () => {
  it("shows each stage while the import runs, then the core's error naming the line, and that nothing was imported", async () => {
    const { desktop, send } = fakeDesktop();
    let finish: (r: unknown) => void = () => {};
    renderWith(
      {
        importTable: (() => {
          send({ stage: "reading" });
          return new Promise((resolve) => (finish = resolve));
        }) as unknown as Backend["importTable"],
      },
      desktop,
    );
    await fireEvent.click(screen.getByRole("button", { name: "Import a position table (CSV)…" }));
    expect((await screen.findByTestId("import-progress")).textContent).toContain("Reading the file…");
    send({ stage: "checking", bytes: 1_480_000 });
    expect((await screen.findByText("Checking 1.5 MB row by row…"))).toBeTruthy();
    send({ stage: "writing", clauses: 1775 });
    expect(await screen.findByText(/Writing 1,775 clauses…/)).toBeTruthy();
    finish({ status: "error", error: { kind: "import", message: "positions.csv:3:17: a quote opened here is never closed" } });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Nothing was imported");
    expect(alert.textContent).toContain("positions.csv:3:17");
    expect(screen.queryByTestId("import-progress")).toBeNull();
  });

  it("says nothing when the dialog is cancelled", async () => {
    const { desktop } = fakeDesktop();
    let called = false;
    renderWith({ importTable: (() => ((called = true), Promise.resolve({ status: "ok", data: null }))) as unknown as Backend["importTable"] }, desktop);
    await fireEvent.click(screen.getByRole("button", { name: "Import a position table (CSV)…" }));
    expect(called).toBe(true);
    await Promise.resolve();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("says why another workbench was refused, and keeps showing the one open", async () => {
    const { desktop } = fakeDesktop();
    renderWith(
      { openWorkbench: (async () => ({ status: "error", error: { kind: "not_a_workbench", message: "/home/negotiator/photo.jpg is not a SQLite database" } })) as unknown as Backend["openWorkbench"] },
      desktop,
    );
    await fireEvent.click(screen.getByRole("button", { name: "Open another workbench…" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The workbench was not opened");
    expect(alert.textContent).toContain("photo.jpg is not a SQLite database");
    expect(screen.getByTestId("workbench-path").textContent).toBe(info.path);
  });
});

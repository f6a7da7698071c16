// Opening another workbench file: one path for File › Open workbench and the Settings button.
import { ok, type Backend } from "./backend";
import type { WorkbenchInfo } from "./bindings";
import type { Desktop } from "./desktop";
import { router } from "./router.svelte";
import { session } from "./session.svelte";

export const WORKBENCH_FILES = [{ name: "Trilogue workbench", extensions: ["sqlite3", "sqlite", "db"] }];

/** Asks for a file and opens it; null when the user cancelled. A file the core refuses throws its
 * error, and the workbench open before stays open. */
export async function openWorkbench(api: Backend, desktop: Desktop): Promise<WorkbenchInfo | null> {
  const path = await desktop.openFile(WORKBENCH_FILES);
  if (!path) return null;
  const info = await ok(api.openWorkbench(path));
  session.negotiationId = null;
  session.workbench += 1;
  await session.reload(api);
  router.go({ view: "dashboard" });
  return info;
}

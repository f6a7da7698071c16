// Opening another workbench file: one path for File › Open workbench and the Settings button.
import { ok, type Backend } from "./backend";
import type { WorkbenchInfo } from "./bindings";
import { router } from "./router.svelte";
import { session } from "./session.svelte";

/** Has the core ask for a file in the native dialog and open it; null when the user cancelled. A
 * file the core refuses throws its error, and the workbench open before stays open. */
export async function openWorkbench(api: Backend): Promise<WorkbenchInfo | null> {
  const info = await ok(api.openWorkbench());
  if (!info) return null;
  session.negotiationId = null;
  session.workbench += 1;
  await session.reload(api);
  router.go({ view: "dashboard" });
  return info;
}

// Opening another record: a workbench file (one path for File › Open workbench and the Settings
// button) or a shared record on a server (File › Connect to a server, and Settings).
import { ok, type Backend } from "./backend";
import type { WorkbenchInfo } from "./bindings";
import { router } from "./router.svelte";
import { session } from "./session.svelte";

/** Has the core ask for a file in the native dialog and open it; null when the user cancelled. A
 * file the core refuses throws its error, and the workbench open before stays open. */
export async function openWorkbench(api: Backend): Promise<WorkbenchInfo | null> {
  const info = await ok(api.openWorkbench());
  if (!info) return null;
  await opened(api, info);
  return info;
}

/** Opens the shared record at `url` (postgres://login@server/database) as that login. A server the
 * core cannot reach or that refuses the login throws its error, and the record open before stays. */
export async function connectServer(api: Backend, url: string, password: string): Promise<WorkbenchInfo> {
  const info = await ok(api.connectServer(url, password));
  await opened(api, info);
  return info;
}

async function opened(api: Backend, info: WorkbenchInfo) {
  session.server = info.server;
  session.negotiationId = null;
  session.workbench += 1;
  await Promise.all([session.readPeople(api), session.reload(api)]);
  router.go({ view: "dashboard" });
}

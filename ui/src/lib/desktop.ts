// What the window asks of the desktop besides the core: native file dialogs, the menu's commands and
// progress channels. In the app it is Tauri; in Vitest a fake with the same shape, like the Backend.
import { Channel } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import { events, type MenuCommand } from "./bindings";

export type FileFilter = { name: string; extensions: string[] };

export interface Desktop {
  /** A file the user picked in the native dialog, or null when they cancelled. */
  openFile(filters: FileFilter[]): Promise<string | null>;
  /** A path the user chose to save to, or null when they cancelled. */
  saveFile(defaultPath: string, filters: FileFilter[]): Promise<string | null>;
  /** A channel a command streams its progress through. */
  channel<T>(onMessage: (message: T) => void): Channel<T>;
  /** Calls `handler` with each menu item chosen; resolves to a function that stops listening. */
  onMenu(handler: (command: MenuCommand) => void): Promise<() => void>;
}

export const tauriDesktop: Desktop = {
  async openFile(filters) {
    const path = await open({ multiple: false, directory: false, filters });
    return typeof path === "string" ? path : null;
  },
  saveFile: (defaultPath, filters) => save({ defaultPath, filters }),
  channel<T>(onMessage: (message: T) => void) {
    const channel = new Channel<T>();
    channel.onmessage = onMessage;
    return channel;
  },
  onMenu: (handler) => events.menuCommand.listen((e) => handler(e.payload)),
};

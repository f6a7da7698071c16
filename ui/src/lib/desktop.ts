// What the window asks of the desktop besides the core: the menu's commands and progress channels.
// File dialogs are not here: the core's commands show them, so the page never names a file. In the
// app it is Tauri; in Vitest a fake with the same shape, like the Backend.
import { Channel } from "@tauri-apps/api/core";
import { events, type MenuCommand, type RecordChanged } from "./bindings";

export interface Desktop {
  /** A channel a command streams its progress through. */
  channel<T>(onMessage: (message: T) => void): Channel<T>;
  /** Calls `handler` with each menu item chosen; resolves to a function that stops listening. */
  onMenu(handler: (command: MenuCommand) => void): Promise<() => void>;
  /** Calls `handler` with each change another user (or this one) makes to the open shared record. */
  onRecordChanged(handler: (change: RecordChanged) => void): Promise<() => void>;
}

export const tauriDesktop: Desktop = {
  channel<T>(onMessage: (message: T) => void) {
    const channel = new Channel<T>();
    channel.onmessage = onMessage;
    return channel;
  },
  onMenu: (handler) => events.menuCommand.listen((e) => handler(e.payload)),
  onRecordChanged: (handler) => events.recordChanged.listen((e) => handler(e.payload)),
};

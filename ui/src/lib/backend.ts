// The views reach the core only through a `Backend`: in the app it is the generated IPC bindings, in
// Vitest a fake with the same shape. The types are the generated ones — never copied by hand.
import { commands, type IpcError, type Msg } from "./bindings";

export type Backend = typeof commands;

/** The IPC bindings, each call measured (`performance.measure("ipc:name")`), so the end-to-end run can
 * tell the time spent in the core from the time spent rendering. */
export const tauriBackend: Backend = new Proxy(commands, {
  get(target, name: string) {
    const command = target[name as keyof Backend] as (...args: unknown[]) => Promise<unknown>;
    return async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await command(...args);
      } finally {
        performance.measure(`ipc:${name}`, { start });
      }
    };
  },
});

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: IpcError };

/** An error from the core: its stable kind, the refusal's code and values to act on, and its words in
 * the interface's language. */
export class CoreError extends Error {
  constructor(
    public readonly kind: string,
    message: string,
    public readonly refusal: Msg | null = null,
  ) {
    super(message);
  }
}

/** Unwraps a command's result, throwing the core's error as a `CoreError`. */
export async function ok<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (r.status === "error") throw new CoreError(r.error.kind, r.error.message, r.error.refusal);
  return r.data;
}

// Every export goes the same way: the native save dialog, then a command that writes the file there.
import type { Desktop } from "./desktop";

/** Asks where to save `name.extension`, then `write`s there; the path written, or null if cancelled. */
export async function saveThrough(
  native: Desktop,
  name: string,
  extension: string,
  write: (path: string) => Promise<unknown>,
): Promise<string | null> {
  const path = await native.saveFile(`${name}.${extension}`, [{ name: extension.toUpperCase(), extensions: [extension] }]);
  if (!path) return null;
  await write(path);
  return path;
}

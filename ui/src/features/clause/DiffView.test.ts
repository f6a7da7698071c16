import { render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import { startI18n } from "../../lib/i18n";
import DiffView from "./DiffView.svelte";

beforeAll(() => startI18n());

describe("the word diff", () => {
  it("marks insertions and deletions and shows markup as text", () => {
    const diff = {
      ops: [
        { op: "equal" as const, text: "Retraining lasts " },
        { op: "delete" as const, text: "six" },
        { op: "insert" as const, text: "<img src=x onerror=alert(1)> twelve" },
        { op: "equal" as const, text: " months." },
      ],
      similarity: 0.8,
      words_deleted: 1,
      words_inserted: 4,
    };
    const { container } = render(DiffView, { diff, fromLabel: "NEA v2", toLabel: "joint v3" });
    expect(container.querySelector("del")?.textContent).toBe("six");
    expect(container.querySelector("ins")?.textContent).toBe("<img src=x onerror=alert(1)> twelve");
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText(/Similarity 80 %/)).toBeTruthy();
  });
});

import { describe, expect, it } from "vitest";
import { textLanguage } from "./texts";

describe("the language a comparison's texts are in", () => {
  it("is none where the agreement has one language", () => {
    expect(textLanguage(["en"], "ru", "ru")).toBeNull();
  });
  it("is the one chosen, if authentic", () => {
    expect(textLanguage(["kk", "ru"], "kk", "ru")).toBe("kk");
  });
  it("is else the interface's, if authentic, else the first", () => {
    expect(textLanguage(["kk", "ru"], null, "ru")).toBe("ru");
    expect(textLanguage(["kk", "ru"], "en", "en")).toBe("kk");
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fold } from "./fold";

// Written by the core's rule (`cargo test -p edito --lib text`, see src/text.rs).
const table: [string, string][] = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../tests/fixtures/fold.json", import.meta.url)), "utf8"),
);

describe("accent folding", () => {
  it("has a table to check", () => {
    expect(table.length).toBeGreaterThan(20);
  });

  it.each(table)("folds %j as the core does", (input, folded) => {
    expect(fold(input)).toBe(folded);
  });
});

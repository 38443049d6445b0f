import { describe, expect, it } from "vitest";
import { formatDay, parseDay } from "./dates";

describe("typed days", () => {
  // Issue #11: "12042002" typed into the publication date left it empty.
  it("reads the ways a French writer types a day", () => {
    for (const typed of ["12/04/2002", "12.04.2002", "12-04-2002", "12042002", "12 avril 2002", "12 Avril 2002", "12 april 2002", "2002-04-12", " 12/4/2002 "]) {
      expect(parseDay(typed), typed).toBe("2002-04-12");
    }
    expect(parseDay("1er août 2002")).toBe("2002-08-01");
    expect(parseDay("")).toBe("");
  });

  it("refuses what is not a day", () => {
    for (const typed of ["31/02/2002", "12/13/2002", "demain", "1204", "12 brumaire 2002"]) expect(parseDay(typed), typed).toBeNull();
  });

  it("shows a day as 12/04/2002", () => {
    expect(formatDay("2002-04-12")).toBe("12/04/2002");
  });
});

// Tests of the rename/merge planning: what the writer is asked before the library is called.
import { afterEach, describe, expect, it } from "vitest";
import { setUiLang } from "../i18n";
import { mergeQuestion, mergeTargets, piecesLabel, planRename, tagErrorMessage, tagKey, tidyTag } from "./tag-edits";

const tags = [
  { name: "écologie", count: 3 },
  { name: "Climat", count: 2 },
  { name: "budget", count: 1 },
];

describe("tag rename and merge", () => {
  afterEach(() => setUiLang("fr", null));

  it("matches tags the way the library does: no accents, no case", () => {
    expect(tagKey("Écologie")).toBe(tagKey("ecologie"));
    expect(tagKey("Relation Client")).toBe("relation client");
    expect(tidyTag("  relation \t client ")).toBe("relation client");
  });

  it("a new name is a rename of every piece carrying the tag", () => {
    expect(planRename(tags[1], " Climat  mondial ", tags)).toEqual({ kind: "rename", to: "Climat mondial", affected: 2 });
  });

  it("changing only the case or accents of the same tag is a rename, not a merge", () => {
    expect(planRename(tags[0], "Écologie", tags)).toEqual({ kind: "rename", to: "Écologie", affected: 3 });
  });

  it("a name another tag already has (in any spelling) is a merge into that tag", () => {
    expect(planRename(tags[2], "ECOLOGIE", tags)).toEqual({ kind: "merge", into: "écologie", affected: 1 });
  });

  it("refuses empty and overlong names before calling the library, and ignores no change", () => {
    expect(planRename(tags[0], "   ", tags).kind).toBe("invalid");
    expect(planRename(tags[0], "x".repeat(101), tags).kind).toBe("invalid");
    expect(planRename(tags[0], "x".repeat(100), tags).kind).toBe("rename");
    expect(planRename(tags[0], "écologie", tags)).toEqual({ kind: "unchanged" });
  });

  it("offers every other tag as a merge target, alphabetically", () => {
    expect(mergeTargets("budget", tags).map((t) => t.name)).toEqual(["Climat", "écologie"]);
  });

  it("says how many pieces a merge touches, in both languages", () => {
    expect(mergeQuestion(tags[0], "Climat")).toContain("3 articles");
    setUiLang("en", null);
    expect(mergeQuestion(tags[0], "Climat")).toContain("3 pieces");
  });

  it("agrees the count of pieces with its noun", () => {
    expect(piecesLabel(1)).toBe("1 article");
    expect(piecesLabel(2)).toBe("2 articles");
    expect(piecesLabel(1200)).toBe("1\u202f200 articles");
    setUiLang("en", null);
    expect(piecesLabel(1)).toBe("1 piece");
  });

  it("turns library error codes into sentences a journalist can act on", () => {
    expect(tagErrorMessage({ code: "tag_not_found", params: { tag: "x" } })).toMatch(/n'existe plus/);
    expect(tagErrorMessage({ code: "invalid", params: { field: "tag" } })).toMatch(/100 caractères/);
    expect(tagErrorMessage({ code: "invalid", params: { field: "tag" } })).not.toMatch(/cannot/);
    expect(tagErrorMessage(new Error("boom"))).toMatch(/boom/);
  });
});

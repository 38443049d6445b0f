import { describe, expect, it } from "vitest";
import { editOf, pieceFromDraft } from "./piece";

const draft = { id: 7, title: "T", body: "B", created_at: "c", updated_at: "u" };

describe("piece state", () => {
  it("gives defaults to the fields the backend does not send yet", () => {
    expect(pieceFromDraft(draft)).toEqual({ id: 7, title: "T", body: "B", updated_at: "u", kicker: "", standfirst: "", lang: "fr", target_signs: undefined });
  });

  it("takes the editorial fields from the backend when it sends them", () => {
    const piece = pieceFromDraft({ ...draft, kicker: "K", standfirst: "S", lang: "en", target_signs: 3000 } as typeof draft);
    expect(piece).toMatchObject({ kicker: "K", standfirst: "S", lang: "en", target_signs: 3000 });
  });

  it("the saved edit carries kicker and standfirst for backends that know them", () => {
    const piece = { ...pieceFromDraft(draft), kicker: "K", standfirst: "S" };
    expect(editOf(piece)).toEqual({ id: 7, title: "T", body: "B", kicker: "K", standfirst: "S" });
  });
});

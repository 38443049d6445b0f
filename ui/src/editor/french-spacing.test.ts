import { markdown } from "@codemirror/lang-markdown";
import { ensureSyntaxTree } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { frenchSpacingInput, NBSP, NNBSP } from "./french-spacing";

/** Types `char` at the end of `doc` and returns the resulting document. */
function type(doc: string, char: string): string {
  const state = EditorState.create({ doc, extensions: [markdown()] });
  ensureSyntaxTree(state, state.doc.length, 1000);
  const end = doc.length;
  const spec = frenchSpacingInput(state, end, end, char);
  if (!spec) return doc + char;
  const next = state.update(spec).state;
  // The cursor must end up after what was typed.
  expect(next.selection.main.head).toBe(next.doc.length);
  return next.doc.toString();
}

describe("French spacing as you type", () => {
  it("puts a no-break space before a colon, replacing a typed space", () => {
    expect(type("Note ", ":")).toBe(`Note${NBSP}:`);
    expect(type("Note", ":")).toBe(`Note${NBSP}:`);
  });

  it("puts a narrow no-break space before ; ! ?", () => {
    expect(type("Vraiment ", "?")).toBe(`Vraiment${NNBSP}?`);
    expect(type("Enfin", "!")).toBe(`Enfin${NNBSP}!`);
    expect(type("d'abord ", ";")).toBe(`d'abord${NNBSP};`);
  });

  it("opens guillemets with a no-break space after, closes with one before", () => {
    expect(type("Il dit ", "«")).toBe(`Il dit «${NBSP}`);
    expect(type(`Il dit «${NBSP}oui `, "»")).toBe(`Il dit «${NBSP}oui${NBSP}»`);
  });

  // Issue #11: « then a space stored a no-break space plus a space (the Markdown export and
  // the history kept both).
  it("a space typed after « is the no-break space already there", () => {
    expect(type(`Il dit «${NBSP}`, " ")).toBe(`Il dit «${NBSP}`);
    expect(type("Il dit ", " ")).toBe("Il dit  ");
  });

  it("leaves hours alone: no space in 10:30", () => {
    expect(type("à 10", ":")).toBe("à 10:");
  });

  it("does not double a space already there, and keeps ?! together", () => {
    expect(type(`Quoi${NNBSP}?`, "!")).toBe(`Quoi${NNBSP}?!`);
    expect(type(`Quoi${NNBSP}`, "?")).toBe(`Quoi${NNBSP}?`);
  });

  it("adds nothing at the start of a line", () => {
    expect(type("Titre\n", ":")).toBe("Titre\n:");
  });

  it("leaves code spans and code blocks alone", () => {
    expect(type("Le code `a ", ":")).toBe("Le code `a :");
    expect(type("```\nlet x ", "?")).toBe("```\nlet x ?");
    expect(type("```js\nif (a) ", "!")).toBe("```js\nif (a) !");
    expect(type("    indent ", ":")).toBe("    indent :");
  });

  it("leaves URLs alone", () => {
    expect(type("Voir http", ":")).toBe("Voir http:");
    expect(type("Voir https", ":")).toBe("Voir https:");
    expect(type("Voir https://exemple.fr/page", "?")).toBe("Voir https://exemple.fr/page?");
    expect(type("[lien](https://a.fr/x", "?")).toBe("[lien](https://a.fr/x?");
  });

  it("ignores other characters", () => {
    const state = EditorState.create({ doc: "a" });
    expect(frenchSpacingInput(state, 1, 1, "b")).toBeNull();
  });
});

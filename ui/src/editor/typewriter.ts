// Typewriter mode: the line being written stays at the middle of the editor, like paper
// in a typewriter. Every transaction that moves the cursor or types asks to scroll the
// cursor to the centre; padding lets the first and last lines reach it.
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export function typewriterMode(): Extension {
  return [
    EditorState.transactionExtender.of((tr) => {
      if (!tr.selection && !tr.docChanged) return null;
      if (!tr.isUserEvent("input") && !tr.isUserEvent("delete") && !tr.isUserEvent("select") && !tr.isUserEvent("move")) return null;
      const head = (tr.selection ?? tr.startState.selection.map(tr.changes)).main.head;
      return { effects: EditorView.scrollIntoView(head, { y: "center" }) };
    }),
    EditorView.editorAttributes.of({ class: "cm-typewriter" }),
    EditorView.theme({ ".cm-content": { paddingTop: "40vh", paddingBottom: "40vh" } }),
  ];
}

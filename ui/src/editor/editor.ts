// The Markdown editor: CodeMirror 6 with Markdown highlighting, history and soft wrapping.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";

export interface MarkdownEditor {
  view: EditorView;
  /** Replaces the whole document (switching pieces): fresh undo history, no `onChange`. */
  load(text: string): void;
  text(): string;
}

export function createEditor(parent: HTMLElement, onChange: (text: string) => void): MarkdownEditor {
  const extensions: Extension[] = [
    history(),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    markdown(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    EditorView.lineWrapping,
    placeholder("Écrivez ici…"),
    EditorView.contentAttributes.of({ "aria-label": "Texte", spellcheck: "true", lang: "fr" }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions }) });
  return {
    view,
    // setState does not go through the update listener, so loading a piece is not an edit.
    load: (text) => view.setState(EditorState.create({ doc: text, extensions })),
    text: () => view.state.doc.toString(),
  };
}

// Markdown as a writer sees it: headings set larger, emphasis as emphasis, and the syntax
// marks (#, **, >) quiet. Colours are CSS variables so light and dark themes share it.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { tags } from "@lezer/highlight";

const style = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: "700", fontSize: "1.45em" },
  { tag: tags.heading2, fontWeight: "700", fontSize: "1.25em" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.quote, fontStyle: "italic", color: "var(--muted)" },
  { tag: [tags.link, tags.url], color: "var(--md-link)" },
  { tag: tags.monospace, fontFamily: "var(--mono)", fontSize: ".9em", color: "var(--md-code)" },
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.labelName], color: "var(--md-mark)" },
  { tag: tags.list, color: "var(--ink)" },
]);

export function writerHighlight(): Extension {
  return syntaxHighlighting(style);
}

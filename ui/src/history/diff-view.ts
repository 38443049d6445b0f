// Draws a word-level diff from the library's segments: <ins> and <del> around the changes,
// text nodes only, so the writer's text can never become markup.
import type { DiffSegment, FieldDiff } from "../api/ipc";
import { t, type MessageKey } from "../i18n";

export function segmentNodes(segments: DiffSegment[]): Node[] {
  return segments.map((segment) => {
    if (segment.op === "equal") return document.createTextNode(segment.text);
    const el = document.createElement(segment.op === "insert" ? "ins" : "del");
    el.textContent = segment.text;
    return el;
  });
}

/** Every field the library's diff names, worded as the desk and the details panel word it
 *  (issue #11: the history showed `author_role`, `publication_date`). */
export const FIELD_KEYS: Record<string, MessageKey> = {
  title: "app.title",
  kicker: "app.kicker",
  standfirst: "app.standfirst",
  body: "app.body",
  author: "diff.field.author",
  author_role: "diff.field.author_role",
  category: "library.category",
  lang: "diff.field.lang",
  publication_date: "meta.date",
  issue_number: "meta.issue",
  target_signs: "settings.target",
  lead_image: "diff.field.lead_image",
  tags: "diff.field.tags",
  extra: "diff.field.extra",
};

/** One block per changed field, its name as a heading, the body last; `same` when nothing
 *  changed (worded for what was compared: the current text or another version). */
export function renderDiff(container: HTMLElement, fields: FieldDiff[], same = t("history.same")): void {
  const changed = fields.filter((f) => f.segments.some((s) => s.op !== "equal"));
  if (changed.length === 0) {
    const p = document.createElement("p");
    p.textContent = same;
    container.replaceChildren(p);
    return;
  }
  container.replaceChildren(
    ...changed.map((field) => {
      const block = document.createElement("section");
      block.className = "diff-field";
      const heading = document.createElement("h3");
      heading.textContent = FIELD_KEYS[field.field] ? t(FIELD_KEYS[field.field]) : field.field;
      const text = document.createElement("div");
      text.className = "diff-text";
      text.append(...segmentNodes(field.segments));
      block.append(heading, text);
      return block;
    }),
  );
}

// Find (and replace) in the piece: @codemirror/search's panel, opened with Ctrl+F, its
// words in the UI language.
import { search, searchKeymap } from "@codemirror/search";
import { EditorState, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import type { UiLang } from "../i18n";

const FR: Record<string, string> = {
  Find: "Chercher",
  Replace: "Remplacer",
  next: "suivant",
  previous: "précédent",
  all: "tout",
  "match case": "respecter la casse",
  regexp: "expression régulière",
  "by word": "mot entier",
  replace: "remplacer",
  "replace all": "tout remplacer",
  close: "fermer",
  "Go to line": "Aller à la ligne",
  go: "aller",
  "current match": "occurrence actuelle",
  "on line": "à la ligne",
  "replaced match on line $": "occurrence remplacée à la ligne $",
  "replaced $ matches": "$ occurrences remplacées",
};

export function findInPiece(lang: UiLang): Extension {
  return [search({ top: true }), keymap.of(searchKeymap), lang === "fr" ? EditorState.phrases.of(FR) : []];
}

// The Markdown an image becomes, and the hand-typed images that point at the writer's disk:
// pure text functions, shared by the editor's insertion and the offer to copy a typed path.

/** The prefix of a library image's reference (`edito::images::REFERENCE_PREFIX`). */
export const REFERENCE_PREFIX = "edito:image/";

/** The reference written in the Markdown and in `lead_image` for image `id`. */
export function reference(id: string): string {
  return `${REFERENCE_PREFIX}${id}`;
}

/** The image id of a reference (`edito:image/<32 hex>`), or null. */
export function idOfReference(dest: string | null | undefined): string | null {
  const m = /^edito:image\/([0-9a-f]{32})$/.exec(dest ?? "");
  return m ? m[1] : null;
}

/** Alt text as a Markdown image's label: brackets and backslashes escaped, one line (a line
 *  break would end the paragraph and the image with it). */
export function escapeAlt(alt: string): string {
  return alt.replace(/\s+/g, " ").trim().replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** `![alt](edito:image/<id>)`; a decorative image gets an empty alt. */
export function imageMarkdown(alt: string, id: string): string {
  return `![${escapeAlt(alt)}](${reference(id)})`;
}

/** The change that puts `block` at `pos` as a paragraph of its own: a blank line before and
 *  after unless the text already has one there (an image alone in its paragraph is a figure,
 *  and text typed next to it would otherwise join its paragraph). Inside a line, the line is
 *  split at `pos`. `cursor` is where the writer goes on typing: after the image's blank line. */
export function paragraphInsertion(doc: string, pos: number, block: string): { from: number; to: number; insert: string; cursor: number } {
  const before = doc.slice(0, pos);
  const after = doc.slice(pos);
  // Spaces at the cut would be left dangling at a line's end or start.
  const from = pos - (/[ \t]*$/.exec(before)?.[0].length ?? 0);
  const to = pos + (/^[ \t]*/.exec(after)?.[0].length ?? 0);
  const head = doc.slice(0, from);
  const tail = doc.slice(to);
  const lead = head === "" || head.endsWith("\n\n") ? "" : head.endsWith("\n") ? "\n" : "\n\n";
  const trail = tail.startsWith("\n\n") ? "" : tail.startsWith("\n") ? "\n" : "\n\n";
  const insert = `${lead}${block}${trail}`;
  return { from, to, insert, cursor: from + insert.length };
}

/** A library image written in the text: where it is, where its alt text is, and which image. */
export interface ImageUse {
  /** Offsets (UTF-16) of the whole `![alt](edito:image/<id>)`. */
  from: number;
  to: number;
  /** Offsets of the alt text between the brackets (as written, escapes included). */
  altFrom: number;
  altTo: number;
  /** The alt text, escapes removed. */
  alt: string;
  id: string;
}

/** The library image whose `![…](edito:image/<id>)` holds `pos` (its ends included), or
 *  null. Only `pos`'s line is read: an image is one line (its alt text cannot hold a line
 *  break, see `escapeAlt`). */
export function imageAt(doc: string, pos: number): ImageUse | null {
  const start = doc.lastIndexOf("\n", pos - 1) + 1;
  const end = doc.indexOf("\n", pos);
  const line = doc.slice(start, end === -1 ? doc.length : end);
  for (const m of line.matchAll(IMAGE)) {
    const from = start + (m.index ?? 0);
    const to = from + m[0].length;
    const raw = m[2].startsWith("<") ? m[2].slice(1, -1) : m[2];
    const id = idOfReference(raw);
    if (!id || pos < from || pos > to) continue;
    return { from, to, altFrom: from + 2, altTo: from + 2 + m[1].length, alt: m[1].replace(/\\(.)/g, "$1"), id };
  }
  return null;
}

/** A hand-typed image whose destination is a file on this computer. */
export interface LocalImage {
  /** Offsets (UTF-16) of the destination inside the Markdown. */
  from: number;
  to: number;
  /** The path the destination names (`file:` URLs decoded). */
  path: string;
  alt: string;
}

const IMAGE = /!\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+"[^"\n]*")?\s*\)/g;

/** The images of `markdown` whose destination is an absolute local path (`/…`, `~/…`,
 *  `C:\…`) or a `file:` URL: those show only on the computer that wrote them (issue #14). */
export function localImages(markdown: string): LocalImage[] {
  const found: LocalImage[] = [];
  for (const m of markdown.matchAll(IMAGE)) {
    const raw = m[2];
    const dest = raw.startsWith("<") ? raw.slice(1, -1) : raw;
    const path = localPath(dest);
    if (path === null) continue;
    const start = (m.index ?? 0) + m[0].indexOf(raw, m[1].length + 3);
    found.push({ from: start, to: start + raw.length, path, alt: m[1].replace(/\\(.)/g, "$1") });
  }
  return found;
}

/** The local path a destination names, or null when it is not one. */
export function localPath(dest: string): string | null {
  if (/^file:/i.test(dest)) {
    try {
      const url = new URL(dest);
      return url.host && url.host !== "localhost" ? null : decodeURIComponent(url.pathname);
    } catch {
      return null;
    }
  }
  if (dest.startsWith("/") && !dest.startsWith("//")) return dest;
  if (dest.startsWith("~/")) return dest;
  if (/^[A-Za-z]:[\\/]/.test(dest)) return dest;
  return null;
}

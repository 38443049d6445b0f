// Days as a French (or British) writer types them: `12/04/2002`, `12.04.2002`, `12042002`,
// `12 avril 2002`, `12 april 2002`, or the ISO `2002-04-12` — read into the ISO day the
// library stores, and shown back as `12/04/2002` (issue #11: typing 12042002 into the
// publication date left it empty).

const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  "janvier january jan janv",
  "fevrier february feb fev fevr",
  "mars march mar",
  "avril april apr avr",
  "mai may",
  "juin june jun",
  "juillet july jul juil",
  "aout august aug",
  "septembre september sep sept",
  "octobre october oct",
  "novembre november nov",
  "decembre december dec",
].entries()) {
  for (const name of names.split(" ")) MONTHS[name] = i + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The ISO day (`YYYY-MM-DD`) of `y`-`m`-`d`, or null when no such day exists (31/02). */
export function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

/** The ISO day a writer typed, "" for nothing typed, or null when it is not a day. */
export function parseDay(text: string): string | null {
  const typed = text.trim();
  if (typed === "") return "";
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$/.exec(typed);
  if (m) return isoDay(+m[3], +m[2], +m[1]);
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  if (m) return isoDay(+m[3], +m[2], +m[1]);
  const folded = typed.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  m = /^(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})$/.exec(folded);
  if (m && MONTHS[m[2]]) return isoDay(+m[3], MONTHS[m[2]], +m[1]);
  return null;
}

/** `2002-04-12` as the field shows it: `12/04/2002` (French and British order). */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

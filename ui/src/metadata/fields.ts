// Reading the metadata form: the conversions between input values and the piece's fields.

/** A whole non-negative number typed in a field, or null when empty or not a number. */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** A date field's value (`YYYY-MM-DD`), or null when empty. */
export function dateOrNull(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** Tag names typed in one go: split on commas, trimmed, empties and repeats dropped. */
export function parseTags(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of value.split(",")) {
    const name = raw.trim().replace(/\s+/g, " ");
    const key = name.toLocaleLowerCase("fr");
    if (name && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** The distinct non-empty values of `values`, sorted the French way. */
export function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, "fr"));
}

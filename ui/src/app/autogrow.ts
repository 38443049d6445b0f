// Title and standfirst fields that grow with their text: a long title ("2002 : l'année de
// tous les dangers…") wraps onto a second line instead of scrolling out of sight. A title
// is one paragraph: a line break pasted into it becomes a space.

/** Makes `field` as tall as its text; returns the function that refits it after code sets
 *  its value. */
export function autogrow(field: HTMLTextAreaElement, { singleParagraph = false } = {}): () => void {
  const fit = () => {
    field.style.height = "auto";
    // scrollHeight leaves out the borders, which border-box sizing counts in the height.
    const borders = field.offsetHeight - field.clientHeight;
    field.style.height = `${field.scrollHeight + borders}px`;
  };
  field.addEventListener("input", () => {
    if (singleParagraph && /[\r\n]/.test(field.value)) {
      const caret = field.selectionStart;
      field.value = oneParagraph(field.value);
      field.setSelectionRange(caret, caret);
    }
    fit();
  });
  // The width, and so the wrapping, changes with the window and the split.
  new ResizeObserver(fit).observe(field);
  return fit;
}

/** Line breaks (and the spaces around them) become one space. */
export function oneParagraph(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

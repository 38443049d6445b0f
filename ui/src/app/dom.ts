// The two DOM helpers every feature shares: finding an element of index.html by id, and
// opening a <dialog> as a modal (the one way every dialog of the desk is shown).

/** The element `#id` of index.html; a missing one is a bug in the page, so it throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in index.html`);
  return el as T;
}

/** Shows `dialog` as a modal (focus trapped, Escape closes) unless it is already open. */
export function openModal(dialog: HTMLDialogElement): void {
  if (!dialog.open) dialog.showModal();
}

/** Closes `dialog` if it is open (closing a closed dialog would fire no event, but say so). */
export function closeModal(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close();
}

// The DOM helpers every feature shares: finding an element of index.html by id, opening a
// <dialog> as a modal (the one way every dialog of the desk is shown), and the look of the
// buttons that open one following whether it is shown.

/** The element `#id` of index.html; a missing one is a bug in the page, so it throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in index.html`);
  return el as T;
}

/** Shows `dialog` as a modal (focus trapped, Escape closes) unless it is already open.
 *  `opener`: the toolbar button whose action opened it (clicked, or by its shortcut), which
 *  `followDialogs` draws as active while it is open; none when the dialog serves something
 *  else (the image dialog of a paste, a drop, the lead image). */
export function openModal(dialog: HTMLDialogElement, opener: HTMLElement | null = null): void {
  dialog.dataset.opener = opener?.id ?? "";
  if (!dialog.open) dialog.showModal();
}

/** Closes `dialog` if it is open (closing a closed dialog would fire no event, but say so). */
export function closeModal(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close();
}

/**
 * Keeps `aria-expanded` of every button under `root` that opens a dialog
 * (`aria-haspopup="dialog"` + `aria-controls`) true exactly while that dialog is open for
 * that button's action (`openModal`'s `opener`), however it closed (Escape, its own buttons). The toolbar draws a button as active from that state only: issue #11
 * ("Historique" stayed highlighted after its dialog was left) and issue #14 (the Image button
 * looked pressed while the image dialog was open for a paste, a drop or the lead image).
 */
export function followDialogs(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLElement>('[aria-haspopup="dialog"][aria-controls]')) {
    const dialog = document.getElementById(button.getAttribute("aria-controls") ?? "");
    if (!(dialog instanceof HTMLDialogElement)) continue;
    const follow = () => button.setAttribute("aria-expanded", String(dialog.open && dialog.dataset.opener === button.id));
    new MutationObserver(follow).observe(dialog, { attributes: true, attributeFilter: ["open", "data-opener"] });
    follow();
  }
}

// Every error the backend can send, worded for the writer in French and English. The shell
// sends a stable code and its parameters (src-tauri/src/error.rs); the words live here only.
// `{name}` placeholders are filled from the parameters, and a parameter that is a word of the
// core (a field, an action, an OS reason, a language) is translated through `terms`.
// A Rust test (src-tauri/src/error/tests.rs) checks that both catalogues have exactly the
// backend's codes: keep one `code: "message",` per line.
import type { ErrorCode, UiError } from "../api/types";
import { uiLang, type UiLang } from "./index";

const fr: Record<ErrorCode, string> = {
  data_dir: "le dossier de données « {name} » ne peut pas être créé ou modifié : vérifiez ses droits et l'espace disque",
  not_a_library: "le fichier « {name} » n'est pas une bibliothèque Edito : restaurez la dernière sauvegarde (dossier backups)",
  damaged: "la bibliothèque « {name} » est endommagée : restaurez la dernière sauvegarde (dossier backups)",
  library_missing: "la bibliothèque « {name} » est absente ou vide alors que des sauvegardes existent : restaurez la plus récente, « {backup} » (ou, pour repartir d'une bibliothèque vide, déplacez d'abord le dossier backups)",
  files_changed: "les fichiers de la bibliothèque « {name} » ont changé pendant qu'Edito les utilisait (supprimés, déplacés ou remplacés) : rien de plus n'a été enregistré ; fermez toutes les fenêtres et commandes Edito, puis rouvrez",
  read_only: "la bibliothèque « {name} » est en lecture seule : rien n'a été enregistré (vérifiez les droits du fichier et de son dossier)",
  too_new: "cette bibliothèque vient d'une version plus récente d'Edito (schéma {found}, celle-ci connaît le {supported}) : mettez Edito à jour",
  not_found: "l'article n° {id} n'existe plus (supprimé ailleurs ?)",
  revision_not_found: "l'article n° {piece} n'a pas de version {number}",
  tag_not_found: "le mot-clé « {tag} » n'existe plus",
  conflict: "ce texte a été modifié ailleurs (une autre fenêtre ou la ligne de commande) : comparez les deux versions avant d'enregistrer",
  in_trash: "l'article n° {id} est dans la corbeille : restaurez-le d'abord",
  not_in_trash: "l'article n° {id} n'est pas dans la corbeille",
  invalid: "{field} n'est pas accepté tel quel : corrigez-le et réessayez",
  busy: "la bibliothèque est occupée (une autre fenêtre ou commande écrit) : réessayez dans un instant",
  disk_full: "le disque est plein : rien n'a été écrit et le texte précédent est intact (libérez de la place, puis réessayez)",
  backup: "la sauvegarde « {name} » n'a pas pu être écrite ou lue",
  backup_not_made: "aucune sauvegarde n'a pu être faite (disque plein ou dossier non modifiable) : la bibliothèque elle-même est intacte ; libérez de la place, puis réessayez",
  bad_backup: "« {name} » n'est pas une sauvegarde Edito utilisable : choisissez un autre fichier du dossier backups",
  unreadable_revision: "une version de cet article est illisible",
  bad_setting: "le réglage « {key} » est illisible : enregistrez-le de nouveau",
  library: "la bibliothèque n'a pas pu lire ou enregistrer ce texte. Réessayez ; s'il le faut, redémarrez Edito",
  template: "le modèle « {file} » (ligne {line}) est incorrect : corrigez-le ou supprimez-le pour utiliser celui d'Edito",
  io: "impossible {action} « {name} » ({reason})",
  no_slug: "l'article « {title} » n'a pas d'identifiant utilisable : donnez-lui un titre fait de lettres ou de chiffres",
  unsafe_path: "« {name} » est un lien symbolique ou n'est pas un dossier : choisissez un autre dossier",
  cancelled: "export annulé : le dossier est resté tel qu'il était",
  bad_input: "le fichier « {name} » ne peut pas être lu comme un article",
  bad_base_url: "« {url} » n'est pas une adresse : écrivez-la comme https://exemple.fr/archives/",
  bad_manifest: "le registre d'un export précédent, « {name} », est endommagé : supprimez-le",
  image_without_alt: "« {piece} » : l'image {image} de la ligne {line} n'a pas de texte alternatif : décrivez ce qu'elle montre (entre les crochets de ![…]), ou marquez-la décorative, puis exportez de nouveau",
  missing_folder: "le dossier « {name} » n'existe pas : créez-le, ou choisissez un autre emplacement",
  not_a_folder: "« {name} » est un fichier, pas un dossier : choisissez un emplacement dans un dossier",
  lead_image_without_alt: "« {piece} » : l'image principale « {image} » n'a pas de texte alternatif : cliquez sur « Modifier… » à côté de l'image principale pour décrire ce qu'elle montre, ou marquez-la décorative, puis exportez de nouveau",
  image_from_disk: "« {piece} » : l'image « {destination} » (ligne {line}) est un fichier de cet ordinateur, que les lecteurs ne verront pas : copiez-la dans la bibliothèque (cliquez sur « Copier dans la bibliothèque… », ou edito image add), puis exportez de nouveau",
  image_unavailable: "« {piece} » : l'image « {image} » ne peut pas être exportée (fichier absent ou illisible) : ajoutez-la de nouveau à l'article",
  dictionary_missing: "le dictionnaire {lang} n'est pas installé",
  dictionary_unreadable: "le dictionnaire {lang} est illisible : réinstallez-le",
  word_list: "votre liste de mots n'a pas pu être enregistrée : vérifiez que le dossier de données est accessible en écriture",
  not_picked: "« {name} » n'a pas été choisi dans une fenêtre de sélection : cliquez sur « Choisir… »",
  would_replace: "le fichier « {name} » existe déjà et n'a pas été écrit par Edito pour cet article : cliquez sur « Remplacer le fichier » pour l'écraser, ou choisissez un autre nom",
  no_export_yet: "aucun export à ouvrir : exportez d'abord les archives",
  open_folder_failed: "le dossier « {name} » n'a pas pu être ouvert",
  image_not_an_image: "Ce fichier n'est pas une image : Edito accepte les photos JPEG, PNG, WebP et GIF.",
  image_unsupported: "Les images {format} ne sont pas acceptées : enregistrez la photo en JPEG ou en PNG (toute application photo sait l'exporter), puis ajoutez ce fichier.",
  image_corrupt: "L'image est endommagée ou incomplète : ouvrez-la dans une application photo et enregistrez-la de nouveau, ou reprenez le fichier d'origine.",
  image_too_large: "L'image pèse {megabytes} Mo, au-delà de la limite de 50 Mo : enregistrez-en une copie plus légère (un JPEG de 4000 pixels de large suffit pour l'impression et le web).",
  image_too_many_pixels: "L'image compte {megapixels} mégapixels, au-delà de la limite de 40 : enregistrez-en une copie plus petite (4000 pixels de large suffisent pour l'impression et le web).",
  image_not_found: "l'image {id} n'est pas dans la bibliothèque : ajoutez-la de nouveau",
  image_missing: "le fichier de l'image {id} a disparu du dossier de la bibliothèque : restaurez la dernière sauvegarde ou ajoutez l'image de nouveau",
  image_damaged: "le fichier de l'image {id} a été modifié ou endommagé : restaurez la dernière sauvegarde ou ajoutez l'image de nouveau",
  image_not_stored: "L'image n'a pas pu être copiée dans la bibliothèque ({reason}) : le texte est intact ; libérez de la place ou rendez le dossier modifiable, puis réessayez.",
  internal: "Edito a rencontré une erreur interne ; votre texte n'a pas été modifié. Réessayez",
};

const en: Record<ErrorCode, string> = {
  data_dir: "the data folder “{name}” cannot be created or written: check its permissions and the free disk space",
  not_a_library: "the file “{name}” is not an Edito library: restore the latest backup (backups folder)",
  damaged: "the library “{name}” is damaged: restore the latest backup (backups folder)",
  library_missing: "the library “{name}” is missing or empty although backups exist: restore the newest, “{backup}” (or, to start from an empty library, move the backups folder away first)",
  files_changed: "the files of the library “{name}” changed while Edito was using them (deleted, moved or replaced): nothing more was saved; close every Edito window and command, then open it again",
  read_only: "the library “{name}” is read-only: nothing was saved (check the permissions of the file and its folder)",
  too_new: "this library comes from a newer Edito (schema {found}, this one knows {supported}): update Edito",
  not_found: "piece no. {id} no longer exists (deleted elsewhere?)",
  revision_not_found: "piece no. {piece} has no version {number}",
  tag_not_found: "the tag “{tag}” no longer exists",
  conflict: "this text was changed elsewhere (another window or the command line): compare both versions before saving",
  in_trash: "piece no. {id} is in the trash: restore it first",
  not_in_trash: "piece no. {id} is not in the trash",
  invalid: "{field} is not accepted as it is: correct it and try again",
  busy: "the library is busy (another window or command is writing): try again in a moment",
  disk_full: "the disk is full: nothing was written and the previous text is intact (free some space, then try again)",
  backup: "the backup “{name}” could not be written or read",
  backup_not_made: "no backup could be made (disk full or folder not writable): the library itself is untouched; free some space, then try again",
  bad_backup: "“{name}” is not a usable Edito backup: choose another file from the backups folder",
  unreadable_revision: "a version of this piece cannot be read",
  bad_setting: "the setting “{key}” cannot be read: save it again",
  library: "the library could not read or save this text. Try again; if need be, restart Edito",
  template: "the template “{file}” (line {line}) is wrong: fix it or delete it to use Edito's own",
  io: "cannot {action} “{name}” ({reason})",
  no_slug: "the piece “{title}” has no usable identifier: give it a title made of letters or digits",
  unsafe_path: "“{name}” is a symbolic link or not a folder: choose another folder",
  cancelled: "export cancelled: the folder was left as it was",
  bad_input: "the file “{name}” cannot be read as a piece",
  bad_base_url: "“{url}” is not an address: write it like https://example.org/archives/",
  bad_manifest: "the record of an earlier export, “{name}”, is damaged: delete it",
  image_without_alt: "“{piece}”: the image {image} on line {line} has no alt text: describe what it shows (between the brackets of ![…]), or mark it decorative, then export again",
  missing_folder: "the folder “{name}” does not exist: create it, or choose another place",
  not_a_folder: "“{name}” is a file, not a folder: choose a place inside a folder",
  lead_image_without_alt: "“{piece}”: the lead image “{image}” has no alt text: click “Edit…” beside the lead image to describe what it shows, or mark it decorative, then export again",
  image_from_disk: "“{piece}”: the image “{destination}” (line {line}) is a file on this computer, which readers will not see: copy it into the library (click “Copy into the library…”, or edito image add), then export again",
  image_unavailable: "“{piece}”: the image “{image}” cannot be exported (file missing or unreadable): add it to the piece again",
  dictionary_missing: "the {lang} dictionary is not installed",
  dictionary_unreadable: "the {lang} dictionary cannot be read: reinstall it",
  word_list: "your word list could not be saved: check that the data folder is writable",
  not_picked: "“{name}” was not chosen in a file dialog: click “Choose…”",
  would_replace: "the file “{name}” already exists and was not written by Edito for this piece: click “Replace the file” to overwrite it, or choose another name",
  no_export_yet: "nothing to open yet: export the archive first",
  open_folder_failed: "the folder “{name}” could not be opened",
  image_not_an_image: "This file is not an image: Edito takes JPEG, PNG, WebP and GIF pictures.",
  image_unsupported: "{format} images are not supported: save the picture as JPEG or PNG (every photo app can export it), then add that file.",
  image_corrupt: "The image is damaged or incomplete: open it in a photo app and save it again, or take the original file again.",
  image_too_large: "The image is {megabytes} MB, over the 50 MB limit: save a lighter copy (a JPEG 4000 pixels wide is plenty for print and web).",
  image_too_many_pixels: "The image has {megapixels} megapixels, over the limit of 40: save a smaller copy (4000 pixels wide is plenty for print and web).",
  image_not_found: "the image {id} is not in the library: add it again",
  image_missing: "the file of the image {id} is gone from the library's folder: restore the latest backup or add the image again",
  image_damaged: "the file of the image {id} was changed or damaged: restore the latest backup or add the image again",
  image_not_stored: "The image could not be copied into the library ({reason}): the text is untouched; free some space or make the folder writable, then try again.",
  internal: "Edito ran into an internal error; your text was not changed. Try again",
};

/** For a code the catalogue does not know (a newer shell, a broken call). */
const unknown: Record<UiLang, string> = {
  fr: "une erreur inattendue s'est produite ; votre texte n'a pas été modifié. Réessayez",
  en: "something unexpected went wrong; your text was not changed. Try again",
};

/** The core's words that arrive as parameters (`{field}`, `{action}`, `{reason}`, `{lang}`). */
const terms: Record<UiLang, Record<string, Record<string, string>>> = {
  fr: {
    field: {
      title: "le titre",
      body: "le texte (trop long : scindez-le en plusieurs articles)",
      publication_date: "la date de publication (AAAA-MM-JJ)",
      published_from: "la date de début (AAAA-MM-JJ)",
      published_to: "la date de fin (AAAA-MM-JJ)",
      tag: "le mot-clé (vide ou trop long)",
      status: "le statut",
      issue_number: "le numéro (négatif)",
      target_signs: "la longueur visée (négative)",
      alt: "le texte de remplacement (trop long)",
      caption: "la légende (trop longue)",
      credit: "le crédit (trop long)",
    },
    // With their preposition: French elides it before a vowel (« d'écrire », « de lire »).
    action: {
      read: "de lire",
      write: "d'écrire",
      create: "de créer",
      "create folder": "de créer le dossier",
      "open folder": "d'ouvrir le dossier",
      replace: "de remplacer",
    },
    reason: {
      not_found: "introuvable : le dossier n'existe pas ?",
      permission_denied: "accès refusé",
      already_exists: "existe déjà",
      storage_full: "disque plein",
      read_only: "disque en lecture seule",
      is_a_directory: "c'est un dossier, pas un fichier",
      other: "erreur du système",
    },
    lang: { fr: "français", en: "anglais" },
  },
  en: {
    field: {
      title: "the title",
      body: "the text (too long: split it into several pieces)",
      publication_date: "the publication date (YYYY-MM-DD)",
      published_from: "the start date (YYYY-MM-DD)",
      published_to: "the end date (YYYY-MM-DD)",
      tag: "the tag (empty or too long)",
      status: "the status",
      issue_number: "the issue number (negative)",
      target_signs: "the target length (negative)",
      alt: "the alt text (too long)",
      caption: "the caption (too long)",
      credit: "the credit (too long)",
    },
    action: {
      read: "read",
      write: "write",
      create: "create",
      "create folder": "create the folder",
      "open folder": "open the folder",
      replace: "replace",
    },
    reason: {
      not_found: "not found: does the folder exist?",
      permission_denied: "permission denied",
      already_exists: "already exists",
      storage_full: "disk full",
      read_only: "read-only disk",
      is_a_directory: "it is a folder, not a file",
      other: "system error",
    },
    lang: { fr: "French", en: "English" },
  },
};

/** Each language's catalogue, for tests and tools. */
export const errorCatalogues: Record<UiLang, Record<ErrorCode, string>> = { fr, en };

/** True when `err` is an error the shell sent (it has a code). */
export function isUiError(err: unknown): err is UiError {
  return typeof err === "object" && err !== null && typeof (err as { code?: unknown }).code === "string";
}

/** The message for `err` in `lang` (the UI's language by default), parameters filled in. */
export function errorText(err: UiError, lang: UiLang = uiLang()): string {
  const catalogue: Record<string, string> = errorCatalogues[lang];
  const text = Object.hasOwn(catalogue, err.code) ? catalogue[err.code] : unknown[lang];
  const params: Record<string, unknown> = err.params ?? {};
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return terms[lang][name]?.[String(value)] ?? String(value);
  });
}

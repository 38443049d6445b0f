//! `PublishError`: what can go wrong publishing to a site, each kind with a stable code (for
//! the window's catalogue) and its message in English (`Display`) and French
//! ([`PublishError::message`], for the CLI).

use crate::export::ExportError;
use crate::library::LibraryError;
use crate::render::Lang;

/// An error of publishing. Messages say what went wrong and what to do.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// Nothing answers at the address (DNS, refused connection, network down).
    #[error("cannot reach `{url}`: {reason} (check the site's address and the network)")]
    Unreachable {
        /// The address tried.
        url: String,
        /// What the system said.
        reason: String,
    },
    /// The site did not answer in time.
    #[error(
        "`{url}` did not answer within {seconds} s (the site is slow or down: try again later)"
    )]
    Timeout {
        /// The address tried.
        url: String,
        /// The time allowed, in seconds.
        seconds: u64,
    },
    /// The secure connection failed (certificate expired, self-signed, wrong name).
    #[error("the secure connection to `{url}` failed: {reason} (check the site's certificate)")]
    Tls {
        /// The address tried.
        url: String,
        /// What the TLS layer said.
        reason: String,
    },
    /// `/wp-json/` is missing: not WordPress, or its REST API is disabled (XML-RPC-only hosts).
    #[error(
        "`{url}` is not a WordPress site with its REST API on (`/wp-json/` answered {status}): \
         check the address; sites that disable the REST API or offer only XML-RPC cannot be \
         published to"
    )]
    NotWordPress {
        /// The site's address.
        url: String,
        /// The status `/wp-json/` answered (0 when it was not JSON).
        status: u16,
    },
    /// 401: the user name or the application password is wrong (or was revoked).
    #[error(
        "the site refused user `{user}` with this application password (401): create an \
         application password in wp-admin (Users → Profile) and enter it again with \
         `edito sites add`"
    )]
    WrongPassword {
        /// The user name.
        user: String,
    },
    /// 403: the account may not do this.
    #[error("user `{user}` may not {action} on this site (403): use an editor's or administrator's account")]
    NotAllowed {
        /// The user name.
        user: String,
        /// What was refused (`create posts`, `upload files`…).
        action: String,
    },
    /// 413: the server refused an upload as too large.
    #[error("the site refused `{file}` as too large (413): raise the site's upload limit or use a smaller image")]
    TooLarge {
        /// The file's name.
        file: String,
    },
    /// The post changed on the site since Edito last wrote it: not overwritten.
    #[error(
        "post {post_id} was edited on the site since Edito published it ({}): nothing was \
         sent; publish with --force to replace the site's version",
        .fields.join(", ")
    )]
    EditedOnSite {
        /// The post's id.
        post_id: i64,
        /// What differs: `title`, `content`, `excerpt`, or `modified` when only the date of
        /// change moved (another field, a status, a category).
        fields: Vec<String>,
    },
    /// The post Edito wrote is gone from the site (deleted or in the trash).
    #[error(
        "post {post_id} no longer exists on the site: publish with --recreate to create it again"
    )]
    PostDeleted {
        /// The post's id.
        post_id: i64,
    },
    /// Any other refusal by the site.
    #[error("the site answered {status} `{code}`: {message}")]
    Rejected {
        /// HTTP status.
        status: u16,
        /// WordPress's error code (`rest_invalid_param`…).
        code: String,
        /// WordPress's message.
        message: String,
    },
    /// An answer that is not what WordPress sends.
    #[error("unexpected answer from the site: {0} (is it WordPress 5.6 or later?)")]
    BadAnswer(String),
    /// No site by that name in the library.
    #[error("no site named `{0}`: add it with `edito sites add`")]
    UnknownSite(String),
    /// The site has no stored password.
    #[error("no password stored for site `{0}`: enter it again with `edito sites add`")]
    NoSecret(String),
    /// The keyring or the fallback file could not be used.
    #[error("cannot use the password store: {0}")]
    Secrets(String),
    /// A value given is not usable (site name, address, date).
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// Which value.
        field: &'static str,
        /// Why, and what to write instead.
        reason: String,
    },
    /// The library failed.
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// The piece cannot be exported (an image without alt text…).
    #[error(transparent)]
    Export(#[from] ExportError),
    /// A step failed after others were done: those are kept and reused by the next attempt.
    #[error("{}: {source} ({} kept for the next attempt)", .done.join(", "), if .done.is_empty() { "nothing" } else { "what was done is" })]
    Interrupted {
        /// The steps done, in English (`2 of 3 images uploaded`, `post not created`).
        done: Vec<String>,
        /// The failure.
        source: Box<PublishError>,
    },
}

impl PublishError {
    /// A stable code for the window's catalogue (`ui/src/i18n/errors.ts`).
    pub fn code(&self) -> &'static str {
        match self {
            PublishError::Unreachable { .. } => "publish_unreachable",
            PublishError::Timeout { .. } => "publish_timeout",
            PublishError::Tls { .. } => "publish_tls",
            PublishError::NotWordPress { .. } => "publish_not_wordpress",
            PublishError::WrongPassword { .. } => "publish_wrong_password",
            PublishError::NotAllowed { .. } => "publish_not_allowed",
            PublishError::TooLarge { .. } => "publish_too_large",
            PublishError::EditedOnSite { .. } => "publish_edited_on_site",
            PublishError::PostDeleted { .. } => "publish_post_deleted",
            PublishError::Rejected { .. } => "publish_rejected",
            PublishError::BadAnswer(_) => "publish_bad_answer",
            PublishError::UnknownSite(_) => "publish_unknown_site",
            PublishError::NoSecret(_) => "publish_no_secret",
            PublishError::Secrets(_) => "publish_secrets",
            PublishError::Invalid { .. } => "publish_invalid",
            PublishError::Library(_) => "library",
            PublishError::Export(_) => "export",
            PublishError::Interrupted { source, .. } => source.code(),
        }
    }

    /// The message in `lang`: French for a French-speaking user (the CLI under `LANG=fr_*`),
    /// English otherwise. Library and export errors are English in both.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => self.message_fr(),
        }
    }

    fn message_fr(&self) -> String {
        match self {
            PublishError::Unreachable { url, reason } => format!(
                "impossible de joindre « {url} » : {reason} (vérifiez l’adresse du site et le réseau)"
            ),
            PublishError::Timeout { url, seconds } => format!(
                "« {url} » n’a pas répondu en {seconds} s (site lent ou arrêté : réessayez plus tard)"
            ),
            PublishError::Tls { url, reason } => format!(
                "la connexion sécurisée à « {url} » a échoué : {reason} (vérifiez le certificat du site)"
            ),
            PublishError::NotWordPress { url, status } => format!(
                "« {url} » n’est pas un site WordPress dont l’API REST est active (« /wp-json/ » a \
                 répondu {status}) : vérifiez l’adresse ; un site sans API REST, ou en XML-RPC \
                 seulement, ne peut pas recevoir de publication"
            ),
            PublishError::WrongPassword { user } => format!(
                "le site refuse l’utilisateur « {user} » avec ce mot de passe d’application (401) : \
                 créez un mot de passe d’application dans wp-admin (Comptes → Profil) puis \
                 saisissez-le de nouveau avec « edito sites add »"
            ),
            PublishError::NotAllowed { user, action } => format!(
                "l’utilisateur « {user} » n’a pas le droit {} sur ce site (403) : \
                 utilisez un compte d’éditeur ou d’administrateur",
                action_fr(action)
            ),
            PublishError::TooLarge { file } => format!(
                "le site refuse « {file} », trop volumineux (413) : augmentez la limite d’envoi \
                 du site ou utilisez une image plus petite"
            ),
            PublishError::EditedOnSite { post_id, fields } => format!(
                "l’article {post_id} a été modifié sur le site depuis la publication par Edito \
                 ({}) : rien n’a été envoyé ; publiez avec --force pour remplacer la version du site",
                fields
                    .iter()
                    .map(|f| field_fr(f))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            PublishError::PostDeleted { post_id } => format!(
                "l’article {post_id} n’existe plus sur le site : publiez avec --recreate pour le recréer"
            ),
            PublishError::Rejected {
                status,
                code,
                message,
            } => format!("le site a répondu {status} « {code} » : {message}"),
            PublishError::BadAnswer(what) => format!(
                "réponse inattendue du site : {what} (est-ce WordPress 5.6 ou plus récent ?)"
            ),
            PublishError::UnknownSite(name) => {
                format!("aucun site nommé « {name} » : ajoutez-le avec « edito sites add »")
            }
            PublishError::NoSecret(name) => format!(
                "aucun mot de passe enregistré pour le site « {name} » : saisissez-le de nouveau \
                 avec « edito sites add »"
            ),
            PublishError::Secrets(why) => {
                format!("impossible d’utiliser le coffre des mots de passe : {why}")
            }
            PublishError::Invalid { field, reason } => format!("{field} invalide : {reason}"),
            PublishError::Library(e) => e.to_string(),
            PublishError::Export(e) => e.to_string(),
            PublishError::Interrupted { done, source } => format!(
                "{} : {} (ce qui a été fait est gardé pour la prochaine tentative)",
                done.iter().map(|d| step_fr(d)).collect::<Vec<_>>().join(", "),
                source.message_fr()
            ),
        }
    }
}

fn field_fr(field: &str) -> &str {
    match field {
        "title" => "titre",
        "content" => "contenu",
        "excerpt" => "extrait",
        "modified" => "date de modification",
        other => other,
    }
}

/// The French of what a 403 refused (the actions `wordpress` names), with its elided `de`.
fn action_fr(action: &str) -> String {
    match action {
        "read your profile" => "de lire son profil".into(),
        "read posts" => "de lire les articles".into(),
        "write posts" => "d’écrire des articles".into(),
        "upload files" => "d’envoyer des fichiers".into(),
        "manage categories and tags" => "de gérer les catégories et les étiquettes".into(),
        other => format!("de {other}"),
    }
}

/// The French of a step of [`PublishError::Interrupted`] (written by `wordpress::steps`).
fn step_fr(step: &str) -> String {
    if let Some((done, total)) = step
        .strip_suffix(" images uploaded")
        .and_then(|counts| counts.split_once(" of "))
    {
        return format!("{done} images sur {total} envoyées");
    }
    match step {
        "post not created" => "article non créé".into(),
        "post not updated" => "article non mis à jour".into(),
        other => other.into(),
    }
}

impl From<crate::images::ImageError> for PublishError {
    fn from(err: crate::images::ImageError) -> Self {
        PublishError::Invalid {
            field: "image",
            reason: err.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word a French message takes from the code (fields, actions, steps) is French too.
    #[test]
    fn french_messages_carry_no_english_words_from_the_code() {
        let refused = PublishError::NotAllowed {
            user: "redaction".into(),
            action: "upload files".into(),
        };
        assert!(refused
            .message(Lang::Fr)
            .contains("n’a pas le droit d’envoyer des fichiers sur ce site"));
        let edited = PublishError::EditedOnSite {
            post_id: 4,
            fields: vec!["title".into(), "excerpt".into()],
        };
        assert!(edited.message(Lang::Fr).contains("(titre, extrait)"));
        let interrupted = PublishError::Interrupted {
            done: vec!["1 of 3 images uploaded".into(), "post not updated".into()],
            source: Box::new(PublishError::TooLarge {
                file: "a.jpg".into(),
            }),
        };
        let french = interrupted.message(Lang::Fr);
        assert!(
            french.starts_with("1 images sur 3 envoyées, article non mis à jour : le site refuse"),
            "{french}"
        );
        assert_eq!(interrupted.code(), "publish_too_large");
        assert!(interrupted
            .to_string()
            .starts_with("1 of 3 images uploaded, post not updated: "));
    }
}

//! Text fields as typed: YAML reads an unquoted `title: 3.10` as the number 3.1 (and `0x1F`
//! as 31), which would rename the piece. For the keys Edito reads as text, a number is read
//! again from the source as the characters written (serde_yaml_ng hands a plain scalar to a
//! `String` as written), so `3.10` stays "3.10".

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use serde_yaml_ng::Value as Yaml;

/// Top-level keys whose values are text (or lists of text) for [`super::fields`].
const TEXT_KEYS: &[&str] = &[
    "title",
    "slug",
    "kicker",
    "surtitre",
    "standfirst",
    "chapo",
    "chapô",
    "description",
    "summary",
    "author",
    "authors",
    "author_role",
    "role",
    "category",
    "categories",
    "tags",
    "lead_image",
];

/// Replaces the numbers of text keys in `yaml` (the parsed `block`) with their source text.
/// A value that cannot be re-read stays a number, which the field mapping refuses with
/// "quote it" when it would not come back as typed.
pub(super) fn restore_typed_text(block: &str, yaml: &mut Yaml) {
    let Yaml::Mapping(meta) = yaml else {
        return;
    };
    let wanted: Vec<(String, Shape)> = TEXT_KEYS
        .iter()
        .filter_map(|key| {
            let shape = match meta.get(*key)? {
                Yaml::Number(_) => Shape::Scalar,
                Yaml::Sequence(items) if items.iter().any(Yaml::is_number) => Shape::List,
                _ => return None,
            };
            Some(((*key).to_owned(), shape))
        })
        .collect();
    if wanted.is_empty() {
        return;
    }
    let Ok(raw) = serde_yaml_ng::Deserializer::from_str(block)
        .next()
        .map_or(Ok(Vec::new()), |doc| doc.deserialize_map(RawText(&wanted)))
    else {
        return;
    };
    for (key, value) in raw {
        // Only numbers are replaced: a list's strings and nulls are already what was typed.
        match (meta.get_mut(key.as_str()), value) {
            (Some(slot @ Yaml::Number(_)), Value::String(text)) => *slot = Yaml::String(text),
            (Some(Yaml::Sequence(items)), Value::Array(texts)) if items.len() == texts.len() => {
                for (item, text) in items.iter_mut().zip(texts) {
                    if let (true, Value::String(text)) = (item.is_number(), text) {
                        *item = Yaml::String(text);
                    }
                }
            }
            _ => {}
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Shape {
    Scalar,
    List,
}

/// Visits the top-level mapping and reads the wanted keys' scalars as written.
struct RawText<'w>(&'w [(String, Shape)]);

impl<'de> Visitor<'de> for RawText<'_> {
    type Value = Vec<(String, Value)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match self.0.iter().find(|(k, _)| *k == key) {
                Some((_, Shape::Scalar)) => {
                    out.push((key, Value::String(map.next_value::<String>()?)));
                }
                Some((_, Shape::List)) => {
                    let items = map.next_value_seed(Items)?;
                    out.push((key, Value::Array(items)));
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(out)
    }
}

/// A list whose scalars are read as written (`Option` so a `null` item is not an error).
struct Items;

impl<'de> DeserializeSeed<'de> for Items {
    type Value = Vec<Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let items: Vec<Option<String>> = serde::Deserialize::deserialize(deserializer)?;
        Ok(items
            .into_iter()
            .map(|item| item.map_or(Value::Null, Value::String))
            .collect())
    }
}

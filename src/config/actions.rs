//! How the config file names actions. The config layer does not know the browser's actions: it
//! reads them into any enum `A` that derives `Deserialize` from unit variants (the browser's
//! `Action`, in snake_case), so the enum is the one list of names.

use std::cell::Cell;

use serde::de::value::Error as ValueError;
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Visitor};

/// Every name the config file accepts for an action of `A`, in the enum's order.
pub fn action_names<A: DeserializeOwned>() -> &'static [&'static str] {
    // A derived `Deserialize` hands the names of its variants (the skipped ones left out) to
    // `deserialize_enum`; this deserializer only records them.
    let names = Cell::new(&[][..]);
    let _ = A::deserialize(VariantNames(&names));
    names.get()
}

/// Every action of `A` the config file can name, with its name.
pub fn named_actions<A: DeserializeOwned>() -> Vec<(&'static str, A)> {
    action_names::<A>()
        .iter()
        .filter_map(|&name| parse_action(name).ok().map(|(action, _)| (name, action)))
        .collect()
}

/// The action named `text`, with its name as `A` spells it; the error lists the known names.
pub fn parse_action<A: DeserializeOwned>(text: &str) -> Result<(A, &'static str), String> {
    let names = action_names::<A>();
    let unknown = || format!("unknown action {text:?}; actions: {}", names.join(", "));
    let name = names
        .iter()
        .copied()
        .find(|name| *name == text)
        .ok_or_else(unknown)?;
    let deserializer: de::value::StrDeserializer<ValueError> = name.into_deserializer();
    let action = A::deserialize(deserializer).map_err(|_| unknown())?;
    Ok((action, name))
}

struct VariantNames<'a>(&'a Cell<&'static [&'static str]>);

impl<'de> Deserializer<'de> for VariantNames<'_> {
    type Error = ValueError;

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, ValueError> {
        self.0.set(variants);
        Err(de::Error::custom("only the variant names were wanted"))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, ValueError> {
        Err(de::Error::custom("actions are enums"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An action type like the browser's: unit variants named in snake_case, and one the
    /// config cannot name.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(crate) enum TestAction {
        Quit,
        Search,
        Help,
        NextPane,
        Export,
        #[serde(skip)]
        #[allow(dead_code)]
        Type(char),
    }

    #[test]
    fn the_names_are_the_variants_in_snake_case_without_the_skipped_ones() {
        assert_eq!(
            action_names::<TestAction>(),
            ["quit", "search", "help", "next_pane", "export"]
        );
        assert_eq!(
            parse_action::<TestAction>("next_pane"),
            Ok((TestAction::NextPane, "next_pane"))
        );
        let named = named_actions::<TestAction>();
        assert_eq!(named.len(), 5);
        assert!(named
            .iter()
            .all(|(_, action)| !matches!(action, TestAction::Type(_))));
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        for text in ["Quit", "type", "NextPane", ""] {
            let error = parse_action::<TestAction>(text).unwrap_err();
            assert!(
                error.starts_with(&format!("unknown action {text:?}")),
                "{error}"
            );
            assert!(
                error.ends_with("actions: quit, search, help, next_pane, export"),
                "{error}"
            );
        }
    }
}

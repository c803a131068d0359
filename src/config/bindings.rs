//! The keys in force: a table of default bindings, given as data by the face that owns the
//! actions, with the config file's overrides applied; and the check that no key is given to two
//! actions where both apply.

use std::fmt;

use super::{KeyOverride, KeySpec};

/// The keys of one binding: an action where it applies (its scope, e.g. "browsing").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundKeys<S, A> {
    pub scope: S,
    pub action: A,
    pub keys: Vec<KeySpec>,
    /// The config file's name of the action, when the keys are the config file's.
    pub overridden_by: Option<&'static str>,
}

impl<S, A> BoundKeys<S, A> {
    /// A default binding, before any override.
    pub fn new(scope: S, action: A, keys: &[KeySpec]) -> BoundKeys<S, A> {
        BoundKeys {
            scope,
            action,
            keys: keys.to_vec(),
            overridden_by: None,
        }
    }
}

/// Applies `overrides` to `bindings` in the `rebindable` scopes: each replaces its action's
/// keys there, and takes its keys away from whatever other action had them in the same scope.
/// Two overrides giving the same key in one scope are an error naming the key, both actions
/// and the scope: `key "x" is given to both "quit" and "export" (browsing)`.
pub fn apply_overrides<S, A>(
    bindings: &mut [BoundKeys<S, A>],
    rebindable: &[S],
    overrides: &[KeyOverride<A>],
) -> Result<(), String>
where
    S: Copy + PartialEq + fmt::Display,
    A: PartialEq,
{
    for change in overrides {
        for binding in bindings.iter_mut() {
            if binding.action == change.action && rebindable.contains(&binding.scope) {
                binding.keys = change.keys.clone();
                binding.overridden_by = Some(change.name);
            }
        }
    }
    take_overridden_keys(bindings)
}

/// Removes each overriding key from the other bindings of its scope.
fn take_overridden_keys<S, A>(bindings: &mut [BoundKeys<S, A>]) -> Result<(), String>
where
    S: Copy + PartialEq + fmt::Display,
{
    for i in 0..bindings.len() {
        let Some(name) = bindings[i].overridden_by else {
            continue;
        };
        let (scope, keys) = (bindings[i].scope, bindings[i].keys.clone());
        for (j, other) in bindings.iter_mut().enumerate() {
            if j == i || other.scope != scope {
                continue;
            }
            if let Some(key) = keys.iter().find(|key| other.keys.contains(key)) {
                if let Some(other_name) = other.overridden_by {
                    return Err(format!(
                        "key \"{key}\" is given to both \"{name}\" and \"{other_name}\" ({scope})"
                    ));
                }
                other.keys.retain(|k| !keys.contains(k));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::actions::tests::TestAction;
    use crate::config::KeyName;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Scope {
        Browse,
        Search,
    }

    impl fmt::Display for Scope {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                Scope::Browse => "browsing",
                Scope::Search => "searching",
            })
        }
    }

    fn key(c: char) -> KeySpec {
        KeySpec::plain(KeyName::Char(c))
    }

    fn defaults() -> Vec<BoundKeys<Scope, TestAction>> {
        vec![
            BoundKeys::new(Scope::Browse, TestAction::Quit, &[key('q')]),
            BoundKeys::new(Scope::Browse, TestAction::Search, &[key('/'), key('s')]),
            BoundKeys::new(Scope::Browse, TestAction::Export, &[key('e')]),
            BoundKeys::new(Scope::Search, TestAction::Quit, &[key('q')]),
        ]
    }

    fn set(action: TestAction, name: &'static str, keys: &[char]) -> KeyOverride<TestAction> {
        KeyOverride {
            action,
            name,
            keys: keys.iter().map(|&c| key(c)).collect(),
        }
    }

    fn keys(bindings: &[BoundKeys<Scope, TestAction>]) -> Vec<String> {
        bindings
            .iter()
            .map(|b| b.keys.iter().map(|k| k.to_string()).collect())
            .collect()
    }

    #[test]
    fn an_override_replaces_keys_where_overrides_apply_and_takes_them_from_others() {
        let mut bindings = defaults();
        let overrides = [set(TestAction::Quit, "quit", &['x', 's'])];
        apply_overrides(&mut bindings, &[Scope::Browse], &overrides).unwrap();
        assert_eq!(keys(&bindings), ["xs", "/", "e", "q"]);
        assert_eq!(bindings[0].overridden_by, Some("quit"));
        assert_eq!(
            bindings[3].overridden_by, None,
            "searching is not rebindable"
        );
    }

    #[test]
    fn two_overrides_with_one_key_in_one_scope_are_an_error() {
        let mut bindings = defaults();
        let overrides = [
            set(TestAction::Quit, "quit", &['x']),
            set(TestAction::Export, "export", &['x']),
        ];
        let error = apply_overrides(&mut bindings, &[Scope::Browse], &overrides).unwrap_err();
        assert_eq!(
            error,
            "key \"x\" is given to both \"quit\" and \"export\" (browsing)"
        );
    }

    #[test]
    fn no_overrides_keep_the_defaults() {
        let mut bindings = defaults();
        apply_overrides(&mut bindings, &[Scope::Browse, Scope::Search], &[]).unwrap();
        assert_eq!(bindings, defaults());
    }
}

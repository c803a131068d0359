//! Profiles: a named list of skills, each at a level, with an optional target level and note.
//! A person's profile records where they are and where they aim; a role's lists the levels the
//! role requires. One RON file per profile in `profiles/` of the user data folder, read like
//! data files (errors with `path:line:column`, never fatal) and written atomically.
//!
//! An entry names its skill by framework, edition and code, so a profile survives the import of
//! more frameworks; an entry whose skill is not loaded is kept as it is and shown as missing.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};

use crate::data::catalog::{Catalog, Entry};
use crate::data::model::{Code, Level};
use crate::data::paths::UserPaths;
use crate::data::sanitize::{escaped_path, make_printable, Lines};
use crate::data::sources::{locate, read_text, ron_files_in, ron_options, LoadError};

/// A profile file larger than this is refused unread: a real one is a few kilobytes.
const MAX_PROFILE_BYTES: u64 = 4 * 1024 * 1024;

/// The profile the browser marks levels in unless the config file names another.
pub const DEFAULT_PROFILE: &str = "me";

/// A profile's name, which is also its file's name: letters, digits, `-`, `_` and inner spaces
/// only, so that no name can reach outside the profiles folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ProfileName(String);

impl ProfileName {
    pub const MAX_CHARS: usize = 64;
    /// The name is a file name: file systems cap those at 255 bytes, and a letter may take four.
    pub const MAX_BYTES: usize = 200;

    pub fn new(text: &str) -> Result<ProfileName, String> {
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | ' ');
        if text.trim().is_empty() {
            Err("a profile name cannot be empty".to_string())
        } else if let Some(bad) = text.chars().find(|&c| !allowed(c)) {
            Err(format!(
                "the profile name {text:?} may hold only letters, digits, '-', '_' and spaces \
                 (not {bad:?})"
            ))
        } else if text.trim() != text {
            Err(format!(
                "the profile name {text:?} starts or ends with a space"
            ))
        } else if text.chars().count() > Self::MAX_CHARS || text.len() > Self::MAX_BYTES {
            Err(format!(
                "the profile name {text:?} is longer than {} characters or {} bytes",
                Self::MAX_CHARS,
                Self::MAX_BYTES
            ))
        } else {
            Ok(ProfileName(text.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for ProfileName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ProfileName::new(&text).map_err(serde::de::Error::custom)
    }
}

/// One profile file: its skills in the order they were added.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default)]
    pub skills: Vec<ProfileSkill>,
}

/// A skill at a level in a profile: framework, edition and code name the skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileSkill {
    pub framework: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    pub code: Code,
    pub level: Level,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ProfileSkill {
    /// The skill of `entry` at `level`, without target or note.
    pub fn for_entry(catalog: &Catalog, entry: &Entry, level: Level) -> ProfileSkill {
        let framework = catalog.framework_of(entry);
        ProfileSkill {
            framework: framework.name.clone(),
            edition: framework.edition.clone(),
            code: entry.skill.code.clone(),
            level,
            target: None,
            note: None,
        }
    }

    /// Whether this names the same skill as `other`: framework, edition and code (the code
    /// in any case, as the commands look codes up).
    pub fn same_skill(&self, other: &ProfileSkill) -> bool {
        self.framework == other.framework
            && self.edition == other.edition
            && (self.code.as_str()).eq_ignore_ascii_case(other.code.as_str())
    }

    /// The catalog entry this names, if that skill is loaded.
    pub fn entry_in(&self, catalog: &Catalog) -> Option<usize> {
        (catalog.entries.iter()).position(|entry| {
            let framework = catalog.framework_of(entry);
            framework.name == self.framework
                && framework.edition == self.edition
                && (entry.skill.code.as_str()).eq_ignore_ascii_case(self.code.as_str())
        })
    }

    /// "SFIA 9", or the framework alone without an edition.
    pub fn framework_title(&self) -> String {
        match &self.edition {
            Some(edition) => format!("{} {edition}", self.framework),
            None => self.framework.clone(),
        }
    }
}

impl Profile {
    /// The index of the entry naming the same skill as `skill`.
    pub fn position(&self, skill: &ProfileSkill) -> Option<usize> {
        self.skills.iter().position(|s| s.same_skill(skill))
    }

    /// The entry for the skill of catalog entry `entry`, if the profile has it.
    pub fn for_entry(&self, catalog: &Catalog, entry: &Entry) -> Option<&ProfileSkill> {
        let probe = ProfileSkill::for_entry(catalog, entry, Level::new(1).expect("level 1"));
        self.position(&probe).map(|i| &self.skills[i])
    }

    /// Puts `skill` in the profile, replacing the entry for the same skill in its place.
    pub fn set(&mut self, skill: ProfileSkill) {
        match self.position(&skill) {
            Some(i) => self.skills[i] = skill,
            None => self.skills.push(skill),
        }
    }

    /// Removes the entries whose code is `code` (in any case) and, when given, whose framework
    /// answers to `framework` (its name or title); returns them.
    pub fn remove(&mut self, code: &str, framework: Option<&str>) -> Vec<ProfileSkill> {
        let matches = |s: &ProfileSkill| {
            s.code.as_str().eq_ignore_ascii_case(code)
                && framework.is_none_or(|f| {
                    s.framework.eq_ignore_ascii_case(f)
                        || s.framework_title().eq_ignore_ascii_case(f)
                })
        };
        let (removed, kept) = std::mem::take(&mut self.skills)
            .into_iter()
            .partition(|s| matches(s));
        self.skills = kept;
        removed
    }

    /// Replaces control characters in the notes and names, for display on a terminal.
    pub fn make_printable(&mut self) {
        for skill in &mut self.skills {
            make_printable(&mut skill.framework, Lines::Single);
            if let Some(edition) = &mut skill.edition {
                make_printable(edition, Lines::Single);
            }
            if let Some(note) = &mut skill.note {
                make_printable(note, Lines::Multi);
            }
        }
    }
}

/// Parses a profile, checking what a file can get wrong on its own: a skill listed twice is
/// reported where its second entry stands.
pub fn parse_profile(path: &str, text: &str) -> Result<Profile, LoadError> {
    let profile: Profile = ron_options()
        .from_str(text)
        .map_err(|e| LoadError::from_ron(path, &e))?;
    let repeated = (profile.skills.iter().enumerate())
        .find(|(i, skill)| profile.skills[..*i].iter().any(|s| s.same_skill(skill)));
    if let Some((index, skill)) = repeated {
        let code = skill.code.as_str();
        let n = (profile.skills[..=index].iter())
            .filter(|s| s.code.as_str() == code)
            .count();
        return Err(LoadError {
            path: path.to_string(),
            position: locate(text, "code", &format!("\"{code}\""), n),
            message: format!(
                "{} {code} is listed twice (a skill has one entry in a profile)",
                skill.framework_title()
            ),
        });
    }
    Ok(profile)
}

/// A profile as its file holds it: pretty RON, as [`parse_profile`] reads it.
pub fn write_profile(profile: &Profile) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    ron::ser::to_string_pretty(profile, config).expect("a profile is always serializable")
}

/// The profiles folder; every profile is read and written only here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileStore {
    dir: PathBuf,
}

/// A profile file that was read: its name and profile, or why it could not be used.
pub type ListedProfile = (ProfileName, Result<Profile, LoadError>);

impl ProfileStore {
    pub fn new(dir: PathBuf) -> ProfileStore {
        ProfileStore { dir }
    }

    /// `profiles/` in the user data folder: a subfolder, so its files are not read as skills.
    pub fn for_user(user: &UserPaths) -> ProfileStore {
        ProfileStore::new(user.data_dir.join("profiles"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of profile `name`: always directly in the folder, since a name holds no
    /// separator and no dot.
    pub fn path_of(&self, name: &ProfileName) -> PathBuf {
        self.dir.join(format!("{name}.ron"))
    }

    /// Every profile, by name; a file whose name is not a profile name is an error in its place.
    pub fn list(&self) -> Vec<Result<ListedProfile, LoadError>> {
        if !self.dir.is_dir() {
            return Vec::new();
        }
        let files = match ron_files_in(&self.dir) {
            Ok(files) => files,
            Err(error) => return vec![Err(error)],
        };
        (files.into_iter())
            .map(|path| {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                let name = ProfileName::new(&stem).map_err(|message| LoadError {
                    path: path.display().to_string(),
                    position: None,
                    message: format!("not a profile: {message}"),
                })?;
                Ok((
                    name,
                    refuse_link(&path).and_then(|()| read_profile_file(&path)),
                ))
            })
            .collect()
    }

    /// The profile `name`, `None` when it has no file yet.
    pub fn load(&self, name: &ProfileName) -> Result<Option<Profile>, LoadError> {
        let path = self.path_of(name);
        match fs::symlink_metadata(&path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            _ => refuse_link(&path).and_then(|()| read_profile_file(&path).map(Some)),
        }
    }

    /// Writes the profile whole or not at all, creating the folder when needed. Errors name
    /// the path.
    pub fn save(&self, name: &ProfileName, profile: &Profile) -> io::Result<()> {
        fs::create_dir_all(&self.dir).map_err(|e| with_path(&self.dir, e))?;
        let path = self.path_of(name);
        refuse_link(&path).map_err(link_error)?;
        let text = write_profile(profile);
        crate::data::atomic::write_replacing(&path, text.as_bytes())
            .map_err(|e| with_path(&path, e))
    }

    /// Removes the profile's file; `false` when there was none. Errors name the path.
    pub fn delete(&self, name: &ProfileName) -> io::Result<bool> {
        let path = self.path_of(name);
        refuse_link(&path).map_err(link_error)?;
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(with_path(&path, error)),
        }
    }

    /// The entries of profile `name` at a level their skill does not define, each located in
    /// the file where it can be: a hand-edited file can hold one, and it is kept as it is.
    pub fn undefined_levels(
        &self,
        name: &ProfileName,
        profile: &Profile,
        catalog: &Catalog,
    ) -> Vec<LoadError> {
        let path = self.path_of(name);
        let text = read_text(&path, MAX_PROFILE_BYTES, "profiles").unwrap_or_default();
        let mut found = Vec::new();
        for (index, skill) in profile.skills.iter().enumerate() {
            let Some(entry) = skill.entry_in(catalog) else {
                continue;
            };
            let defined = &catalog.entries[entry].skill;
            let levels = std::iter::once(("", skill.level))
                .chain(skill.target.map(|t| (" (the target)", t)));
            for (which, level) in levels {
                if defined.is_defined_at(level) {
                    continue;
                }
                let code = skill.code.as_str();
                let n = (profile.skills[..=index].iter())
                    .filter(|s| s.code.as_str() == code)
                    .count();
                found.push(LoadError {
                    path: path.display().to_string(),
                    position: locate(&text, "code", &format!("\"{code}\""), n),
                    message: format!(
                        "{} {code} does not define level {level}{which}; it defines levels {} \
                         (the entry is kept as it is)",
                        skill.framework_title(),
                        defined.level_range_text()
                    ),
                });
            }
        }
        found
    }
}

/// A profile file that is a symbolic link is refused: nothing is read or written outside the
/// profiles folder.
fn refuse_link(path: &Path) -> Result<(), LoadError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(LoadError {
            path: path.display().to_string(),
            position: None,
            message: "is a symbolic link: profiles are read and written only as files in the \
                      profiles folder"
                .to_string(),
        }),
        _ => Ok(()),
    }
}

fn link_error(error: LoadError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, error.to_string())
}

/// `error` with the escaped path it happened at in front.
fn with_path(path: &Path, error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", escaped_path(path)))
}

fn read_profile_file(path: &Path) -> Result<Profile, LoadError> {
    let text = read_text(path, MAX_PROFILE_BYTES, "profiles")?;
    parse_profile(&path.display().to_string(), &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{load_catalog, SourceSelection};

    fn level(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    fn skill(framework: &str, edition: Option<&str>, code: &str, n: u8) -> ProfileSkill {
        ProfileSkill {
            framework: framework.into(),
            edition: edition.map(String::from),
            code: Code::new(code).unwrap(),
            level: level(n),
            target: None,
            note: None,
        }
    }

    #[test]
    fn names_with_separators_dots_or_controls_are_refused() {
        for good in ["me", "Senior dev", "role_2", "équipe-ops", "a1"] {
            assert!(ProfileName::new(good).is_ok(), "{good}");
        }
        for bad in [
            "", " ", "../x", "..", "a/b", "a\\b", "a.b", "x\u{1b}", " me", "me ", "a\nb",
        ] {
            assert!(ProfileName::new(bad).is_err(), "{bad:?}");
        }
        assert!(ProfileName::new(&"a".repeat(65)).is_err());
        // Sixty-four four-byte letters would be a 260-byte file name.
        let long = "\u{10400}".repeat(64);
        let error = ProfileName::new(&long).unwrap_err();
        assert!(error.contains("200 bytes"), "{error}");
        assert!(ProfileName::new(&"\u{10400}".repeat(50)).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_profile_file_that_is_a_symbolic_link_is_neither_read_nor_written() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.ron");
        fs::write(&outside, "(skills: [])").unwrap();
        let store = ProfileStore::new(dir.path().join("profiles"));
        fs::create_dir_all(store.dir()).unwrap();
        let name = ProfileName::new("me").unwrap();
        std::os::unix::fs::symlink(&outside, store.path_of(&name)).unwrap();
        let path = store.path_of(&name).display().to_string();
        let error = store.load(&name).unwrap_err().to_string();
        assert!(
            error.starts_with(&path) && error.contains("symbolic link"),
            "{error}"
        );
        let error = store
            .save(&name, &Profile::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(&path) && error.contains("symbolic link"),
            "{error}"
        );
        assert!(store.delete(&name).is_err());
        let listed = store.list();
        let (_, read) = listed[0].as_ref().unwrap();
        assert!(read.as_ref().unwrap_err().message.contains("symbolic link"));
        assert_eq!(fs::read_to_string(&outside).unwrap(), "(skills: [])");
        assert!(
            store.path_of(&name).is_symlink(),
            "the link is left in place"
        );
    }

    #[test]
    fn errors_of_save_and_delete_name_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        let name = ProfileName::new("me").unwrap();
        fs::create_dir(store.path_of(&name)).unwrap();
        let path = store.path_of(&name).display().to_string();
        let error = store.delete(&name).unwrap_err().to_string();
        assert!(error.starts_with(&path), "{error}");
        let error = store
            .save(&name, &Profile::default())
            .unwrap_err()
            .to_string();
        assert!(error.contains(&path), "{error}");
        let blocked = ProfileStore::new(store.path_of(&name).join("x").join("profiles"));
        fs::write(store.path_of(&name).join("x"), "").unwrap();
        let error = blocked
            .save(&name, &Profile::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&blocked.dir().display().to_string()),
            "{error}"
        );
    }

    #[test]
    fn levels_the_skill_does_not_define_are_located_and_kept() {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        let name = ProfileName::new("me").unwrap();
        let text = "(skills: [\n  (framework: \"SFIA\", edition: \"9\", code: \"RELM\", level: 7, target: 1),\n])";
        fs::write(store.path_of(&name), text).unwrap();
        let profile = store.load(&name).unwrap().unwrap();
        let found = store.undefined_levels(&name, &profile, &catalog);
        let said: Vec<String> = found.iter().map(|e| e.to_string()).collect();
        assert_eq!(found.len(), 2, "{said:?}");
        let path = store.path_of(&name).display().to_string();
        assert!(
            said[0].starts_with(&format!("{path}:2:43: SFIA 9 RELM does not define level 7")),
            "{said:?}"
        );
        assert!(
            said[1].contains("does not define level 1 (the target)"),
            "{said:?}"
        );
        assert_eq!(profile.skills.len(), 1);
    }

    #[test]
    fn a_profile_round_trips_through_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::new(dir.path().join("profiles"));
        let name = ProfileName::new("Senior dev").unwrap();
        assert_eq!(store.load(&name).unwrap(), None);
        let mut profile = Profile::default();
        let mut relm = skill("SFIA", Some("9"), "RELM", 4);
        relm.target = Some(level(5));
        relm.note = Some("Ran the \"big\" release.\nSecond line.".into());
        profile.set(relm);
        profile.set(skill("Acme", None, "ACME1", 3));
        store.save(&name, &profile).unwrap();
        assert_eq!(store.load(&name).unwrap(), Some(profile.clone()));
        let listed = store.list();
        assert_eq!(listed.len(), 1);
        let (listed_name, listed_profile) = listed.into_iter().next().unwrap().unwrap();
        assert_eq!(listed_name, name);
        assert_eq!(listed_profile.unwrap(), profile);
        assert!(store.delete(&name).unwrap());
        assert!(!store.delete(&name).unwrap());
    }

    #[test]
    fn setting_replaces_in_place_and_removing_matches_code_and_framework() {
        let mut profile = Profile::default();
        profile.set(skill("SFIA", Some("9"), "RELM", 4));
        profile.set(skill("SFIA", Some("8"), "RELM", 3));
        profile.set(skill("SFIA", Some("9"), "DSOP", 2));
        profile.set(skill("SFIA", Some("9"), "relm", 5));
        assert_eq!(profile.skills.len(), 3);
        assert_eq!(profile.skills[0].level, level(5));
        let removed = profile.remove("relm", Some("SFIA 8"));
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].edition.as_deref(), Some("8"));
        assert_eq!(profile.remove("RELM", None).len(), 1);
        assert_eq!(profile.skills.len(), 1);
    }

    #[test]
    fn bad_files_are_located() {
        let cases = [
            (
                "(skills: [(framework: \"SFIA\", code: \"RELM\", level: 9)])",
                (1, 52),
            ),
            (
                "(skills: [\n  (framework: \"SFIA\", code: \"RE LM\", level: 2),\n])",
                (2, 30),
            ),
            ("(skills: [], colour: 1)", (1, 14)),
        ];
        for (text, position) in cases {
            let error = parse_profile("p.ron", text).unwrap_err();
            assert_eq!(error.position, Some(position), "{text}: {error}");
        }
        let twice = "(skills: [\n  (framework: \"SFIA\", code: \"RELM\", level: 2),\n  \
                     (framework: \"SFIA\", code: \"RELM\", level: 3),\n])";
        let error = parse_profile("p.ron", twice).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p.ron:3:29: SFIA RELM is listed twice (a skill has one entry in a profile)"
        );
    }

    #[test]
    fn unknown_skills_are_kept_and_found_skills_resolve() {
        let catalog = load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        });
        let text =
            "(skills: [\n  (framework: \"SFIA\", edition: \"9\", code: \"RELM\", level: 4),\n  \
                    (framework: \"Gone\", code: \"NOPE\", level: 2, note: \"kept\"),\n])";
        let profile = parse_profile("p.ron", text).unwrap();
        assert_eq!(profile.skills.len(), 2);
        let relm = profile.skills[0].entry_in(&catalog).unwrap();
        assert_eq!(catalog.entries[relm].skill.code.as_str(), "RELM");
        assert_eq!(profile.skills[1].entry_in(&catalog), None);
        let written = write_profile(&profile);
        assert_eq!(parse_profile("p.ron", &written).unwrap(), profile);
        assert!(written.contains("NOPE"), "{written}");
    }

    #[test]
    fn a_file_with_a_name_that_is_no_profile_name_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.b.ron"), "()").unwrap();
        fs::write(dir.path().join("ok.ron"), "(skills: [)").unwrap();
        let store = ProfileStore::new(dir.path().to_path_buf());
        let listed = store.list();
        assert!(listed[0]
            .as_ref()
            .unwrap_err()
            .message
            .starts_with("not a profile"));
        let (name, profile) = listed[1].as_ref().unwrap();
        assert_eq!(name.as_str(), "ok");
        assert!(profile.as_ref().unwrap_err().position.is_some());
    }
}

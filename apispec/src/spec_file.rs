//! Spec files on disk: which files of a directory are specs, and the two names each one gets.
//!
//! A spec's *name* is its file stem as written (`petstore-expanded`): it is the mock server's URL prefix
//! and how tools and reports refer to the spec. Its *module name* is the Rust module the client build
//! generates for it (`petstore_expanded`): the stem in snake_case, never a Rust keyword. Both the build
//! scripts and the mock server find spec files here, so a file one of them takes is a file the other takes.
//!
//! This module reads directory listings only; it never opens a spec.

use std::path::{Path, PathBuf};

use heck::ToSnakeCase;

use crate::{SpecError, SpecErrorKind};

/// The extensions (compared without case) of files read as specs.
const SPEC_EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

/// Module names the generated crate already uses for something else.
const RESERVED_MODULE_NAMES: [&str; 2] = ["runtime", "types"];

/// The names a spec file gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecName {
    /// The file stem as written: the mock's URL prefix (`/petstore-expanded`).
    pub name: String,
    /// The generated client module (`petstore_expanded`).
    pub module: String,
}

impl SpecName {
    /// The names for `path`, or why its stem cannot name a spec.
    pub fn from_path(path: &Path) -> Result<SpecName, SpecError> {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        SpecName::from_stem(stem).map_err(|reason| SpecError {
            kind: SpecErrorKind::FileName,
            source: path.display().to_string(),
            location: None,
            pointer: None,
            reason,
            hint: Some(
                "rename the file so its stem has letters or digits and only `-`, `_` or `.` besides \
                 (e.g. `my-provider.yaml`); the stem is the mock server's URL prefix and, in snake_case, \
                 the generated client's module name"
                    .into(),
            ),
        })
    }

    /// The names for a file stem.
    pub fn from_stem(stem: &str) -> Result<SpecName, String> {
        // The stem is a URL path segment as it is: only characters that need no escaping there.
        if let Some(bad) = stem
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~')))
        {
            return Err(format!(
                "the file name `{stem}` has `{bad}`, which cannot be part of a URL prefix"
            ));
        }
        let module = module_name(stem).ok_or_else(|| {
            format!("the file name `{stem}` has no letter or digit to name a module")
        })?;
        Ok(SpecName {
            name: stem.to_string(),
            module,
        })
    }
}

/// `petstore-expanded` → `petstore_expanded`, `Foo` → `foo`, `api.v1` → `api_v1`, `box` → `box_`,
/// `2fa` → `spec_2fa`. `None` when the stem has no letter or digit.
pub fn module_name(stem: &str) -> Option<String> {
    let words: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut module = words.to_snake_case();
    if module.is_empty() {
        return None;
    }
    if module.starts_with(|c: char| c.is_ascii_digit()) {
        module.insert_str(0, "spec_");
    }
    if crate::names::is_rust_keyword(&module) || RESERVED_MODULE_NAMES.contains(&module.as_str()) {
        module.push('_');
    }
    Some(module)
}

pub use crate::overlay::is_overlay_file;

/// Whether `path` has a spec file's extension (`.yaml`, `.yml`, `.json`, in any case).
pub fn has_spec_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SPEC_EXTENSIONS.iter().any(|s| e.eq_ignore_ascii_case(s)))
}

/// Whether a file is read as JSON (its extension is `.json`, in any case); otherwise YAML.
pub fn is_json_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The spec files directly in `dir` (not in subdirectories), overlays excluded, sorted by file name.
pub fn spec_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && has_spec_extension(path) && !is_overlay_file(path))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_are_snake_case_and_never_keywords() {
        let module = |stem| SpecName::from_stem(stem).map(|n| n.module);
        assert_eq!(module("hostup").unwrap(), "hostup");
        assert_eq!(module("petstore-expanded").unwrap(), "petstore_expanded");
        assert_eq!(module("Foo").unwrap(), "foo");
        assert_eq!(module("api.v1").unwrap(), "api_v1");
        assert_eq!(module("HetznerCloud").unwrap(), "hetzner_cloud");
        assert_eq!(module("box").unwrap(), "box_");
        assert_eq!(module("type").unwrap(), "type_");
        assert_eq!(module("runtime").unwrap(), "runtime_");
        assert_eq!(module("2fa").unwrap(), "spec_2fa");
        assert!(module("---").unwrap_err().contains("no letter or digit"));
        assert!(module("a b").unwrap_err().contains("`a b` has ` `"));
    }

    #[test]
    fn the_name_is_the_stem_as_written() {
        let names = SpecName::from_path(Path::new("specs/petstore-expanded.yaml")).unwrap();
        assert_eq!(names.name, "petstore-expanded");
        let err = SpecName::from_path(Path::new("specs/my api.yaml")).unwrap_err();
        assert_eq!(err.kind, SpecErrorKind::FileName);
        assert!(err.hint.unwrap().contains("URL prefix"));
    }

    #[test]
    fn discovery_takes_any_case_of_extension_and_skips_overlays() {
        let dir = std::env::temp_dir().join(format!("apispec-spec-files-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for name in [
            "b.YAML",
            "a.json",
            "c.yml",
            "c.overlay.yaml",
            "notes.md",
            "sub/d.yaml",
        ] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let found: Vec<String> = spec_files(&dir)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, ["a.json", "b.YAML", "c.yml"]);
        assert!(is_overlay_file(Path::new("x/petstore.Overlay.json")));
        assert!(!is_overlay_file(Path::new("overlay.yaml")));
    }
}

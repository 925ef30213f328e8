//! The one error type of this crate, [`SpecError`]: why a document, or a part of it, cannot be used (the
//! file, where in it, what is wrong and what to do), with a [`SpecErrorKind`] naming the step that found it.

use std::fmt;

/// A line and column in the source text, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1.
    pub column: u32,
}

impl Location {
    pub(crate) fn new(line: usize, column: usize) -> Location {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Location {
            line: clamp(line),
            column: clamp(column),
        }
    }
}

/// What kind of problem it is: which step of loading or compiling found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecErrorKind {
    /// The file cannot be read.
    Unreadable,
    /// The file's name cannot name a module or mount prefix.
    FileName,
    /// The text is not well-formed YAML.
    YamlSyntax,
    /// The text is not well-formed JSON.
    JsonSyntax,
    /// Not an OpenAPI 3.0 or 3.1 document (Swagger 2.0, another version, no version).
    Version,
    /// Well-formed, but not shaped like an OpenAPI document.
    Structure,
    /// A `$ref` that does not resolve, points outside the document, or loops.
    Reference,
    /// The document's overlay (`<stem>.overlay.yaml`) cannot be applied, or an action of it matches nothing.
    Overlay,
    /// A schema the validator cannot compile (the document loads; that schema is not validated).
    Schema,
}

/// Why a document could not be used: the file, where in it, what is wrong, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// What kind of problem it is.
    pub kind: SpecErrorKind,
    /// The file (or the name of embedded text), as messages name it.
    pub source: String,
    /// Where in the text, when the problem is in the text itself (a syntax error) or the place is known.
    pub location: Option<Location>,
    /// JSON pointer to the offending part, when the text parsed but its content is wrong.
    pub pointer: Option<String>,
    /// What is wrong.
    pub reason: String,
    /// What to do about it, when there is something to say.
    pub hint: Option<String>,
}

impl SpecError {
    /// A structural problem at `pointer`.
    pub(crate) fn at(source: &str, pointer: &str, reason: impl Into<String>) -> Self {
        SpecError {
            kind: SpecErrorKind::Structure,
            source: source.to_string(),
            location: None,
            pointer: Some(pointer.to_string()),
            reason: reason.into(),
            hint: None,
        }
    }

    pub(crate) fn of_kind(mut self, kind: SpecErrorKind) -> Self {
        self.kind = kind;
        self
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same problem, saying that `what` (`operation GET /a`) was left out because of it.
    pub(crate) fn left_out(mut self, what: &str) -> Self {
        self.reason = format!("{what} left out: {}", self.reason);
        self
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(Location { line, column }) = self.location {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(pointer) = &self.pointer {
            write!(f, " at #{pointer}")?;
        }
        write!(f, ": {}", self.reason)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SpecError {}

//! `conformance check`: lints spec files and reports each problem as a [`Finding`] with a stable rule id.
//!
//! Everything about the spec comes from `apispec` (loading, operations, examples, the client view); this
//! module only turns what apispec says into findings, and locates each one in the source text with
//! [`apispec::source_map`]. It reads each spec file once more, as text, for that: it never parses a spec
//! a second way.

use std::path::Path;

use apispec::source_map::SourceMap;
use apispec::{Document, SchemaSet, SpecError, SpecErrorKind};
use serde::Serialize;
use serde_json::Value;

/// A rule `check` applies. Its id (`as_str`) is stable: reports, JUnit test cases and CI filters use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `parse-error`: the file is not well-formed YAML or JSON.
    ParseError,
    /// `invalid-file-name`: the file name cannot name a client module or mock prefix.
    InvalidFileName,
    /// `invalid-document`: the text parses but is not an OpenAPI 3.0 or 3.1 document.
    InvalidDocument,
    /// `unresolved-ref`: a `$ref` points outside the document or at nothing.
    UnresolvedRef,
    /// `ref-cycle`: a schema requires a value of itself with no way out.
    RefCycle,
    /// `invalid-overlay`: the spec's overlay cannot be applied, or an action matches nothing.
    InvalidOverlay,
    /// `missing-operation-id`: an operation has no operationId.
    MissingOperationId,
    /// `duplicate-operation-id`: two operations share one operationId.
    DuplicateOperationId,
    /// `invalid-schema`: a schema cannot be compiled into a validator.
    InvalidSchema,
    /// `invalid-example`: an example breaks its schema.
    InvalidExample,
    /// `json-response-without-schema`: a JSON response has no schema.
    JsonResponseWithoutSchema,
    /// `client-unsupported`: the typed-client build leaves a part out, or types it more loosely.
    ClientUnsupported,
}

/// Every rule, in the order reports list them.
pub const RULES: &[Rule] = &[
    Rule::ParseError,
    Rule::InvalidFileName,
    Rule::InvalidDocument,
    Rule::UnresolvedRef,
    Rule::RefCycle,
    Rule::InvalidOverlay,
    Rule::MissingOperationId,
    Rule::DuplicateOperationId,
    Rule::InvalidSchema,
    Rule::InvalidExample,
    Rule::JsonResponseWithoutSchema,
    Rule::ClientUnsupported,
];

impl Rule {
    /// The rule's id, as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::ParseError => "parse-error",
            Rule::InvalidFileName => "invalid-file-name",
            Rule::InvalidDocument => "invalid-document",
            Rule::UnresolvedRef => "unresolved-ref",
            Rule::RefCycle => "ref-cycle",
            Rule::InvalidOverlay => "invalid-overlay",
            Rule::MissingOperationId => "missing-operation-id",
            Rule::DuplicateOperationId => "duplicate-operation-id",
            Rule::InvalidSchema => "invalid-schema",
            Rule::InvalidExample => "invalid-example",
            Rule::JsonResponseWithoutSchema => "json-response-without-schema",
            Rule::ClientUnsupported => "client-unsupported",
        }
    }

    /// How bad a finding of this rule is, unless the finding says otherwise.
    pub fn severity(self) -> Severity {
        match self {
            Rule::ParseError
            | Rule::InvalidFileName
            | Rule::InvalidDocument
            | Rule::UnresolvedRef
            | Rule::RefCycle
            | Rule::InvalidOverlay
            | Rule::DuplicateOperationId
            | Rule::InvalidSchema
            | Rule::InvalidExample => Severity::Error,
            Rule::MissingOperationId
            | Rule::JsonResponseWithoutSchema
            | Rule::ClientUnsupported => Severity::Warning,
        }
    }

    /// What the rule finds, in one line.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::ParseError => "the file is not well-formed YAML or JSON",
            Rule::InvalidFileName => {
                "the file name cannot name a client module or mock prefix (letters, digits, `-`, `_`, `.`)"
            }
            Rule::InvalidDocument => "the text parses but is not an OpenAPI 3.0 or 3.1 document",
            Rule::UnresolvedRef => "a $ref points outside the document or at nothing",
            Rule::RefCycle => {
                "a schema requires a value of itself through $refs with no way out: it has no finite value"
            }
            Rule::InvalidOverlay => {
                "the spec's overlay (`<stem>.overlay.yaml`) cannot be applied, or an action matches nothing"
            }
            Rule::MissingOperationId => "an operation has no operationId",
            Rule::DuplicateOperationId => "two operations share one operationId",
            Rule::InvalidSchema => "a schema cannot be compiled into a validator",
            Rule::InvalidExample => {
                "an example (parameter, body, header or schema; inline or named) breaks its schema"
            }
            Rule::JsonResponseWithoutSchema => "a response has a JSON media type but no schema",
            Rule::ClientUnsupported => {
                "the typed-client build leaves a part of the document out, or types it more loosely"
            }
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// How bad a finding is (any finding, of either severity, makes `check` exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The spec is wrong, or cannot be used as written.
    Error,
    /// The spec works, with something left out or worth fixing.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one spec file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The spec file, as given.
    pub file: String,
    /// The line (from 1), when the place is known.
    pub line: Option<usize>,
    /// The column (from 1), when the place is known.
    pub column: Option<usize>,
    /// JSON pointer (`#/paths/...`) of the offending part, when the text parsed.
    pub pointer: Option<String>,
    /// The rule found broken.
    pub rule: Rule,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What the rule expects there.
    pub expected: Option<String>,
    /// What is there instead.
    pub actual: Option<String>,
    /// For `invalid-example`: the schema keyword the example breaks, as a pointer and a place.
    pub schema_pointer: Option<String>,
    /// Where that keyword is written (file:line:column).
    pub schema_location: Option<String>,
    /// What to change.
    pub hint: Option<String>,
}

/// What `check` found in one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The spec file, as given.
    pub file: String,
    /// Whether the document loaded: when it did not, only the load rules ran.
    pub loaded: bool,
    /// Every finding, in document order.
    pub findings: Vec<Finding>,
}

/// Why `check` could not run on a file at all (exit code 2).
#[derive(Debug)]
pub enum CannotRun {
    /// The file cannot be read.
    Read {
        /// The file, as given.
        file: String,
        /// What reading it reported.
        error: std::io::Error,
    },
    /// The loader cannot read the file (its error names the file and the reason).
    Load(SpecError),
}

impl std::fmt::Display for CannotRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CannotRun::Read { file, error } => write!(f, "{file}: cannot read the file: {error}"),
            CannotRun::Load(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for CannotRun {}

/// Builds findings for one file, locating pointers in its text.
struct Reporter<'a> {
    file: &'a str,
    map: Option<SourceMap>,
    findings: Vec<Finding>,
}

impl Reporter<'_> {
    fn add(&mut self, rule: Rule, pointer: Option<&str>, message: String) -> &mut Finding {
        let location = pointer.and_then(|p| self.locate(p));
        self.findings.push(Finding {
            file: self.file.to_string(),
            line: location.map(|l| l.line as usize),
            column: location.map(|l| l.column as usize),
            pointer: pointer.map(|p| format!("#{p}")),
            rule,
            severity: rule.severity(),
            message,
            expected: None,
            actual: None,
            schema_pointer: None,
            schema_location: None,
            hint: None,
        });
        self.findings.last_mut().expect("just pushed")
    }

    fn locate(&self, pointer: &str) -> Option<apispec::Location> {
        self.map
            .as_ref()?
            .locate_nearest(pointer)
            .map(|(location, _)| location)
    }

    fn place(&self, pointer: &str) -> String {
        match self.locate(pointer) {
            Some(l) => format!("{}:{}:{}", self.file, l.line, l.column),
            None => self.file.to_string(),
        }
    }
}

/// Checks one spec file. `Err` only when the file cannot be read.
pub fn check_file(path: &Path) -> Result<FileReport, CannotRun> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| CannotRun::Read {
        file: file.to_string(),
        error,
    })?;
    let mut reporter = Reporter {
        file: &file,
        map: SourceMap::parse(&text),
        findings: Vec::new(),
    };
    // A name that cannot name a spec is one finding; the document is still checked, under a stand-in name.
    let loaded = match apispec::SpecName::from_path(path) {
        Ok(_) => Document::load(path),
        Err(err) => {
            load_finding(&err, &mut reporter)?;
            Document::load_as(path, "spec")
        }
    };
    let loaded = match loaded {
        Ok(doc) => {
            check_document(&doc, &mut reporter);
            true
        }
        Err(err) => {
            load_finding(&err, &mut reporter)?;
            false
        }
    };
    let mut findings = reporter.findings;
    findings.sort_by(|a, b| {
        (a.line, a.column, a.rule.as_str(), &a.pointer).cmp(&(
            b.line,
            b.column,
            b.rule.as_str(),
            &b.pointer,
        ))
    });
    findings.dedup_by(|a, b| a.rule == b.rule && a.pointer == b.pointer && a.message == b.message);
    Ok(FileReport {
        file,
        loaded,
        findings,
    })
}

/// `Document::load` stops at the first problem; its kind says which rule it breaks.
fn load_finding(err: &SpecError, reporter: &mut Reporter<'_>) -> Result<(), CannotRun> {
    let id = match err.kind {
        SpecErrorKind::Unreadable => return Err(CannotRun::Load(err.clone())),
        SpecErrorKind::YamlSyntax | SpecErrorKind::JsonSyntax => Rule::ParseError,
        SpecErrorKind::FileName => Rule::InvalidFileName,
        SpecErrorKind::Reference => Rule::UnresolvedRef,
        SpecErrorKind::Overlay => Rule::InvalidOverlay,
        SpecErrorKind::Version | SpecErrorKind::Structure => Rule::InvalidDocument,
        SpecErrorKind::Schema => Rule::InvalidSchema,
    };
    let finding = reporter.add(id, err.pointer.as_deref(), err.reason.clone());
    if let Some(location) = err.location {
        finding.line = Some(location.line as usize);
        finding.column = Some(location.column as usize);
    }
    finding.hint = err.hint.clone();
    let (expected, actual) = match id {
        Rule::ParseError => {
            let json = err.kind == SpecErrorKind::JsonSyntax;
            let detail = err
                .reason
                .split_once(": ")
                .map_or(err.reason.as_str(), |(_, rest)| rest);
            (
                if json {
                    "well-formed JSON"
                } else {
                    "well-formed YAML"
                },
                detail.to_string(),
            )
        }
        Rule::UnresolvedRef => (
            "a `$ref` to a part of this document that exists",
            err.reason.clone(),
        ),
        Rule::InvalidFileName => (
            "a file stem of letters, digits, `-`, `_` or `.`",
            err.reason.clone(),
        ),
        _ => ("an OpenAPI 3.0.x document", err.reason.clone()),
    };
    finding.expected = Some(expected.to_string());
    finding.actual = Some(actual);
    Ok(())
}

fn check_document(doc: &Document, reporter: &mut Reporter<'_>) {
    operation_ids(doc, reporter);
    match SchemaSet::new(doc).and_then(|schemas| apispec::examples::invalid_examples(doc, &schemas))
    {
        Ok(invalid) => {
            for bad in invalid {
                invalid_example(doc, &bad, reporter);
            }
        }
        Err(err) => {
            let finding = reporter.add(
                Rule::InvalidSchema,
                err.pointer.as_deref(),
                err.reason.clone(),
            );
            finding.expected = Some("a schema that compiles".into());
            finding.actual = Some(err.reason.clone());
        }
    }
    json_without_schema(doc, reporter);
    for (pointer, message) in apispec::unsatisfiable_cycles(doc) {
        let finding = reporter.add(Rule::RefCycle, Some(&pointer), message.clone());
        finding.expected = Some("a schema with a finite value (a way out of its recursion)".into());
        finding.actual = Some(message);
        finding.hint = Some(
            "make the recursive property optional, `nullable`, or an array that may be empty"
                .into(),
        );
    }
    for warning in &doc.warnings {
        let finding = reporter.add(
            Rule::UnresolvedRef,
            warning.pointer.as_deref(),
            warning.reason.clone(),
        );
        finding.expected = Some("a `$ref` to a part of this document that exists".into());
        finding.actual = Some(warning.reason.clone());
        finding.hint = warning.hint.clone();
    }
    // Document metadata OpenAPI 3.0 cannot say (`info.summary`...) is valid 3.1 the client loses nothing by.
    for note in doc
        .downgrade_notes
        .iter()
        .filter(|note| note.affects_client)
    {
        let finding = reporter.add(
            Rule::ClientUnsupported,
            Some(&note.pointer),
            format!("no OpenAPI 3.0 form for the client: {}", note.message),
        );
        finding.expected = Some("a construct OpenAPI 3.0 can express".into());
        finding.actual = Some(note.message.clone());
    }
    // The same steps as the client build, short of compiling: the client view, then progenitor on it.
    let omissions = match client_codegen::build_view(doc) {
        Ok((view, _)) => view.omissions,
        Err(failure) => {
            let finding = reporter.add(
                Rule::ClientUnsupported,
                None,
                format!("the client build stops on this document: {failure}"),
            );
            finding.severity = Severity::Error;
            finding.expected = Some("a document the client generator takes".into());
            finding.actual = Some(failure.to_string());
            apispec::client_view::client_view(doc).omissions
        }
    };
    for omission in omissions {
        let message = match &omission.operation {
            Some(op) => format!("operation {op}: {}: {}", omission.effect, omission.reason),
            None => format!("{}: {}", omission.effect, omission.reason),
        };
        let finding = reporter.add(Rule::ClientUnsupported, Some(&omission.pointer), message);
        finding.expected = Some(omission.fix.clone());
        finding.actual = Some(omission.reason.clone());
    }
}

fn operation_ids(doc: &Document, reporter: &mut Reporter<'_>) {
    for (i, op) in doc.operations.iter().enumerate() {
        if !op.id_declared {
            let finding = reporter.add(
                Rule::MissingOperationId,
                Some(&op.pointer),
                format!("operation {} {} has no operationId", op.method, op.path),
            );
            finding.expected = Some("an operationId".into());
            finding.actual = Some(format!("none (the client and reports call it `{}`)", op.id));
            finding.hint =
                Some("add a unique `operationId` in camelCase, such as `listBackups`".into());
            continue;
        }
        let first = doc.operations[..i]
            .iter()
            .find(|other| other.id_declared && other.id == op.id);
        if let Some(first) = first {
            let first_id_at = format!("{}/operationId", first.pointer);
            let first_place = reporter.place(&first_id_at);
            let finding = reporter.add(
                Rule::DuplicateOperationId,
                Some(&format!("{}/operationId", op.pointer)),
                format!(
                    "operationId `{}` of {} {} is also the operationId of {} {}",
                    op.id, op.method, op.path, first.method, first.path
                ),
            );
            finding.expected = Some("an operationId no other operation has".into());
            finding.actual = Some(format!("`{}`, first used at {first_place}", op.id));
            finding.hint = Some("rename one of the operations".into());
        }
    }
}

fn invalid_example(
    doc: &Document,
    bad: &apispec::examples::InvalidExample,
    reporter: &mut Reporter<'_>,
) {
    let value_pointer = format!("{}{}", bad.example_pointer, bad.violation.instance_pointer);
    let (keyword_pointer, keyword) =
        schema_keyword(doc, &bad.schema_pointer, &bad.violation.schema_pointer);
    let schema_location = reporter.place(&keyword_pointer);
    let actual = match doc.get(&value_pointer) {
        Some(value) => compact(value),
        None => "nothing".to_string(),
    };
    let finding = reporter.add(
        Rule::InvalidExample,
        Some(&value_pointer),
        format!(
            "example does not match its schema: {}",
            bad.violation.message
        ),
    );
    finding.expected = Some(keyword.unwrap_or_else(|| "a value valid for the schema".into()));
    finding.actual = Some(actual);
    finding.schema_pointer = Some(format!("#{keyword_pointer}"));
    finding.schema_location = Some(schema_location);
    finding.hint = Some("fix the example, or the schema if the example is right".into());
}

/// Where a validator's schema path leads in the document ([`Document::schema_keyword`]): the pointer
/// reached, and `keyword: value` when the path's last step is a keyword written there.
pub(crate) fn schema_keyword(
    doc: &Document,
    schema_at: &str,
    path: &str,
) -> (String, Option<String>) {
    let found = doc.schema_keyword(schema_at, path);
    let keyword = found
        .keyword
        .map(|(name, value)| format!("{name}: {}", compact(value)));
    (found.pointer, keyword)
}

fn json_without_schema(doc: &Document, reporter: &mut Reporter<'_>) {
    for op in &doc.operations {
        for response in &op.responses {
            for content in &response.contents {
                if content.is_json() && content.schema.is_none() {
                    let finding = reporter.add(
                        Rule::JsonResponseWithoutSchema,
                        Some(&content.pointer),
                        format!(
                            "response {} of `{}` ({} {}) is {} but has no schema",
                            response.status, op.id, op.method, op.path, content.media_type
                        ),
                    );
                    finding.expected = Some(format!("a `schema` for {}", content.media_type));
                    finding.actual = Some("no schema".into());
                    finding.hint = Some(
                        "describe the body with a schema so clients decode it and `verify` can check it"
                            .into(),
                    );
                }
            }
        }
    }
}

/// A value as one line of JSON, cut short when long.
pub fn compact(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{cut}...")
    } else {
        text
    }
}

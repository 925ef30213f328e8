//! A minimal JUnit XML writer: the shape CI systems read (`testsuites` > `testsuite` > `testcase` with
//! `failure`, `error` or `skipped`). Nothing else about reports lives here.

/// One test case and how it ended.
pub struct TestCase {
    /// The `classname` attribute (what groups cases).
    pub classname: String,
    /// The case's name.
    pub name: String,
    /// How it ended.
    pub outcome: CaseResult,
    /// Seconds, when measured.
    pub time: Option<f64>,
}

/// How a test case ended.
pub enum CaseResult {
    /// It passed.
    Passed,
    /// It failed (`failure`).
    Failed {
        /// The `type` attribute.
        kind: String,
        /// A one-line summary.
        message: String,
        /// The full report.
        text: String,
    },
    /// It could not run (`error`).
    Errored {
        /// A one-line summary.
        message: String,
        /// The full report.
        text: String,
    },
    /// It was not run (`skipped`).
    Skipped {
        /// Why.
        message: String,
    },
}

/// A `testsuite` element.
pub struct TestSuite {
    /// Its name.
    pub name: String,
    /// Its cases, in order.
    pub cases: Vec<TestCase>,
}

/// Escapes text for an XML attribute or element.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry other control characters.
            c if c.is_control() && c != '\n' && c != '\t' && c != '\r' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn count(cases: &[TestCase], pred: fn(&CaseResult) -> bool) -> usize {
    cases.iter().filter(|c| pred(&c.outcome)).count()
}

/// The whole document.
pub fn render(name: &str, suites: &[TestSuite]) -> String {
    let all: Vec<&TestCase> = suites.iter().flat_map(|s| &s.cases).collect();
    let failures = all
        .iter()
        .filter(|c| matches!(c.outcome, CaseResult::Failed { .. }))
        .count();
    let errors = all
        .iter()
        .filter(|c| matches!(c.outcome, CaseResult::Errored { .. }))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\">\n",
        escape(name),
        all.len()
    ));
    for suite in suites {
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
            escape(&suite.name),
            suite.cases.len(),
            count(&suite.cases, |o| matches!(o, CaseResult::Failed { .. })),
            count(&suite.cases, |o| matches!(o, CaseResult::Errored { .. })),
            count(&suite.cases, |o| matches!(o, CaseResult::Skipped { .. })),
        ));
        for case in &suite.cases {
            let time = case
                .time
                .map(|t| format!(" time=\"{t:.3}\""))
                .unwrap_or_default();
            let open = format!(
                "    <testcase classname=\"{}\" name=\"{}\"{time}",
                escape(&case.classname),
                escape(&case.name)
            );
            match &case.outcome {
                CaseResult::Passed => out.push_str(&format!("{open}/>\n")),
                CaseResult::Failed {
                    kind,
                    message,
                    text,
                } => out.push_str(&format!(
                    "{open}>\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                    escape(kind),
                    escape(message),
                    escape(text)
                )),
                CaseResult::Errored { message, text } => out.push_str(&format!(
                    "{open}>\n      <error message=\"{}\">{}</error>\n    </testcase>\n",
                    escape(message),
                    escape(text)
                )),
                CaseResult::Skipped { message } => out.push_str(&format!(
                    "{open}>\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                    escape(message)
                )),
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

//! Scenarios: what a session has told the mock to answer for an operation instead of its default: a
//! documented status and example, a body of the test's own (checked against the documented schema when it
//! is set), or a sequence of them (`429, 429, 200`) served one per request, once through or round again.
//! A session's scenarios and faults are its [`SessionPlan`], kept in the store beside its state.
//!
//! A scenario can name only what the operation documents: a status it has no response for, an example it
//! does not have, or a body its schema refuses is refused when the scenario is set, with the reason.
//! `Prefer` still wins, request by request.

use std::collections::BTreeMap;

use axum::http::{HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::{Catalog, MockOperation, MockResponse};
use crate::faults::Fault;
use crate::journal::Violation;
use crate::preferences::Preferences;
use crate::select::select_response;

/// For one operation, the answers to serve in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// `spec.operationId`, or an `operationId` that one spec has (stored as `spec.operationId`).
    pub operation: String,
    /// One per request, in order.
    pub respond: Vec<Step>,
    /// After the last step, start again from the first; otherwise the operation answers as without
    /// the scenario.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub repeat: bool,
}

/// One answer: a documented status, with a named example or a body of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The status to answer with; the operation must document it.
    pub status: u16,
    /// The named example of that response to serve (else its first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// A JSON body; it must be valid against the status's documented schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// Headers sent with the documented ones, in their place where the names meet (a `Retry-After` as an
    /// HTTP date instead of the documented seconds).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
}

impl Scenario {
    /// A scenario for `operation` with no steps yet.
    pub fn new(operation: impl Into<String>) -> Scenario {
        Scenario {
            operation: operation.into(),
            respond: Vec::new(),
            repeat: false,
        }
    }

    /// Adds a step.
    pub fn then(mut self, step: Step) -> Scenario {
        self.respond.push(step);
        self
    }

    /// Serves the steps round again after the last.
    pub fn repeat(mut self) -> Scenario {
        self.repeat = true;
        self
    }

    /// The step for the `served`-th request (from 0), if the scenario still applies.
    pub fn step(&self, served: u64) -> Option<(usize, &Step)> {
        let len = self.respond.len() as u64;
        if len == 0 || (!self.repeat && served >= len) {
            return None;
        }
        let at = (served % len) as usize;
        Some((at, &self.respond[at]))
    }
}

impl Step {
    /// The documented response of `status`, with its default body.
    pub fn status(status: u16) -> Step {
        Step {
            status,
            example: None,
            body: None,
            headers: BTreeMap::new(),
        }
    }

    /// A header sent with this answer (replacing a documented one of the same name).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Step {
        self.headers.insert(name.into(), value.into());
        self
    }

    /// The named example of the status's response.
    pub fn example(mut self, name: impl Into<String>) -> Step {
        self.example = Some(name.into());
        self
    }

    /// A body of your own (JSON), checked against the documented schema.
    pub fn body(mut self, body: Value) -> Step {
        self.body = Some(body);
        self
    }

    /// The preferences that select this step's response (without a body of its own).
    pub fn preferences(&self) -> Preferences {
        Preferences {
            code: Some(self.status),
            example: self.example.clone(),
            ..Preferences::default()
        }
    }
}

/// What one session has set up: its scenarios (one per operation) and faults.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionPlan {
    /// The scenarios, one per operation.
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// The faults, in the order they were added.
    #[serde(default)]
    pub faults: Vec<Fault>,
}

impl SessionPlan {
    /// Whether it sets up nothing.
    pub fn is_empty(&self) -> bool {
        self.scenarios.is_empty() && self.faults.is_empty()
    }

    /// The scenario of the operation labelled `label`.
    pub fn scenario_of(&self, label: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.operation == label)
    }

    /// Sets `scenario`, replacing the operation's previous one.
    pub fn set_scenario(&mut self, scenario: Scenario) {
        self.scenarios.retain(|s| s.operation != scenario.operation);
        self.scenarios.push(scenario);
    }
}

/// A scenario that cannot be set, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioError {
    /// What is wrong with the scenario.
    pub message: String,
    /// For a body the documented schema refuses: each violation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<Violation>,
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        for violation in &self.violations {
            write!(
                f,
                "\n  {}: {}",
                violation.location.join("."),
                violation.message
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

fn refused(message: String) -> ScenarioError {
    ScenarioError {
        message,
        violations: Vec::new(),
    }
}

/// The operation `name` (`spec.operationId`, or an `operationId` alone when one spec has it).
pub fn find_operation<'c>(
    catalog: &'c Catalog,
    name: &str,
) -> Result<&'c MockOperation, ScenarioError> {
    if let Some(op) = catalog.operations.iter().find(|op| op.label == name) {
        return Ok(op);
    }
    let mut matching = catalog
        .operations
        .iter()
        .filter(|op| &*op.operation_id == name);
    match (matching.next(), matching.next()) {
        (Some(op), None) => Ok(op),
        (Some(first), Some(second)) => Err(refused(format!(
            "`{name}` is an operation of several specs ({} and {}); name it as spec.operationId",
            first.label, second.label
        ))),
        _ => Err(refused(format!(
            "no operation `{name}`; name one as spec.operationId (GET /__mock/routes lists them)"
        ))),
    }
}

/// Checks `scenario` against the catalog: the operation exists, and every step names a status it
/// documents, an example it has, and a body its schema accepts. Gives it back with the operation as
/// `spec.operationId`.
pub fn checked(catalog: &Catalog, mut scenario: Scenario) -> Result<Scenario, ScenarioError> {
    let op = find_operation(catalog, &scenario.operation)?;
    if scenario.respond.is_empty() {
        return Err(refused(format!(
            "the scenario for {} has no steps; give `respond` at least one status",
            op.label
        )));
    }
    for (index, step) in scenario.respond.iter().enumerate() {
        let at = format!("step {} of the scenario for {}", index + 1, op.label);
        let selected = select_response(
            op,
            &Preferences {
                code: Some(step.status),
                ..Preferences::default()
            },
        )
        .map_err(|_| {
            refused(format!(
                "{at}: the operation documents no {} response; it documents {}",
                step.status,
                documented_statuses(op)
            ))
        })?;
        check_step(step, selected.response, &at)?;
    }
    scenario.operation = op.label.clone();
    Ok(scenario)
}

/// Checks that the operation `fault` names, if any, exists.
pub fn checked_fault(catalog: &Catalog, fault: Fault) -> Result<Fault, ScenarioError> {
    if let Some(operation) = &fault.operation {
        find_operation(catalog, operation)?;
    }
    Ok(fault)
}

fn check_step(step: &Step, response: &MockResponse, at: &str) -> Result<(), ScenarioError> {
    for (name, value) in &step.headers {
        if HeaderName::from_bytes(name.as_bytes()).is_err() || HeaderValue::from_str(value).is_err()
        {
            return Err(refused(format!(
                "{at}: `{name}: {value}` cannot be sent as an HTTP header"
            )));
        }
    }
    if let Some(name) = &step.example {
        if step.body.is_some() {
            return Err(refused(format!(
                "{at}: give an example or a body, not both"
            )));
        }
        let known = response
            .contents
            .iter()
            .flat_map(|c| &c.examples)
            .any(|e| e.name.as_deref() == Some(name.as_str()));
        if !known {
            let names: Vec<&str> = response
                .contents
                .iter()
                .flat_map(|c| &c.examples)
                .filter_map(|e| e.name.as_deref())
                .collect();
            return Err(refused(format!(
                "{at}: the {} response has no example `{name}`; it has {}",
                step.status,
                if names.is_empty() {
                    "none named".to_string()
                } else {
                    names.join(", ")
                }
            )));
        }
    }
    if let Some(body) = &step.body {
        let Some(content) = response.contents.iter().find(|c| c.is_json) else {
            return Err(refused(format!(
                "{at}: the {} response has no JSON content for a body of your own",
                step.status
            )));
        };
        if let Some(validator) = &content.validator {
            let violations: Vec<Violation> = validator
                .first_violations(body, 20)
                .iter()
                .map(|v| Violation {
                    location: std::iter::once("body".to_string())
                        .chain(v.instance_pointer.split('/').skip(1).map(str::to_string))
                        .collect(),
                    code: Value::String(
                        v.schema_pointer
                            .rsplit('/')
                            .next()
                            .unwrap_or_default()
                            .to_string(),
                    ),
                    message: v.message.clone(),
                    spec: None,
                })
                .collect();
            if !violations.is_empty() {
                return Err(ScenarioError {
                    message: format!(
                        "{at}: the body is not valid against the {} response's schema ({})",
                        step.status, content.essence
                    ),
                    violations,
                });
            }
        }
    }
    Ok(())
}

/// `200, 404, default` for messages.
fn documented_statuses(op: &MockOperation) -> String {
    let statuses: Vec<String> = op.responses.iter().map(|r| r.status.to_string()).collect();
    if statuses.is_empty() {
        "none".into()
    } else {
        statuses.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_once_through_or_round_again() {
        let once = Scenario::new("a.b")
            .then(Step::status(429))
            .then(Step::status(200));
        let served: Vec<Option<u16>> = (0..3)
            .map(|n| once.step(n).map(|(_, s)| s.status))
            .collect();
        assert_eq!(served, vec![Some(429), Some(200), None]);
        let round = once.clone().repeat();
        assert_eq!(round.step(2).map(|(at, s)| (at, s.status)), Some((0, 429)));
    }

    #[test]
    fn the_json_form_reads_as_written() {
        let text = r#"{"operation":"raff.deleteBackup","respond":[{"status":429},{"status":409,"body":{"code":"x"}}],"repeat":true}"#;
        let scenario: Scenario = serde_json::from_str(text).unwrap();
        assert_eq!(
            scenario.respond[1].body,
            Some(serde_json::json!({"code": "x"}))
        );
        assert_eq!(serde_json::to_string(&scenario).unwrap(), text);
    }
}

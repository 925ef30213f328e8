//! Faults: what a slow or failing provider does, injected on a seeded schedule so that a run replays
//! exactly. A fault is latency (fixed, uniform, or a percentile profile), a status (the operation's
//! documented response of it, with its `Retry-After` and rate-limit headers, else a problem document), or a
//! transport failure (connection reset, empty reply, body cut short, slow drip). It applies to one
//! operation or to all, with a probability and at most a count of times per session.
//!
//! One text form everywhere (`--fault`, `POST /__mock/faults`, [`Fault::parse`]):
//! `KIND[=VALUE][,operation=OP][,probability=P][,count=N][,seed=S]`, for example `latency=200ms`,
//! `latency=50ms..400ms`, `latency=p50:20ms/p99:400ms`, `status=503,count=2`,
//! `reset,probability=0.1,operation=raff.deleteBackup`, `empty`, `truncate`, `drip=50ms`.
//!
//! Whether a fault fires on a request is a pure function of its seed, its place in the list and how many
//! requests of the session it has seen before ([`Fault::draw`]): the same requests in the same order give
//! the same faults, whatever the timing or the other sessions.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One fault and where and how often it applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// What it does.
    pub kind: FaultKind,
    /// `spec.operationId` or an `operationId`; `None`: every operation.
    pub operation: Option<String>,
    /// The chance that it fires on a request it applies to (1 when not given).
    pub probability: f64,
    /// It fires at most this many times per session.
    pub count: Option<u64>,
    /// Its own seed; else the server's (`--seed`).
    pub seed: Option<u64>,
}

/// What a fault does.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultKind {
    /// The answer comes this much later.
    Latency(Latency),
    /// The operation's documented response of this status, else a problem document with it.
    Status(u16),
    /// The connection is reset (TCP RST) instead of answered.
    Reset,
    /// The connection is closed with no answer at all.
    Empty,
    /// The head and half the body are sent, then the connection is closed.
    Truncate,
    /// The body is sent in 16-byte pieces, one per interval.
    Drip(Duration),
}

/// How much later.
#[derive(Debug, Clone, PartialEq)]
pub enum Latency {
    /// Always this much.
    Fixed(Duration),
    /// Evenly between the two.
    Uniform(Duration, Duration),
    /// Percentiles (`p50:20ms/p99:400ms`), sorted: a request's latency is drawn so that the given share
    /// of requests is at or under each; in between, linearly; above the last, the last.
    Profile(Vec<(f64, Duration)>),
}

/// The piece size of [`FaultKind::Drip`].
pub const DRIP_PIECE: usize = 16;

/// A fault text that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultError(pub String);

impl fmt::Display for FaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FaultError {}

/// What a fault decided for one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// How many requests of the session this fault had seen before this one.
    pub draw: u64,
    /// The latency to add, for a latency fault.
    pub delay: Duration,
}

impl Fault {
    /// A fault of this kind on every operation, every time, with the server's seed.
    pub fn new(kind: FaultKind) -> Fault {
        Fault {
            kind,
            operation: None,
            probability: 1.0,
            count: None,
            seed: None,
        }
    }

    /// Every answer `delay` later.
    pub fn latency(delay: Duration) -> Fault {
        Fault::new(FaultKind::Latency(Latency::Fixed(delay)))
    }

    /// The documented response of `status` (else a problem document with it) instead of the usual answer.
    pub fn status(status: u16) -> Fault {
        Fault::new(FaultKind::Status(status))
    }

    /// Only on this operation (`raff.deleteBackup`, or `deleteBackup` when one spec has it).
    pub fn operation(mut self, operation: impl Into<String>) -> Fault {
        self.operation = Some(operation.into());
        self
    }

    /// Fires on this share of the requests it applies to (0 to 1).
    pub fn probability(mut self, probability: f64) -> Fault {
        self.probability = probability;
        self
    }

    /// Fires at most `count` times per session.
    pub fn count(mut self, count: u64) -> Fault {
        self.count = Some(count);
        self
    }

    /// Draws from this seed instead of the server's.
    pub fn seed(mut self, seed: u64) -> Fault {
        self.seed = Some(seed);
        self
    }

    /// Reads the text form (see the module docs).
    pub fn parse(text: &str) -> Result<Fault, FaultError> {
        let mut parts = text.split(',').map(str::trim);
        let head = parts.next().unwrap_or_default();
        let (name, value) = match head.split_once('=') {
            Some((name, value)) => (name.trim(), Some(value.trim())),
            None => (head, None),
        };
        let needs = |what: &str| {
            value.ok_or_else(|| FaultError(format!("`{name}` needs a value: {name}={what}")))
        };
        let kind = match name {
            "latency" => FaultKind::Latency(parse_latency(needs("200ms")?)?),
            "status" => {
                let text = needs("503")?;
                match text.parse::<u16>() {
                    Ok(status) if (100..=599).contains(&status) => FaultKind::Status(status),
                    _ => {
                        return Err(FaultError(format!(
                            "`status` is an HTTP status from 100 to 599, not `{text}`"
                        )));
                    }
                }
            }
            "reset" | "empty" | "truncate" if value.is_some() => {
                return Err(FaultError(format!("`{name}` takes no value")));
            }
            "reset" => FaultKind::Reset,
            "empty" => FaultKind::Empty,
            "truncate" => FaultKind::Truncate,
            "drip" => FaultKind::Drip(match value {
                Some(text) => parse_duration(text)?,
                None => Duration::from_millis(100),
            }),
            "" => {
                return Err(FaultError(
                    "a fault is empty; try `latency=200ms` or `status=503`".into(),
                ));
            }
            other => {
                return Err(FaultError(format!(
                    "`{other}` is not a fault; the faults are latency=DURATION, status=CODE, reset, empty, truncate and drip=INTERVAL"
                )));
            }
        };
        let mut fault = Fault::new(kind);
        for part in parts.filter(|part| !part.is_empty()) {
            let Some((key, value)) = part.split_once('=') else {
                return Err(FaultError(format!(
                    "`{part}` is not KEY=VALUE (operation, probability, count or seed)"
                )));
            };
            let value = value.trim();
            match key.trim() {
                "operation" => fault.operation = Some(value.to_string()),
                "probability" => {
                    fault.probability = match value.parse::<f64>() {
                        Ok(p) if (0.0..=1.0).contains(&p) => p,
                        _ => {
                            return Err(FaultError(format!(
                                "`probability` is a number from 0 to 1, not `{value}`"
                            )));
                        }
                    }
                }
                "count" => {
                    fault.count = Some(value.parse().map_err(|_| {
                        FaultError(format!("`count` is a whole number, not `{value}`"))
                    })?)
                }
                "seed" => {
                    fault.seed = Some(value.parse().map_err(|_| {
                        FaultError(format!("`seed` is a whole number, not `{value}`"))
                    })?)
                }
                other => {
                    return Err(FaultError(format!(
                        "`{other}` is not a fault setting; they are operation, probability, count and seed"
                    )));
                }
            }
        }
        Ok(fault)
    }

    /// Whether the fault applies to the operation `label` (`spec.operationId`) with this `operation_id`.
    pub fn applies_to(&self, label: &str, operation_id: &str) -> bool {
        self.operation
            .as_deref()
            .is_none_or(|wanted| wanted == label || wanted == operation_id)
    }

    /// Whether the fault fires on the request that is the `seen`-th (from 0) it applies to in a session,
    /// with `seed` (the fault's own, else the server's) and `place` (its position among the faults set
    /// together). The count is checked by the caller, which knows how often it fired.
    pub fn draw(&self, seed: u64, place: usize, seen: u64) -> Option<Drawn> {
        let seed = self.seed.unwrap_or(seed);
        let bits = mix(mix(seed ^ (place as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) ^ seen);
        if unit(bits) >= self.probability {
            return None;
        }
        let delay = match &self.kind {
            FaultKind::Latency(latency) => latency.delay(unit(mix(bits))),
            _ => Duration::ZERO,
        };
        Some(Drawn { draw: seen, delay })
    }
}

impl Latency {
    /// The delay at `u` in [0, 1).
    fn delay(&self, u: f64) -> Duration {
        match self {
            Latency::Fixed(delay) => *delay,
            Latency::Uniform(low, high) => *low + (*high - *low).mul_f64(u),
            Latency::Profile(points) => {
                let mut previous = (0.0, Duration::ZERO);
                for &(share, delay) in points {
                    if u <= share {
                        let span = share - previous.0;
                        let along = if span > 0.0 {
                            (u - previous.0) / span
                        } else {
                            1.0
                        };
                        let (low, high) = (previous.1.as_secs_f64(), delay.as_secs_f64());
                        return Duration::from_secs_f64(low + (high - low) * along);
                    }
                    previous = (share, delay);
                }
                previous.1
            }
        }
    }
}

/// SplitMix64's finaliser: a well-spread 64-bit value from any.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in [0, 1) from 64 bits.
fn unit(bits: u64) -> f64 {
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

fn parse_latency(text: &str) -> Result<Latency, FaultError> {
    if let Some((low, high)) = text.split_once("..") {
        let (low, high) = (parse_duration(low)?, parse_duration(high)?);
        if high < low {
            return Err(FaultError(format!(
                "in `latency={text}` the range ends before it starts"
            )));
        }
        return Ok(Latency::Uniform(low, high));
    }
    if text.starts_with('p') {
        let mut points = Vec::new();
        for point in text.split('/') {
            let parsed = point
                .strip_prefix('p')
                .and_then(|rest| rest.split_once(':'));
            let Some((share, delay)) = parsed else {
                return Err(FaultError(format!(
                    "`{point}` is not a percentile point like p99:400ms"
                )));
            };
            let share = match share.parse::<f64>() {
                Ok(share) if share > 0.0 && share <= 100.0 => share / 100.0,
                _ => {
                    return Err(FaultError(format!(
                        "`p{share}` is not a percentile from 0 to 100"
                    )));
                }
            };
            points.push((share, parse_duration(delay)?));
        }
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        if points.windows(2).any(|w| w[1].1 < w[0].1) {
            return Err(FaultError(format!(
                "in `latency={text}` a higher percentile has a shorter latency"
            )));
        }
        return Ok(Latency::Profile(points));
    }
    Ok(Latency::Fixed(parse_duration(text)?))
}

/// `250ms`, `1.5s`, `300us`, or `0`.
pub fn parse_duration(text: &str) -> Result<Duration, FaultError> {
    let text = text.trim();
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    let (number, scale) = if let Some(n) = text.strip_suffix("ms") {
        (n, 1e-3)
    } else if let Some(n) = text.strip_suffix("us") {
        (n, 1e-6)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1.0)
    } else {
        return Err(FaultError(format!(
            "`{text}` is not a duration: give its unit, as in 200ms, 1.5s or 300us"
        )));
    };
    match number.trim().parse::<f64>() {
        Ok(n) if n >= 0.0 && (n * scale) < 3600.0 => Ok(Duration::from_secs_f64(n * scale)),
        _ => Err(FaultError(format!(
            "`{text}` is not a duration from 0 to one hour"
        ))),
    }
}

fn show_duration(delay: Duration) -> String {
    let micros = delay.as_micros();
    if micros.is_multiple_of(1000) {
        format!("{}ms", micros / 1000)
    } else {
        format!("{micros}us")
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            FaultKind::Latency(Latency::Fixed(delay)) => {
                write!(f, "latency={}", show_duration(*delay))?
            }
            FaultKind::Latency(Latency::Uniform(low, high)) => write!(
                f,
                "latency={}..{}",
                show_duration(*low),
                show_duration(*high)
            )?,
            FaultKind::Latency(Latency::Profile(points)) => {
                let shown: Vec<String> = points
                    .iter()
                    .map(|(share, delay)| format!("p{}:{}", share * 100.0, show_duration(*delay)))
                    .collect();
                write!(f, "latency={}", shown.join("/"))?
            }
            FaultKind::Status(status) => write!(f, "status={status}")?,
            FaultKind::Reset => f.write_str("reset")?,
            FaultKind::Empty => f.write_str("empty")?,
            FaultKind::Truncate => f.write_str("truncate")?,
            FaultKind::Drip(every) => write!(f, "drip={}", show_duration(*every))?,
        }
        if let Some(operation) = &self.operation {
            write!(f, ",operation={operation}")?;
        }
        if self.probability < 1.0 {
            write!(f, ",probability={}", self.probability)?;
        }
        if let Some(count) = self.count {
            write!(f, ",count={count}")?;
        }
        if let Some(seed) = self.seed {
            write!(f, ",seed={seed}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Fault {
    type Err = FaultError;

    fn from_str(text: &str) -> Result<Fault, FaultError> {
        Fault::parse(text)
    }
}

/// As its text form.
impl Serialize for Fault {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fault {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fault, D::Error> {
        let text = String::deserialize(deserializer)?;
        Fault::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A transport fault for the connection to carry out, on the response as an extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportFault {
    /// Reset the connection (TCP RST).
    Reset,
    /// Close the connection with no answer.
    Empty,
}

/// A fault that fired, as the journal records it: the fault's text, the seed it drew from, and its draw
/// (how many requests of the session it had seen before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InjectedFault {
    /// The fault, in `--fault` text form.
    pub fault: String,
    /// The seed it drew from.
    pub seed: u64,
    /// Its draw: how many requests of the session it had seen before.
    pub draw: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_back_as_written() {
        for text in [
            "latency=200ms",
            "latency=50ms..400ms,probability=0.5",
            "latency=p50:20ms/p99:400ms",
            "status=503,count=2",
            "reset,operation=raff.deleteBackup,probability=0.1,seed=7",
            "empty",
            "truncate",
            "drip=50ms",
        ] {
            let fault = Fault::parse(text).unwrap();
            assert_eq!(fault.to_string(), text);
        }
        assert_eq!(
            Fault::parse("latency=1.5s").unwrap().kind,
            FaultKind::Latency(Latency::Fixed(Duration::from_millis(1500)))
        );
    }

    #[test]
    fn bad_faults_say_what_is_wrong() {
        for (text, says) in [
            ("latency", "needs a value"),
            ("latency=200", "give its unit"),
            ("latency=400ms..100ms", "ends before it starts"),
            ("status=99", "from 100 to 599"),
            ("reset=1", "takes no value"),
            ("slow", "is not a fault"),
            ("status=503,probability=2", "from 0 to 1"),
            ("status=503,often", "KEY=VALUE"),
            ("status=503,when=now", "not a fault setting"),
            ("latency=p99:10ms/p50:20ms", "shorter latency"),
        ] {
            let error = Fault::parse(text).unwrap_err().0;
            assert!(error.contains(says), "{text}: {error}");
        }
    }

    #[test]
    fn draws_depend_on_seed_place_and_count_only() {
        let fault = Fault::status(503).probability(0.5);
        let fired = |seed: u64| -> Vec<bool> {
            (0..200)
                .map(|seen| fault.draw(seed, 0, seen).is_some())
                .collect()
        };
        assert_eq!(fired(42), fired(42));
        assert_ne!(fired(42), fired(43));
        let share = fired(42).iter().filter(|&&f| f).count();
        assert!((70..130).contains(&share), "{share} of 200 at p=0.5");
        assert!(Fault::status(503).probability(0.0).draw(1, 0, 0).is_none());
    }

    #[test]
    fn latency_profiles_follow_their_percentiles() {
        let Latency::Profile(_) = parse_latency("p50:20ms/p99:400ms").unwrap() else {
            panic!("not a profile")
        };
        let profile = parse_latency("p50:20ms/p99:400ms").unwrap();
        assert_eq!(profile.delay(0.5), Duration::from_millis(20));
        assert!(profile.delay(0.25) < Duration::from_millis(20));
        assert_eq!(profile.delay(0.995), Duration::from_millis(400));
        let uniform = parse_latency("100ms..200ms").unwrap();
        assert_eq!(uniform.delay(0.5), Duration::from_millis(150));
    }
}

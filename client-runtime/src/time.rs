//! [`OffsetTimestamp`]: a timestamp whose UTC offset is written without a colon (`2018-08-06T10:41:14+0800`,
//! Huawei Cloud's form), which is not RFC 3339 and so not `format: date-time`. A spec declares it with
//! `format: date-time-offset-hhmm` (or Huawei's own `huawei-datetime`); the generated client reads and
//! writes it as this type.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S%z";

/// A point in time with the offset it was written in, written as `yyyy-mm-ddThh:mm:ss+hhmm` and read from that
/// (or with `+hh:mm`).
/// Derefs to `chrono::DateTime<FixedOffset>`; compares as that.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OffsetTimestamp(pub DateTime<FixedOffset>);

impl OffsetTimestamp {
    /// The timestamp, with the offset it was written with.
    pub fn into_inner(self) -> DateTime<FixedOffset> {
        self.0
    }
}

impl std::ops::Deref for OffsetTimestamp {
    type Target = DateTime<FixedOffset>;

    fn deref(&self) -> &DateTime<FixedOffset> {
        &self.0
    }
}

impl From<DateTime<FixedOffset>> for OffsetTimestamp {
    fn from(time: DateTime<FixedOffset>) -> Self {
        OffsetTimestamp(time)
    }
}

impl From<&OffsetTimestamp> for OffsetTimestamp {
    fn from(time: &OffsetTimestamp) -> Self {
        *time
    }
}

impl From<OffsetTimestamp> for DateTime<FixedOffset> {
    fn from(time: OffsetTimestamp) -> Self {
        time.0
    }
}

/// Why text is not a timestamp with a `+hhmm` offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetTimestampError(String);

impl fmt::Display for OffsetTimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OffsetTimestampError {}

impl FromStr for OffsetTimestamp {
    type Err = OffsetTimestampError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_str(text, FORMAT)
            .map(OffsetTimestamp)
            .map_err(|e| {
                OffsetTimestampError(format!(
                    "`{text}` is not a time like 2018-08-06T10:41:14+0800: {e}"
                ))
            })
    }
}

impl TryFrom<&str> for OffsetTimestamp {
    type Error = OffsetTimestampError;

    fn try_from(text: &str) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl TryFrom<String> for OffsetTimestamp {
    type Error = OffsetTimestampError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

/// `2018-08-06T10:41:14+0800`
impl fmt::Display for OffsetTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(FORMAT))
    }
}

impl fmt::Debug for OffsetTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OffsetTimestamp({self})")
    }
}

impl Serialize for OffsetTimestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for OffsetTimestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_offset_without_a_colon() {
        let time: OffsetTimestamp = "2018-08-06T10:41:14+0800".parse().unwrap();
        assert_eq!(time.to_rfc3339(), "2018-08-06T10:41:14+08:00");
        assert_eq!(time.to_string(), "2018-08-06T10:41:14+0800");
        assert_eq!(
            serde_json::to_value(time).unwrap(),
            "2018-08-06T10:41:14+0800"
        );
        let back: OffsetTimestamp = serde_json::from_str("\"2018-08-06T02:41:14+0000\"").unwrap();
        assert_eq!(back, time, "the same instant");
        let with_colon: OffsetTimestamp = "2018-08-06T10:41:14+08:00".parse().unwrap();
        assert_eq!(with_colon, time, "an RFC 3339 offset is read too");
        let error = "2018-08-06 10:41:14"
            .parse::<OffsetTimestamp>()
            .unwrap_err();
        assert!(error.to_string().contains("is not a time like"), "{error}");
    }
}

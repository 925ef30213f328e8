//! Path templates (`/vps/{id}/backups/{backupId}.json`): their segments, the parameters they name, and
//! matching a concrete path segment against a templated one. The mock server routes with these, the client
//! view checks declared path parameters against them, and `verify` fills them in.

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Plain text, matched exactly.
    Literal(String),
    /// `{name}`: the whole segment.
    Param(String),
    /// A segment mixing text and parameters, such as `{id}.json` or `v{major}.{minor}`.
    Mixed(Vec<Part>),
}

/// A piece of a mixed segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Plain text, matched exactly.
    Text(String),
    /// `{name}`: a parameter's value.
    Param(String),
}

/// A parsed path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathTemplate {
    /// The segments between slashes, in order.
    pub segments: Vec<Segment>,
    /// Query parameters written into the path key itself (`/responses?beta=true`, which OpenAPI does not
    /// allow but published documents use to tell two operations of one path and method apart): each name
    /// with its value (empty when the key gives none).
    pub fixed_query: Vec<(String, String)>,
}

impl PathTemplate {
    /// Splits a template into segments and the query it fixes, if any. Empty segments (a leading, trailing
    /// or doubled slash) are ignored.
    pub fn parse(template: &str) -> PathTemplate {
        let (template, query) = template.split_once('?').unwrap_or((template, ""));
        let fixed_query = query_pairs(query)
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        let segments = split_path(template)
            .map(|segment| {
                if !segment.contains('{') {
                    return Segment::Literal(segment.to_string());
                }
                let parts = parse_parts(segment);
                match parts.as_slice() {
                    [Part::Param(name)] => Segment::Param(name.clone()),
                    _ => Segment::Mixed(parts),
                }
            })
            .collect();
        PathTemplate {
            segments,
            fixed_query,
        }
    }

    /// The names of the template's parameters, in order.
    pub fn parameter_names(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().flat_map(|segment| {
            let names: Vec<&str> = match segment {
                Segment::Literal(_) => Vec::new(),
                Segment::Param(name) => vec![name.as_str()],
                Segment::Mixed(parts) => parts
                    .iter()
                    .filter_map(|part| match part {
                        Part::Param(name) => Some(name.as_str()),
                        Part::Text(_) => None,
                    })
                    .collect(),
            };
            names
        })
    }

    /// Which segment holds parameter `name`, and which parameter of a mixed segment it is.
    pub fn position_of(&self, name: &str) -> Option<(usize, usize)> {
        self.segments
            .iter()
            .enumerate()
            .find_map(|(index, segment)| match segment {
                Segment::Param(param) if param == name => Some((index, 0)),
                Segment::Mixed(parts) => parts
                    .iter()
                    .filter(|part| matches!(part, Part::Param(_)))
                    .position(|part| matches!(part, Part::Param(param) if param == name))
                    .map(|position| (index, position)),
                _ => None,
            })
    }

    /// The template with each parameter replaced by `value(name)` (already escaped by the caller).
    pub fn fill(template: &str, mut value: impl FnMut(&str) -> String) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            out.push_str(&rest[..open]);
            out.push_str(&value(&rest[open + 1..close]));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

fn parse_parts(segment: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            parts.push(Part::Text(rest[..open].to_string()));
        }
        parts.push(Part::Param(rest[open + 1..close].to_string()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    parts
}

/// The `name=value` pairs of a query's text as written (`beta=true&stream`: `("beta", "true")`,
/// `("stream", "")`), empty pairs skipped, nothing decoded.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

/// The segments of a request path, without the empty ones a leading or trailing slash makes.
pub fn split_path(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// Matches a mixed segment against request text, returning each parameter's value in order.
/// Parameters match lazily up to the next text part; the last one takes the rest.
pub fn match_mixed<'t>(parts: &[Part], mut text: &'t str) -> Option<Vec<&'t str>> {
    let mut values = Vec::new();
    let mut index = 0;
    while index < parts.len() {
        match &parts[index] {
            Part::Text(literal) => text = text.strip_prefix(literal.as_str())?,
            Part::Param(_) => match parts.get(index + 1) {
                Some(Part::Text(next)) => {
                    let end = text.find(next.as_str()).filter(|&end| end > 0)?;
                    values.push(&text[..end]);
                    text = &text[end..];
                }
                // Two parameters in a row cannot be told apart: the first takes one character.
                Some(Part::Param(_)) => {
                    let end = text.chars().next()?.len_utf8();
                    values.push(&text[..end]);
                    text = &text[end..];
                }
                None => {
                    if text.is_empty() {
                        return None;
                    }
                    values.push(text);
                    text = "";
                }
            },
        }
        index += 1;
    }
    text.is_empty().then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_in_the_path_key_is_fixed_query_not_a_segment() {
        let t = PathTemplate::parse("/responses/{id}?beta=true&stream");
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.segments[1], Segment::Param("id".into()));
        assert_eq!(
            t.fixed_query,
            [
                ("beta".to_string(), "true".to_string()),
                ("stream".to_string(), String::new())
            ]
        );
        assert!(PathTemplate::parse("/responses").fixed_query.is_empty());
    }

    #[test]
    fn templates_name_their_parameters() {
        let t = PathTemplate::parse("/v{major}.{minor}/vps/{id}/backups/");
        assert_eq!(
            t.parameter_names().collect::<Vec<_>>(),
            ["major", "minor", "id"]
        );
        assert_eq!(t.position_of("minor"), Some((0, 1)));
        assert_eq!(t.position_of("id"), Some((2, 0)));
        assert_eq!(t.segments.len(), 4);
    }

    #[test]
    fn mixed_segments_match_and_extract() {
        let parts = parse_parts("v{major}.{minor}");
        assert_eq!(match_mixed(&parts, "v1.2"), Some(vec!["1", "2"]));
        assert_eq!(match_mixed(&parts, "v1"), None);
        assert_eq!(match_mixed(&parse_parts("{id}.json"), ".json"), None);
    }

    #[test]
    fn filling_a_template() {
        assert_eq!(
            PathTemplate::fill("/a/{x}/b{y}", |name| name.to_uppercase()),
            "/a/X/bY"
        );
    }
}

//! Where a JSON pointer of a document is written in its source text, as line and column.
//!
//! [`Document`](crate::Document) keeps a document as a JSON tree, and messages name places in it by JSON
//! pointer. A [`SourceMap`] reads the same text once more, as a stream of YAML parser events with their
//! positions (JSON is YAML flow style, so `.json` files read the same way), and remembers where every
//! mapping key and sequence item starts. It only locates: it never builds values, and knows nothing of
//! OpenAPI.
//!
//! A mapping entry is located at its key (`operationId:` of `/paths/~1a/get/operationId`), a sequence item
//! at the start of the item. Pointers that reach through an alias (`*name`, `<<: *name`), or that name
//! something not written at all (a missing required property), are located at the nearest enclosing part
//! that is written: see [`SourceMap::locate_nearest`].

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

use crate::Location;
use crate::pointer;

/// The position of every mapping key and sequence item of one YAML or JSON text, by JSON pointer.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    positions: HashMap<String, Location>,
}

enum Frame {
    Mapping {
        /// The key whose value comes next, once the key has been read.
        key: Option<String>,
    },
    Sequence {
        next_index: usize,
    },
}

impl SourceMap {
    /// Reads `text` (YAML, or JSON). `None` when the text does not parse: its error is
    /// [`Document::load`](crate::Document::load)'s to report.
    pub fn parse(text: &str) -> Option<SourceMap> {
        // Text nested too deep is refused by the load; the parser would take minutes over it first.
        crate::depth::check_nesting(text, false).ok()?;
        let mut positions = HashMap::new();
        // The pointer of the container each frame stands for.
        let mut stack: Vec<(Frame, String)> = Vec::new();
        let mut root_seen = false;
        for event in Parser::new_from_str(text) {
            let (event, span) = event.ok()?;
            match event {
                Event::StreamEnd | Event::DocumentEnd if root_seen => break,
                Event::Scalar(..) | Event::Alias(_) => {
                    if let Some(key_text) = scalar_text(&event)
                        && let Some((Frame::Mapping { key: key @ None }, at)) = stack.last_mut()
                    {
                        let entry = pointer::join(at, &key_text);
                        positions.entry(entry).or_insert_with(|| location(span));
                        *key = Some(key_text);
                        continue;
                    }
                    value_pointer(&mut stack, &mut root_seen, span, &mut positions);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    // A mapping or sequence used as a key has no pointer; its children land under `?`.
                    let at = match stack.last_mut() {
                        Some((Frame::Mapping { key: key @ None }, at)) => {
                            *key = Some("?".into());
                            pointer::join(at, "?")
                        }
                        _ => value_pointer(&mut stack, &mut root_seen, span, &mut positions),
                    };
                    let frame = if matches!(event, Event::MappingStart(..)) {
                        Frame::Mapping { key: None }
                    } else {
                        Frame::Sequence { next_index: 0 }
                    };
                    stack.push((frame, at));
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        Some(SourceMap { positions })
    }

    /// Where the part at `pointer` is written, if it is written there (not reached through an alias).
    pub fn locate(&self, pointer: &str) -> Option<Location> {
        self.positions.get(pointer).copied()
    }

    /// Where the part at `pointer` is written, or else its nearest enclosing part that is: the location,
    /// with the pointer it belongs to.
    pub fn locate_nearest(&self, pointer: &str) -> Option<(Location, String)> {
        let mut current = pointer.to_string();
        loop {
            if let Some(found) = self.locate(&current) {
                return Some((found, current));
            }
            if current.is_empty() {
                return None;
            }
            let cut = current.rfind('/').unwrap_or(0);
            current.truncate(cut);
        }
    }
}

/// The line and column of `pointer` in `text`, or of its nearest enclosing part that is written.
pub fn locate(text: &str, pointer: &str) -> Option<Location> {
    SourceMap::parse(text)?
        .locate_nearest(pointer)
        .map(|(location, _)| location)
}

fn scalar_text(event: &Event<'_>) -> Option<String> {
    match event {
        Event::Scalar(text, ..) => Some(text.to_string()),
        _ => None,
    }
}

fn location(span: Span) -> Location {
    Location::new(span.start.line(), span.start.col() + 1)
}

/// Records a value node: the root, a sequence item (located here), or a mapping value (located at its key,
/// already recorded). Returns the value's pointer.
fn value_pointer(
    stack: &mut [(Frame, String)],
    root_seen: &mut bool,
    span: Span,
    positions: &mut HashMap<String, Location>,
) -> String {
    match stack.last_mut() {
        None => {
            *root_seen = true;
            positions
                .entry(String::new())
                .or_insert_with(|| location(span));
            String::new()
        }
        Some((Frame::Sequence { next_index }, at)) => {
            let item = format!("{at}/{next_index}");
            *next_index += 1;
            positions
                .entry(item.clone())
                .or_insert_with(|| location(span));
            item
        }
        Some((Frame::Mapping { key }, at)) => {
            let key = key.take().unwrap_or_default();
            pointer::join(at, &key)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, pointer: &str) -> Option<(u32, u32)> {
        SourceMap::parse(text)
            .expect("parses")
            .locate(pointer)
            .map(|l| (l.line, l.column))
    }

    const YAML: &str = "\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - name: id
          in: path
        - {name: q, in: query}
      responses:
        200:
          description: |
            block text
            over lines
        '404': {description: gone}
      tags: [a, b]
";

    #[test]
    fn block_mapping_entries_are_located_at_their_keys() {
        assert_eq!(at(YAML, ""), Some((1, 1)));
        assert_eq!(at(YAML, "/openapi"), Some((1, 1)));
        assert_eq!(at(YAML, "/paths/~1things~1{id}"), Some((4, 3)));
        assert_eq!(
            at(YAML, "/paths/~1things~1{id}/get/operationId"),
            Some((6, 7))
        );
    }

    #[test]
    fn sequence_items_are_located_at_their_start() {
        assert_eq!(
            at(YAML, "/paths/~1things~1{id}/get/parameters/0"),
            Some((8, 11))
        );
        assert_eq!(
            at(YAML, "/paths/~1things~1{id}/get/parameters/0/in"),
            Some((9, 11))
        );
        assert_eq!(
            at(YAML, "/paths/~1things~1{id}/get/parameters/1"),
            Some((10, 11))
        );
        assert_eq!(
            at(YAML, "/paths/~1things~1{id}/get/parameters/1/in"),
            Some((10, 21))
        );
        assert_eq!(at(YAML, "/paths/~1things~1{id}/get/tags/1"), Some((17, 17)));
    }

    #[test]
    fn flow_style_quoted_and_integer_keys_are_located() {
        assert_eq!(at(YAML, "/info/version"), Some((2, 18)));
        assert_eq!(
            at(YAML, "/paths/~1things~1{id}/get/responses/200"),
            Some((12, 9))
        );
        assert_eq!(
            at(YAML, "/paths/~1things~1{id}/get/responses/404/description"),
            Some((16, 17))
        );
        // Entries after a block scalar are still in step.
        assert_eq!(at(YAML, "/paths/~1things~1{id}/get/tags"), Some((17, 7)));
    }

    #[test]
    fn json_text_is_read_as_flow_yaml() {
        let json = "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\n    \"/a\": {\"get\": {\"operationId\": \"x\"}}\n  },\n  \"list\": [1, {\"k\": 2}]\n}\n";
        assert_eq!(at(json, "/openapi"), Some((2, 3)));
        assert_eq!(at(json, "/paths/~1a/get/operationId"), Some((4, 20)));
        assert_eq!(at(json, "/list/1/k"), Some((6, 16)));
    }

    #[test]
    fn missing_parts_fall_back_to_the_nearest_written_parent() {
        let map = SourceMap::parse(YAML).unwrap();
        assert_eq!(map.locate("/paths/~1things~1{id}/get/requestBody"), None);
        let (location, found) = map
            .locate_nearest("/paths/~1things~1{id}/get/requestBody/content")
            .unwrap();
        assert_eq!(found, "/paths/~1things~1{id}/get");
        assert_eq!((location.line, location.column), (5, 5));
    }

    #[test]
    fn aliases_and_text_that_does_not_parse() {
        let text = "a: &x {b: 1}\nc: *x\n";
        assert_eq!(at(text, "/c"), Some((2, 1)));
        assert_eq!(at(text, "/a/b"), Some((1, 8)));
        assert_eq!(at(text, "/c/b"), None, "reached through an alias");
        assert!(SourceMap::parse("a: [1, 2\nb: }").is_none());
    }
}

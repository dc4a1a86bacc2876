//! Where each value of a YAML or JSON document sits, so that problems found after parsing
//! (an unknown id, a CIDR outside its VPC) can still name a line and a column.
//!
//! serde gives positions only for what it rejects itself; the integrity checks work on typed
//! values and report document paths such as `components[3].segment`. This index maps those
//! paths back to the file. JSON is read by the same YAML parser, since JSON is YAML's flow style.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScanError};

use crate::Location;

/// The positions of a document's keys and values, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    values: HashMap<String, Location>,
    keys: HashMap<String, Location>,
}

enum Frame {
    Mapping { path: String, key: Option<String> },
    Sequence { path: String, next_index: usize },
}

impl SpanIndex {
    /// Indexes a document; a syntax error comes back with its position.
    pub fn build(text: &str) -> Result<Self, (String, Location)> {
        let mut index = SpanIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(syntax_error)?;
            let location = Location {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Mapping { path, key }) = stack.last_mut()
                        && key.is_none()
                    {
                        let key_path = join(path, &value);
                        index.keys.insert(key_path, location);
                        *key = Some(value.into_owned());
                        continue;
                    }
                    if let Some(path) = next_value_path(&mut stack) {
                        index.values.insert(path, location);
                    }
                }
                Event::Alias(_) => {
                    if let Some(path) = next_value_path(&mut stack) {
                        index.values.insert(path, location);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = next_value_path(&mut stack).unwrap_or_default();
                    index.values.insert(path.clone(), location);
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Mapping { path, key: None }
                    } else {
                        Frame::Sequence {
                            path,
                            next_index: 0,
                        }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::StreamStart
                | Event::StreamEnd
                | Event::DocumentStart(_)
                | Event::DocumentEnd
                | Event::Nothing => {}
            }
        }
        Ok(index)
    }

    /// The position of the value at a path, or of the nearest enclosing value that has one.
    pub fn value(&self, path: &str) -> Option<Location> {
        let mut current = path;
        loop {
            if let Some(location) = self.values.get(current) {
                return Some(*location);
            }
            current = parent_path(current)?;
        }
    }

    /// The position of the key that introduces a path (`components[0].kind` → `kind:`), falling
    /// back to the value's position.
    pub fn key(&self, path: &str) -> Option<Location> {
        self.keys.get(path).copied().or_else(|| self.value(path))
    }
}

/// The path of the value that the next event fills, advancing the enclosing frame.
fn next_value_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut()? {
        Frame::Mapping { path, key } => key.take().map(|key| join(path, &key)),
        Frame::Sequence { path, next_index } => {
            let item = format!("{path}[{next_index}]");
            *next_index += 1;
            Some(item)
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The path one level up: `a.b[2].c` → `a.b[2]` → `a.b` → `a` → none.
fn parent_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

fn syntax_error(error: ScanError) -> (String, Location) {
    let marker = error.marker();
    (
        format!("syntax error: {}", error.info()),
        Location {
            line: marker.line(),
            column: marker.col() + 1,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let text = "name: x\ncomponents:\n  - id: a\n    kind: rds\n  - id: b\n";
        let index = SpanIndex::build(text).unwrap();
        assert_eq!(
            index.value("components[0].kind"),
            Some(Location {
                line: 4,
                column: 11
            })
        );
        assert_eq!(
            index.key("components[0].kind"),
            Some(Location { line: 4, column: 5 })
        );
        assert_eq!(
            index.value("components[1].id"),
            Some(Location { line: 5, column: 9 })
        );
        assert_eq!(
            index.value("components[1].missing"),
            index.value("components[1]")
        );
    }

    #[test]
    fn reads_json() {
        let text = "{\n  \"name\": \"x\",\n  \"flows\": [{\"id\": \"f\"}]\n}\n";
        let index = SpanIndex::build(text).unwrap();
        assert_eq!(
            index.value("flows[0].id"),
            Some(Location {
                line: 3,
                column: 20
            })
        );
    }
}

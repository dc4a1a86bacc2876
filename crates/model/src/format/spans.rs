//! Where each value of a YAML or JSON document sits, so that problems found after parsing
//! (an unknown id, a CIDR outside its VPC) can still name a line and a column.
//!
//! serde gives positions only for what it rejects itself; the integrity checks work on typed
//! values and report document paths such as `components[3].segment`. This index maps those
//! paths back to the file. JSON is read by the same YAML parser, since JSON is YAML's flow style.
//!
//! The index is built before serde sees the text, so it is also where hostile input is stopped:
//! nesting deeper than [`MAX_DEPTH`], aliases that would expand past
//! [`MAX_ALIAS_EXPANSION_CHARS`], and duplicate keys are refused here with their position. Each
//! node stores one step of its path (a key or an index) and its parent, never the whole path,
//! so the index grows with the text and not with the text times its depth.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScanError};

use crate::Location;

/// Deepest nesting of collections a design may have. A design nests at most seven levels
/// (`layout` → `nodes` → id → box, or a policy statement's condition); 64 leaves room for
/// hand-written files while keeping serde's recursion and this index's stack small.
pub const MAX_DEPTH: usize = 64;

/// Most characters that YAML aliases may add to a design in total. The app never writes
/// aliases; a hand-written design may share a few property blocks. serde expands every alias
/// into owned values, so an anchored megabyte string aliased a thousand times would otherwise
/// become gigabytes (the "billion laughs" attack); 4 Mi characters keeps the expanded design
/// within a few hundred megabytes at worst.
pub const MAX_ALIAS_EXPANSION_CHARS: usize = 4 * 1024 * 1024;

/// What an alias to a node costs beyond its characters: the values serde builds for it, so
/// that aliasing tiny anchors (`&a []`) many times is charged too.
const NODE_COST: usize = 16;

/// One step of a document path: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Step {
    Key(String),
    Index(usize),
}

/// One value of the document: where it is, and where the key that introduces it is.
#[derive(Debug, Clone, Copy)]
struct Node {
    value: Location,
    key: Option<Location>,
}

/// The positions of a document's keys and values, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    nodes: Vec<Node>,
    /// A node's child by step, keyed by the parent's index.
    children: HashMap<(usize, Step), usize>,
}

/// The collection being read, with what the next event fills.
struct Frame {
    node: usize,
    kind: FrameKind,
    /// Characters that aliases inside this collection expanded to, so that an anchor on the
    /// collection is charged what it really stands for.
    expanded: usize,
    anchor: Option<(usize, usize)>,
}

enum FrameKind {
    /// A mapping; `key` is the key read and awaiting its value.
    Mapping {
        key: Option<(Step, Location)>,
    },
    Sequence {
        next_index: usize,
    },
}

/// A problem that stops the index (and so the load) with its message and position.
type Refusal = (String, Location);

impl SpanIndex {
    /// Indexes a document; a syntax error, nesting past [`MAX_DEPTH`], an alias expansion past
    /// [`MAX_ALIAS_EXPANSION_CHARS`] or a duplicate key comes back with its position.
    pub fn build(text: &str) -> Result<Self, Refusal> {
        Builder::default().run(text)
    }

    /// The position of the value at a path, or of the nearest enclosing value that has one.
    pub fn value(&self, path: &str) -> Option<Location> {
        let (node, _) = self.deepest(path)?;
        Some(self.nodes[node].value)
    }

    /// The position of the key that introduces a path (`components[0].kind` → `kind:`), falling
    /// back to the value's position.
    pub fn key(&self, path: &str) -> Option<Location> {
        let (node, exact) = self.deepest(path)?;
        let found = self.nodes[node];
        Some(if exact {
            found.key.unwrap_or(found.value)
        } else {
            found.value
        })
    }

    /// The deepest node along a path, and whether it is the path's own node.
    fn deepest(&self, path: &str) -> Option<(usize, bool)> {
        if self.nodes.is_empty() {
            return None;
        }
        let mut current = 0;
        for step in steps(path) {
            match self.children.get(&(current, step)) {
                Some(&child) => current = child,
                None => return Some((current, false)),
            }
        }
        Some((current, true))
    }
}

/// The steps of a path such as `a.b[2].c`: `a`, `b`, `2`, `c`. serde_path_to_error writes
/// `.` for the whole document.
fn steps(path: &str) -> impl Iterator<Item = Step> + '_ {
    path.split('.')
        .filter(|part| !part.is_empty())
        .flat_map(|part| {
            let mut pieces = part.split('[');
            let name = pieces.next().unwrap_or("");
            let key = (!name.is_empty()).then(|| Step::Key(name.to_owned()));
            let indexes = pieces.map(|piece| {
                piece
                    .trim_end_matches(']')
                    .parse()
                    .map_or_else(|_| Step::Key(piece.to_owned()), Step::Index)
            });
            key.into_iter().chain(indexes)
        })
}

#[derive(Default)]
struct Builder {
    index: SpanIndex,
    stack: Vec<Frame>,
    /// What each anchor expands to, in characters (with [`NODE_COST`] per alias).
    anchors: HashMap<usize, usize>,
    expanded: usize,
}

impl Builder {
    fn run(mut self, text: &str) -> Result<SpanIndex, Refusal> {
        let mut parser = Parser::new_from_str(text);
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(syntax_error)?;
            let location = Location {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            match event {
                Event::Scalar(value, _, anchor, _) => {
                    if anchor != 0 {
                        self.anchors
                            .insert(anchor, value.chars().count().saturating_add(NODE_COST));
                    }
                    if let Some(frame) = self.awaiting_key() {
                        let step = Step::Key(value.into_owned());
                        self.set_key(frame, step, location)?;
                        continue;
                    }
                    self.add_value(location)?;
                }
                Event::Alias(anchor) => {
                    let cost = self.anchors.get(&anchor).copied().unwrap_or(NODE_COST);
                    self.expanded = self.expanded.saturating_add(cost);
                    if self.expanded > MAX_ALIAS_EXPANSION_CHARS {
                        return Err((
                            format!(
                                "YAML aliases expand to more than {MAX_ALIAS_EXPANSION_CHARS} \
                                 characters; refusing to expand further"
                            ),
                            location,
                        ));
                    }
                    if let Some(frame) = self.stack.last_mut() {
                        frame.expanded = frame.expanded.saturating_add(cost);
                    }
                    if let Some(frame) = self.awaiting_key() {
                        // The key's text is the anchor's; it cannot be looked up by path.
                        let step = Step::Key(format!("*{anchor}"));
                        self.set_key(frame, step, location)?;
                        continue;
                    }
                    self.add_value(location)?;
                }
                Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                    if self.awaiting_key().is_some() {
                        return Err(("a mapping key must be plain text".to_owned(), location));
                    }
                    if self.stack.len() >= MAX_DEPTH {
                        return Err((
                            format!("values nest deeper than the limit of {MAX_DEPTH} levels"),
                            location,
                        ));
                    }
                    let node = self.add_value(location)?;
                    let kind = if matches!(event, Event::MappingStart(..)) {
                        FrameKind::Mapping { key: None }
                    } else {
                        FrameKind::Sequence { next_index: 0 }
                    };
                    self.stack.push(Frame {
                        node,
                        kind,
                        expanded: 0,
                        anchor: (anchor != 0).then(|| (anchor, span.start.index())),
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let frame = self.stack.pop().expect("the parser balances collections");
                    if let Some((anchor, start)) = frame.anchor {
                        let own = span.end.index().saturating_sub(start);
                        let cost = own.saturating_add(frame.expanded).saturating_add(NODE_COST);
                        self.anchors.insert(anchor, cost);
                    }
                    if let Some(parent) = self.stack.last_mut() {
                        parent.expanded = parent.expanded.saturating_add(frame.expanded);
                    }
                }
                Event::StreamStart
                | Event::StreamEnd
                | Event::DocumentStart(_)
                | Event::DocumentEnd
                | Event::Nothing => {}
            }
        }
        Ok(self.index)
    }

    /// The index of the innermost frame when it is a mapping waiting for a key.
    fn awaiting_key(&self) -> Option<usize> {
        match self.stack.last() {
            Some(Frame {
                kind: FrameKind::Mapping { key: None },
                ..
            }) => Some(self.stack.len() - 1),
            _ => None,
        }
    }

    /// Records a mapping key, refusing one the mapping already has.
    fn set_key(&mut self, frame: usize, step: Step, location: Location) -> Result<(), Refusal> {
        let parent = self.stack[frame].node;
        if let Some(&first) = self.index.children.get(&(parent, step.clone())) {
            let first = self.index.nodes[first]
                .key
                .unwrap_or(self.index.nodes[first].value);
            let Step::Key(name) = step else {
                unreachable!("mapping steps are keys")
            };
            return Err((
                format!(
                    "duplicate key `{name}` (first written at line {}, column {})",
                    first.line, first.column
                ),
                location,
            ));
        }
        if let FrameKind::Mapping { key } = &mut self.stack[frame].kind {
            *key = Some((step, location));
        }
        Ok(())
    }

    /// Adds the value the next event fills in the innermost collection (or the root) and
    /// returns its node.
    fn add_value(&mut self, location: Location) -> Result<usize, Refusal> {
        let node = self.index.nodes.len();
        let (parent, step, key) = match self.stack.last_mut() {
            None => {
                if node > 0 {
                    return Err((
                        "the file holds more than one YAML document; a design is one document"
                            .to_owned(),
                        location,
                    ));
                }
                self.index.nodes.push(Node {
                    value: location,
                    key: None,
                });
                return Ok(node);
            }
            Some(frame) => match &mut frame.kind {
                FrameKind::Mapping { key } => {
                    let (step, key_location) = key.take().expect("a key precedes its value");
                    (frame.node, step, Some(key_location))
                }
                FrameKind::Sequence { next_index } => {
                    let step = Step::Index(*next_index);
                    *next_index += 1;
                    (frame.node, step, None)
                }
            },
        };
        self.index.nodes.push(Node {
            value: location,
            key,
        });
        self.index.children.insert((parent, step), node);
        Ok(node)
    }
}

fn syntax_error(error: ScanError) -> Refusal {
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

    #[test]
    fn refuses_deep_nesting_where_it_passes_the_limit() {
        let text = "- ".repeat(100_000);
        let (message, location) = SpanIndex::build(&text).unwrap_err();
        assert!(message.contains("nest deeper"), "{message}");
        assert_eq!(location.line, 1);
        assert_eq!(location.column, 2 * MAX_DEPTH + 1);
    }

    #[test]
    fn refuses_alias_expansion_by_size() {
        let anchored = "x".repeat(100_000);
        let mut text = format!("a: &big {anchored}\nb: [");
        text.push_str(&"*big, ".repeat(100));
        text.push_str("*big]\n");
        let (message, location) = SpanIndex::build(&text).unwrap_err();
        assert!(message.contains("aliases expand"), "{message}");
        assert_eq!(location.line, 2);
    }

    #[test]
    fn charges_aliases_inside_anchors() {
        // Each level doubles what the last anchor stands for; ten levels of a short string.
        let mut text = "l0: &l0 [\"0123456789012345678901234567890123456789\"]\n".to_owned();
        for level in 1..40 {
            let previous = level - 1;
            text.push_str(&format!(
                "l{level}: &l{level} [*l{previous}, *l{previous}]\n"
            ));
        }
        let (message, _) = SpanIndex::build(&text).unwrap_err();
        assert!(message.contains("aliases expand"), "{message}");
    }

    #[test]
    fn locates_duplicate_keys() {
        let text = "name: a\nsegments: []\nname: b\n";
        let (message, location) = SpanIndex::build(text).unwrap_err();
        assert_eq!(
            message,
            "duplicate key `name` (first written at line 1, column 1)"
        );
        assert_eq!(location, Location { line: 3, column: 1 });
    }
}

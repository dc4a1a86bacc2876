//! YAML templates, read through saphyr's event parser so that every value keeps its line and
//! column, with CloudFormation's short-form tags turned into intrinsic functions and any other
//! tag kept as written.
//!
//! Plain scalars resolve the way CloudFormation reads them (YAML 1.1 booleans such as `yes` and
//! `ON` included); numbers are recognised in JSON's grammar, and other YAML number spellings
//! (`0x1F`, `1_000`) stay text, so that nothing can change meaning when written out as JSON.

use std::collections::HashMap;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Tag};

use super::flow_indent::{self, Reindented};
use super::{Budget, Limits, finish_mapping, intrinsic_at, value_cost};
use crate::error::{Error, Result};
use crate::value::{Function, Location, Number, Value, ValueKind};

/// The handle saphyr gives the YAML core schema's `!!` tags.
const CORE_SCHEMA_HANDLE: &str = "tag:yaml.org,2002:";

pub(super) fn parse(text: &str, origin: &str, limits: &Limits, budget: &Budget) -> Result<Value> {
    let error = match parse_as_written(text, origin, limits, budget, None) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    // Flow collections whose continuation lines sit no deeper than their key are refused by
    // YAML 1.2 but deployed by CloudFormation: read them re-indented, with the columns of the
    // text as written. Any other failure, or a re-indented text that still fails, is reported
    // as the text as written failed.
    if !matches!(error, Error::Syntax { .. }) {
        return Err(error);
    }
    // The moved text is held to the size limit of the template it stands for.
    let Some(reindented) = flow_indent::reindent(text, limits.max_bytes) else {
        return Err(error);
    };
    parse_as_written(&reindented.text, origin, limits, budget, Some(&reindented)).map_err(|_| error)
}

/// Parses `text`; when it is a re-indented copy, locations are given in the original text.
fn parse_as_written(
    text: &str,
    origin: &str,
    limits: &Limits,
    budget: &Budget,
    reindented: Option<&Reindented>,
) -> Result<Value> {
    let mut builder = Builder {
        origin,
        limits,
        budget,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
    };
    let located = |marker: &Marker| {
        let column = reindented.map_or(marker.col(), |reindented| {
            reindented.column(marker.line(), marker.col())
        });
        location_of(marker.line(), column)
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|error| Error::Syntax {
            origin: origin.to_owned(),
            location: located(error.marker()),
            message: error.info().to_owned(),
        })?;
        builder.on_event(event, located(&span.start))?;
    }
    builder.root.ok_or_else(|| Error::Structure {
        origin: origin.to_owned(),
        location: Location::new(1, 1),
        message: "the template is empty".to_owned(),
    })
}

/// A one-based location from saphyr's one-based line and zero-based column.
fn location_of(line: usize, column: usize) -> Location {
    let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Location::new(clamp(line), clamp(column + 1))
}

enum Collection {
    List(Vec<Value>),
    Map {
        entries: Vec<(String, Location, Value)>,
        pending_key: Option<(String, Location)>,
    },
}

struct Frame {
    collection: Collection,
    location: Location,
    anchor: usize,
    tag: Option<Tag>,
}

struct Anchored {
    value: Value,
    cost: usize,
    depth: usize,
}

struct Builder<'a> {
    origin: &'a str,
    limits: &'a Limits,
    budget: &'a Budget,
    stack: Vec<Frame>,
    /// Each anchor's value, with what copying it costs and how deep it nests, measured once.
    anchors: HashMap<usize, Anchored>,
    root: Option<Value>,
    documents: usize,
}

impl Builder<'_> {
    fn on_event(&mut self, event: Event<'_>, location: Location) -> Result<()> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(self.structure(
                        location,
                        "the file holds more than one YAML document; a template is one document",
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if self.expecting_key() {
                    self.set_key(text.into_owned(), location);
                    return Ok(());
                }
                let value = self.scalar(&text, style, tag.as_deref(), location);
                self.complete(value, anchor)?;
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(Collection::List(Vec::new()), location, anchor, tag)?;
            }
            Event::MappingStart(anchor, tag) => {
                let collection = Collection::Map {
                    entries: Vec::new(),
                    pending_key: None,
                };
                self.open(collection, location, anchor, tag)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = self.stack.pop().expect("the parser balances collections");
                let value = match frame.collection {
                    Collection::List(items) => Value::at(ValueKind::List(items), frame.location),
                    Collection::Map { entries, .. } => {
                        finish_mapping(entries, frame.location, self.origin)?
                    }
                };
                let value = apply_tag(value, frame.tag.as_ref(), frame.location);
                self.complete(value, frame.anchor)?;
            }
            Event::Alias(anchor) => {
                let value = self.expand_alias(anchor, location)?;
                if self.expecting_key() {
                    let key = scalar_text(&value).ok_or_else(|| {
                        self.structure(location, "a mapping key must be plain text")
                    })?;
                    self.set_key(key, location);
                } else {
                    self.complete(value, 0)?;
                }
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    fn open(
        &mut self,
        collection: Collection,
        location: Location,
        anchor: usize,
        tag: Option<std::borrow::Cow<'_, Tag>>,
    ) -> Result<()> {
        if self.expecting_key() {
            return Err(self.structure(location, "a mapping key must be plain text"));
        }
        if self.stack.len() >= self.limits.max_depth {
            return Err(Error::TooDeep {
                origin: self.origin.to_owned(),
                location,
                limit: self.limits.max_depth,
            });
        }
        self.stack.push(Frame {
            collection,
            location,
            anchor,
            tag: tag.map(std::borrow::Cow::into_owned),
        });
        Ok(())
    }

    fn expecting_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                collection: Collection::Map {
                    pending_key: None,
                    ..
                },
                ..
            })
        )
    }

    fn set_key(&mut self, key: String, location: Location) {
        if let Some(Frame {
            collection: Collection::Map { pending_key, .. },
            ..
        }) = self.stack.last_mut()
        {
            *pending_key = Some((key, location));
        }
    }

    /// Hands a finished value to the collection that holds it, remembering it under its anchor.
    fn complete(&mut self, value: Value, anchor: usize) -> Result<()> {
        if anchor != 0 {
            // The copy kept for the anchor is charged too: anchors nested in anchors would
            // otherwise keep a copy of the same large value per level.
            let cost = value_cost(&value);
            if !self.budget.charge(cost, self.origin, value.location()) {
                self.budget.check()?;
            }
            let anchored = Anchored {
                cost,
                depth: value.depth(),
                value: value.clone(),
            };
            self.anchors.insert(anchor, anchored);
        }
        match self.stack.last_mut() {
            None => self.root = Some(value),
            Some(frame) => match &mut frame.collection {
                Collection::List(items) => items.push(value),
                Collection::Map {
                    entries,
                    pending_key,
                } => {
                    let (key, key_location) = pending_key.take().expect("a key precedes its value");
                    entries.push((key, key_location, value));
                }
            },
        }
        Ok(())
    }

    /// The value an alias stands for, charged against the load's budget before it is copied.
    fn expand_alias(&mut self, anchor: usize, location: Location) -> Result<Value> {
        let anchored = self
            .anchors
            .get(&anchor)
            .ok_or_else(|| self.structure(location, "an alias refers to an unknown anchor"))?;
        if !self
            .budget
            .charge(anchored.cost, self.origin, Some(location))
        {
            self.budget.check()?;
        }
        if self.stack.len() + anchored.depth > self.limits.max_depth {
            return Err(Error::TooDeep {
                origin: self.origin.to_owned(),
                location,
                limit: self.limits.max_depth,
            });
        }
        Ok(anchored.value.clone())
    }

    fn scalar(
        &self,
        text: &str,
        style: ScalarStyle,
        tag: Option<&Tag>,
        location: Location,
    ) -> Value {
        let Some(tag) = tag else {
            return Value::at(resolve_untagged(text, style), location);
        };
        if tag.handle == "!"
            && let Some(function) = Function::from_short_tag(&tag.suffix)
        {
            let argument = if takes_name(&function) {
                Value::at(ValueKind::String(text.to_owned().into()), location)
            } else {
                Value::at(resolve_untagged(text, style), location)
            };
            return intrinsic_at(function, argument, location);
        }
        if tag.handle == CORE_SCHEMA_HANDLE {
            let kind = match tag.suffix.as_str() {
                "str" => Some(ValueKind::String(text.to_owned().into())),
                "int" | "float" => Number::parse(text).map(ValueKind::Number),
                "bool" | "null" => Some(resolve_untagged(text, ScalarStyle::Plain)),
                _ => None,
            };
            if let Some(kind) = kind {
                return Value::at(kind, location);
            }
        }
        let value = Value::at(ValueKind::String(text.to_owned().into()), location);
        Value::at(
            ValueKind::Tagged {
                tag: tag_text(tag),
                value: Box::new(value),
            },
            location,
        )
    }

    fn structure(&self, location: Location, message: &str) -> Error {
        Error::Structure {
            origin: self.origin.to_owned(),
            location,
            message: message.to_owned(),
        }
    }
}

/// Functions whose scalar argument is always a name or a text, never a number or boolean.
pub(crate) fn takes_name(function: &Function) -> bool {
    matches!(
        function,
        Function::Ref
            | Function::Condition
            | Function::GetAtt
            | Function::Sub
            | Function::ImportValue
            | Function::GetAZs
    )
}

/// Applies a collection's tag: a CloudFormation short form becomes its function, the core
/// schema's own collection tags change nothing, and any other tag is kept.
fn apply_tag(value: Value, tag: Option<&Tag>, location: Location) -> Value {
    let Some(tag) = tag else {
        return value;
    };
    if tag.handle == "!"
        && let Some(function) = Function::from_short_tag(&tag.suffix)
    {
        return intrinsic_at(function, value, location);
    }
    if tag.handle == CORE_SCHEMA_HANDLE && matches!(tag.suffix.as_str(), "map" | "seq") {
        return value;
    }
    Value::at(
        ValueKind::Tagged {
            tag: tag_text(tag),
            value: Box::new(value),
        },
        location,
    )
}

/// A tag as it would be written: `!Local`, `!!core`, or the verbatim `!<uri>` for any other.
fn tag_text(tag: &Tag) -> String {
    match tag.handle.as_str() {
        "!" => format!("!{}", tag.suffix),
        CORE_SCHEMA_HANDLE => format!("!!{}", tag.suffix),
        handle => format!("!<{handle}{}>", tag.suffix),
    }
}

/// What an untagged scalar means to CloudFormation.
fn resolve_untagged(text: &str, style: ScalarStyle) -> ValueKind {
    if style != ScalarStyle::Plain {
        return ValueKind::String(text.to_owned().into());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => ValueKind::Null,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => {
            ValueKind::Bool(true)
        }
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => {
            ValueKind::Bool(false)
        }
        _ => {
            let unsigned = text.strip_prefix('+').unwrap_or(text);
            match Number::parse(unsigned) {
                Some(number) if !unsigned.starts_with('-') || unsigned == text => {
                    ValueKind::Number(number)
                }
                _ => ValueKind::String(text.to_owned().into()),
            }
        }
    }
}

/// The text of a scalar value used as a mapping key through an alias.
fn scalar_text(value: &Value) -> Option<String> {
    match &value.kind {
        ValueKind::String(text) => Some(text.to_string()),
        ValueKind::Number(number) => Some(number.to_string()),
        ValueKind::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

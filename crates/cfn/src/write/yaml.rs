//! The YAML writer: block style throughout, CloudFormation's short-form tags where YAML allows
//! them, and the long form where it does not (a node carries one tag, so a function whose
//! argument is itself a tagged function is written as `Fn::Name: !Inner ...`).

use super::scalar::{StringStyle, double_quoted, single_quoted, style_for};
use crate::value::{Function, Intrinsic, Map, Value, ValueKind};

const INDENT: usize = 2;

pub(super) fn document(value: &Value) -> String {
    let mut writer = Writer { out: String::new() };
    match &value.kind {
        ValueKind::Map(map) if !map.is_empty() => writer.entries(map, 0, false),
        ValueKind::List(items) if !items.is_empty() => writer.items(items, 0, false),
        _ => {
            writer.value(value, 0, Slot::ListItem);
        }
    }
    writer.out
}

/// Where a value is being written: after `key:` or after `- `.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    MapValue,
    ListItem,
}

struct Writer {
    out: String,
}

impl Writer {
    fn indent(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    /// Mapping entries at `indent`; the first starts on the current line when `first_inline`.
    fn entries(&mut self, map: &Map, indent: usize, first_inline: bool) {
        for (index, (key, value)) in map.iter().enumerate() {
            if index > 0 || !first_inline {
                self.indent(indent);
            }
            let written = written_key(key);
            if needs_explicit_key(key, &written) {
                // YAML limits implicit keys to one line of at most 1024 characters as written
                // (escapes included); longer keys take the explicit `? key` / `: value` form.
                self.out.push_str("? ");
                self.out.push_str(&double_quoted(key));
                self.out.push('\n');
                self.indent(indent);
            } else {
                self.out.push_str(&written);
            }
            self.out.push(':');
            self.value(value, indent + INDENT, Slot::MapValue);
        }
    }

    fn items(&mut self, items: &[Value], indent: usize, first_inline: bool) {
        for (index, item) in items.iter().enumerate() {
            if index > 0 || !first_inline {
                self.indent(indent);
            }
            self.out.push_str("- ");
            self.value(item, indent + INDENT, Slot::ListItem);
        }
    }

    /// Writes a value after its `key:` or `- `; nested content goes at `indent`.
    fn value(&mut self, value: &Value, indent: usize, slot: Slot) {
        let space = if slot == Slot::MapValue { " " } else { "" };
        match &value.kind {
            ValueKind::Map(map) if map.is_empty() => self.line(space, "{}"),
            ValueKind::List(items) if items.is_empty() => self.line(space, "[]"),
            ValueKind::Map(map) => {
                if slot == Slot::MapValue {
                    self.out.push('\n');
                    self.entries(map, indent, false);
                } else {
                    self.entries(map, indent, true);
                }
            }
            ValueKind::List(items) => {
                if slot == Slot::MapValue {
                    self.out.push('\n');
                    self.items(items, indent, false);
                } else {
                    self.items(items, indent, true);
                }
            }
            ValueKind::Intrinsic(intrinsic) => self.intrinsic(intrinsic, indent, slot),
            ValueKind::Tagged { tag, value: inner } => {
                if is_tagged(inner) {
                    let long_form =
                        Map::from([(super::tag_key(tag).to_owned(), (**inner).clone())]);
                    self.value(&Value::from(long_form), indent, slot);
                } else {
                    self.out.push_str(space);
                    self.out.push_str(tag);
                    self.tagged_content(inner, indent);
                }
            }
            scalar => {
                self.out.push_str(space);
                self.scalar(scalar, indent);
                self.out.push('\n');
            }
        }
    }

    fn line(&mut self, space: &str, text: &str) {
        self.out.push_str(space);
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn intrinsic(&mut self, intrinsic: &Intrinsic, indent: usize, slot: Slot) {
        let short_tag = intrinsic.function.short_tag();
        let (Some(tag), false) = (short_tag, is_tagged(&intrinsic.argument)) else {
            let key = intrinsic.function.key().to_owned();
            let long_form = Map::from([(key, intrinsic.argument.clone())]);
            self.value(&Value::from(long_form), indent, slot);
            return;
        };
        if slot == Slot::MapValue {
            self.out.push(' ');
        }
        self.out.push('!');
        self.out.push_str(tag);
        if intrinsic.function == Function::GetAtt
            && let Some((resource, attribute)) = dotted_get_att(&intrinsic.argument)
        {
            self.out.push(' ');
            self.out.push_str(&resource);
            self.out.push('.');
            self.out.push_str(attribute);
            self.out.push('\n');
            return;
        }
        self.tagged_content(&intrinsic.argument, indent);
    }

    /// The content after a tag: a scalar on the same line, a collection on the lines below.
    fn tagged_content(&mut self, content: &Value, indent: usize) {
        match &content.kind {
            ValueKind::Map(map) if !map.is_empty() => {
                self.out.push('\n');
                self.entries(map, indent, false);
            }
            ValueKind::List(items) if !items.is_empty() => {
                self.out.push('\n');
                self.items(items, indent, false);
            }
            _ => self.value(content, indent, Slot::MapValue),
        }
    }

    fn scalar(&mut self, kind: &ValueKind, indent: usize) {
        match kind {
            ValueKind::Null => self.out.push_str("null"),
            ValueKind::Bool(flag) => self.out.push_str(if *flag { "true" } else { "false" }),
            ValueKind::Number(number) => self.out.push_str(number.as_str()),
            ValueKind::String(text) => self.string(text, indent),
            _ => unreachable!("collections and tags are written by `value`"),
        }
    }

    fn string(&mut self, text: &str, indent: usize) {
        match style_for(text) {
            StringStyle::Plain => self.out.push_str(text),
            StringStyle::SingleQuoted => self.out.push_str(&single_quoted(text)),
            StringStyle::DoubleQuoted => self.out.push_str(&double_quoted(text)),
            StringStyle::Literal { keep_final_newline } => {
                self.out
                    .push_str(if keep_final_newline { "|" } else { "|-" });
                let body = text.strip_suffix('\n').unwrap_or(text);
                for line in body.split('\n') {
                    self.out.push('\n');
                    if !line.is_empty() {
                        self.indent(indent);
                        self.out.push_str(line);
                    }
                }
            }
        }
    }
}

/// Whether a key cannot be an implicit key: too long, or more than one line.
/// A mapping key as an implicit key writes it: plain where YAML allows, else quoted.
fn written_key(key: &str) -> String {
    match style_for(key) {
        StringStyle::Plain => key.to_owned(),
        StringStyle::SingleQuoted => single_quoted(key),
        StringStyle::Literal { .. } | StringStyle::DoubleQuoted => double_quoted(key),
    }
}

/// Whether a key must be written in the explicit form: it spans lines, or its written form is
/// too near YAML's 1024-character limit on implicit keys (which counts the `:` and any
/// indicator that follows).
fn needs_explicit_key(key: &str, written: &str) -> bool {
    written.chars().count() > 1000 || key.contains('\n')
}

/// Whether a value carries a YAML tag of its own when written in short form.
fn is_tagged(value: &Value) -> bool {
    match &value.kind {
        ValueKind::Tagged { .. } => true,
        ValueKind::Intrinsic(intrinsic) => intrinsic.function.short_tag().is_some(),
        _ => false,
    }
}

/// `resource` and `attribute` of a `GetAtt` that reads back unchanged as `!GetAtt resource.attribute`.
fn dotted_get_att(argument: &Value) -> Option<(String, &str)> {
    let [resource, attribute] = argument.as_list()? else {
        return None;
    };
    let (resource, attribute) = (resource.as_str()?, attribute.as_str()?);
    let dotted = format!("{resource}.{attribute}");
    let reads_back = !resource.is_empty()
        && !resource.contains('.')
        && !attribute.is_empty()
        && !super::needs_quotes(&dotted);
    reads_back.then(|| (resource.to_owned(), attribute))
}

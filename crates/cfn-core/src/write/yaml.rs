//! The YAML writer: block style throughout, CloudFormation's short-form tags where YAML allows
//! them, and the long form where it does not (a node carries one tag, so a function whose
//! argument is itself a tagged function is written as `Fn::Name: !Inner ...`).

use super::scalar::{StringStyle, double_quoted, single_quoted, style_for};
use crate::template::layout::Layout;
use crate::value::{Function, Intrinsic, Value, ValueKind};

const INDENT: usize = 2;

pub(super) fn document(layout: &Layout) -> String {
    let mut writer = Writer { out: String::new() };
    layout.write_yaml(&mut writer, 0, Slot::Document);
    writer.out
}

/// Where a value is being written: as the whole document, after `key:` or after `- `.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Document,
    MapValue,
    ListItem,
}

/// Something the YAML writer writes.
trait Yaml {
    /// Writes the node after its `key:` or `- `; nested content goes at `indent`.
    fn write_yaml(&self, writer: &mut Writer, indent: usize, slot: Slot);
}

impl Yaml for str {
    fn write_yaml(&self, writer: &mut Writer, indent: usize, slot: Slot) {
        writer.space(slot);
        writer.string(self, indent);
        writer.out.push('\n');
    }
}

impl Yaml for Value {
    fn write_yaml(&self, writer: &mut Writer, indent: usize, slot: Slot) {
        writer.value(self, indent, slot);
    }
}

impl Yaml for Layout<'_> {
    fn write_yaml(&self, writer: &mut Writer, indent: usize, slot: Slot) {
        match self {
            Layout::Value(value) => writer.value(value, indent, slot),
            Layout::Text(text) => text.write_yaml(writer, indent, slot),
            Layout::Texts(texts) => {
                writer.sequence(texts.iter().map(String::as_str), indent, slot);
            }
            Layout::Map(map, _) => {
                let entries = map.iter().map(|(key, value)| (key.as_str(), value));
                writer.mapping(entries, indent, slot);
            }
            Layout::Fields(fields, _) => {
                let entries = fields.iter().map(|(key, field)| (*key, field));
                writer.mapping(entries, indent, slot);
            }
        }
    }
}

struct Writer {
    out: String,
}

impl Writer {
    fn indent(&mut self, indent: usize) {
        super::push_spaces(|spaces| self.out.push_str(spaces), indent);
    }

    /// The space between `key:` and a value on the same line.
    fn space(&mut self, slot: Slot) {
        if slot == Slot::MapValue {
            self.out.push(' ');
        }
    }

    /// A mapping: `{}` when empty; after `key:`, its entries on the lines below; after `- `,
    /// its first entry on the same line.
    fn mapping<'a, N: Yaml + ?Sized + 'a>(
        &mut self,
        entries: impl Iterator<Item = (&'a str, &'a N)>,
        indent: usize,
        slot: Slot,
    ) {
        let mut entries = entries.peekable();
        if entries.peek().is_none() {
            self.space(slot);
            self.out.push_str("{}\n");
            return;
        }
        if slot == Slot::MapValue {
            self.out.push('\n');
        }
        for (index, (key, value)) in entries.enumerate() {
            if index > 0 || slot != Slot::ListItem {
                self.indent(indent);
            }
            self.key(key, indent);
            self.out.push(':');
            value.write_yaml(self, indent + INDENT, Slot::MapValue);
        }
    }

    /// A sequence, laid out as [`Writer::mapping`] lays out a mapping.
    fn sequence<'a, N: Yaml + ?Sized + 'a>(
        &mut self,
        items: impl Iterator<Item = &'a N>,
        indent: usize,
        slot: Slot,
    ) {
        let mut items = items.peekable();
        if items.peek().is_none() {
            self.space(slot);
            self.out.push_str("[]\n");
            return;
        }
        if slot == Slot::MapValue {
            self.out.push('\n');
        }
        for (index, item) in items.enumerate() {
            if index > 0 || slot != Slot::ListItem {
                self.indent(indent);
            }
            self.out.push_str("- ");
            item.write_yaml(self, indent + INDENT, Slot::ListItem);
        }
    }

    /// A mapping key: plain where YAML allows, else quoted. YAML limits implicit keys to one
    /// line of at most 1024 characters as written (escapes included, and counting the `:` and
    /// any indicator that follows); a key that spans lines or comes near that limit takes the
    /// explicit `? key` / `: value` form.
    fn key(&mut self, key: &str, indent: usize) {
        let quoted;
        let style = style_for(key);
        let written = match style {
            StringStyle::Plain => key,
            StringStyle::SingleQuoted => {
                quoted = single_quoted(key);
                &quoted
            }
            StringStyle::Literal { .. } | StringStyle::DoubleQuoted => {
                quoted = double_quoted(key);
                &quoted
            }
        };
        let too_long = written.len() > 1000 && written.chars().count() > 1000;
        // A plain key has no line break: `needs_quotes` refuses every control character.
        let multi_line = style != StringStyle::Plain && key.contains('\n');
        if too_long || multi_line {
            self.out.push_str("? ");
            self.out.push_str(&double_quoted(key));
            self.out.push('\n');
            self.indent(indent);
        } else {
            self.out.push_str(written);
        }
    }

    fn value(&mut self, value: &Value, indent: usize, slot: Slot) {
        match &value.kind {
            ValueKind::Map(map) => {
                let entries = map.iter().map(|(key, value)| (key.as_str(), value));
                self.mapping(entries, indent, slot);
            }
            ValueKind::List(items) => self.sequence(items.iter(), indent, slot),
            ValueKind::Intrinsic(intrinsic) => self.intrinsic(intrinsic, indent, slot),
            ValueKind::Tagged { tag, value: inner } => {
                if is_tagged(inner) {
                    let long_form = (super::tag_key(tag), &**inner);
                    self.mapping(std::iter::once(long_form), indent, slot);
                } else {
                    self.space(slot);
                    self.out.push_str(tag);
                    self.value(inner, indent, Slot::MapValue);
                }
            }
            scalar => {
                self.space(slot);
                self.scalar(scalar, indent);
                self.out.push('\n');
            }
        }
    }

    fn intrinsic(&mut self, intrinsic: &Intrinsic, indent: usize, slot: Slot) {
        let short_tag = intrinsic.function.short_tag();
        let long_form_needed = is_tagged(&intrinsic.argument) || scalar_read_as_name(intrinsic);
        let (Some(tag), false) = (short_tag, long_form_needed) else {
            let long_form = (intrinsic.function.key(), &intrinsic.argument);
            self.mapping(std::iter::once(long_form), indent, slot);
            return;
        };
        self.space(slot);
        self.out.push('!');
        self.out.push_str(tag);
        if intrinsic.function == Function::GetAtt
            && let Some((resource, attribute)) = dotted_get_att(&intrinsic.argument)
        {
            self.out.push(' ');
            self.out.push_str(resource);
            self.out.push('.');
            self.out.push_str(attribute);
            self.out.push('\n');
            return;
        }
        // After a tag, a scalar stays on the same line and a collection goes on the lines below.
        self.value(&intrinsic.argument, indent, Slot::MapValue);
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

/// Whether the short form would read back a different argument: after the tag of a function
/// that takes a name, YAML reads any scalar as text, so `{"Ref": null}` written `!Ref null`
/// would come back as a reference to something named `null`.
fn scalar_read_as_name(intrinsic: &Intrinsic) -> bool {
    crate::parse::takes_name(&intrinsic.function)
        && matches!(
            intrinsic.argument.kind,
            ValueKind::Null | ValueKind::Bool(_) | ValueKind::Number(_)
        )
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
fn dotted_get_att(argument: &Value) -> Option<(&str, &str)> {
    let [resource, attribute] = argument.as_list()? else {
        return None;
    };
    let (resource, attribute) = (resource.as_str()?, attribute.as_str()?);
    let reads_back = !resource.is_empty()
        && !resource.contains('.')
        && !attribute.is_empty()
        && !super::needs_quotes(&format!("{resource}.{attribute}"));
    reads_back.then_some((resource, attribute))
}

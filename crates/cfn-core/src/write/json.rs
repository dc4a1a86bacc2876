//! The JSON writer: two-space indentation, keys in the template's order, numbers exactly as
//! read, intrinsic functions in their long form, and kept YAML tags in the key form their tools
//! use in JSON (`!Rain::Embed x` becomes `{"Rain::Embed": x}`).

use crate::template::layout::Layout;
use crate::value::{Value, ValueKind};

pub(super) fn document(layout: &Layout) -> String {
    let mut out = String::new();
    layout.write_json(&mut out, 0);
    out.push('\n');
    out
}

/// The length in bytes of [`document`]'s text, found without writing it.
pub(super) fn document_size(layout: &Layout) -> usize {
    let mut count = ByteCount(0);
    layout.write_json(&mut count, 0);
    count.0 + 1
}

/// The bytes one entry of the Resources mapping takes: the separator before it, its line
/// (indented two levels, as the mapping sits in the document's top-level one), its quoted name,
/// and the resource written at that depth.
pub(super) fn resource_entry_size(logical_id: &str, resource: &Layout) -> usize {
    const DEPTH: usize = 2;
    let mut count = ByteCount(0);
    count.push(',');
    newline(&mut count, DEPTH);
    write_string(&mut count, logical_id);
    count.push_str(": ");
    resource.write_json(&mut count, DEPTH);
    count.0
}

/// Where the writer writes: a string, or a count of bytes when only the size is wanted.
trait Sink {
    fn push(&mut self, c: char);
    fn push_str(&mut self, text: &str);
}

impl Sink for String {
    fn push(&mut self, c: char) {
        String::push(self, c);
    }

    fn push_str(&mut self, text: &str) {
        String::push_str(self, text);
    }
}

struct ByteCount(usize);

impl Sink for ByteCount {
    fn push(&mut self, c: char) {
        self.0 += c.len_utf8();
    }

    fn push_str(&mut self, text: &str) {
        self.0 += text.len();
    }
}

/// Something the JSON writer writes.
trait Json {
    fn write_json(&self, out: &mut impl Sink, indent: usize);
}

impl Json for str {
    fn write_json(&self, out: &mut impl Sink, _indent: usize) {
        write_string(out, self);
    }
}

impl Json for Value {
    fn write_json(&self, out: &mut impl Sink, indent: usize) {
        match &self.kind {
            ValueKind::Null => out.push_str("null"),
            ValueKind::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
            ValueKind::Number(number) => out.push_str(number.as_str()),
            ValueKind::String(text) => write_string(out, text),
            ValueKind::List(items) => write_array(out, items.iter(), indent),
            ValueKind::Map(map) => {
                let entries = map.iter().map(|(key, value)| (key.as_str(), value));
                write_object(out, entries, indent);
            }
            ValueKind::Intrinsic(intrinsic) => {
                let entry = (intrinsic.function.key(), &intrinsic.argument);
                write_object(out, std::iter::once(entry), indent);
            }
            ValueKind::Tagged { tag, value } => {
                let entry = (super::tag_key(tag), &**value);
                write_object(out, std::iter::once(entry), indent);
            }
        }
    }
}

impl Json for Layout<'_> {
    fn write_json(&self, out: &mut impl Sink, indent: usize) {
        match self {
            Layout::Value(value) => value.write_json(out, indent),
            Layout::Text(text) => write_string(out, text),
            Layout::Texts(texts) => write_array(out, texts.iter().map(String::as_str), indent),
            Layout::Map(map, _) => {
                let entries = map.iter().map(|(key, value)| (key.as_str(), value));
                write_object(out, entries, indent);
            }
            Layout::Fields(fields, _) => {
                let entries = fields.iter().map(|(key, field)| (*key, field));
                write_object(out, entries, indent);
            }
        }
    }
}

fn write_array<'a, N: Json + ?Sized + 'a>(
    out: &mut impl Sink,
    items: impl Iterator<Item = &'a N>,
    indent: usize,
) {
    let mut empty = true;
    for item in items {
        out.push(if empty { '[' } else { ',' });
        empty = false;
        newline(out, indent + 1);
        item.write_json(out, indent + 1);
    }
    if empty {
        out.push_str("[]");
    } else {
        newline(out, indent);
        out.push(']');
    }
}

fn write_object<'a, N: Json + ?Sized + 'a>(
    out: &mut impl Sink,
    entries: impl Iterator<Item = (&'a str, &'a N)>,
    indent: usize,
) {
    let mut empty = true;
    for (key, value) in entries {
        out.push(if empty { '{' } else { ',' });
        empty = false;
        newline(out, indent + 1);
        write_string(out, key);
        out.push_str(": ");
        value.write_json(out, indent + 1);
    }
    if empty {
        out.push_str("{}");
    } else {
        newline(out, indent);
        out.push('}');
    }
}

fn newline(out: &mut impl Sink, indent: usize) {
    out.push('\n');
    super::push_spaces(|spaces| out.push_str(spaces), indent * 2);
}

/// A JSON string: the text between quotes, copied in runs between the characters that need an
/// escape (all of which are ASCII, so each run ends on a character boundary).
fn write_string(out: &mut impl Sink, text: &str) {
    out.push('"');
    if !needs_escape(text.as_bytes()) {
        out.push_str(text);
        out.push('"');
        return;
    }
    let mut run_start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..0x20 => "",
            _ => continue,
        };
        out.push_str(&text[run_start..index]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{byte:04x}"));
        } else {
            out.push_str(escape);
        }
        run_start = index + 1;
    }
    out.push_str(&text[run_start..]);
    out.push('"');
}

/// Whether any byte of a string needs an escape in JSON: a quote, a backslash or a control
/// character. Almost no template string does, so this check runs first; it looks at every byte
/// without stopping early, in fixed-size chunks, which the compiler turns into vector compares.
fn needs_escape(bytes: &[u8]) -> bool {
    const CHUNK: usize = 32;
    let is_special = |byte: u8| byte < 0x20 || byte == b'"' || byte == b'\\';
    let mut chunks = bytes.chunks_exact(CHUNK);
    let in_chunks = chunks.by_ref().any(|chunk| {
        chunk
            .iter()
            .fold(false, |found, &byte| found | is_special(byte))
    });
    in_chunks || chunks.remainder().iter().any(|&byte| is_special(byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escape check works in chunks; a character that needs an escape is found in any
    /// chunk and in the remainder, at every position.
    #[test]
    fn a_character_needing_an_escape_is_escaped_at_every_position() {
        for special in ['"', '\\', '\n', '\u{1}'] {
            for length in 0..80 {
                for position in 0..=length {
                    let mut text = "a".repeat(length);
                    text.insert(position, special);
                    let mut written = String::new();
                    write_string(&mut written, &text);
                    let expected = serde_json::to_string(&text).expect("serialises");
                    assert_eq!(written, expected, "{text:?}");
                }
            }
        }
        let mut plain = String::new();
        write_string(&mut plain, &"é".repeat(40));
        assert_eq!(plain, format!("\"{}\"", "é".repeat(40)));
    }
}

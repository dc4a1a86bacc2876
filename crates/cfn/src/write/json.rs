//! The JSON writer: two-space indentation, keys in the template's order, numbers exactly as
//! read, intrinsic functions in their long form, and kept YAML tags in the key form their tools
//! use in JSON (`!Rain::Embed x` becomes `{"Rain::Embed": x}`).

use crate::value::{Value, ValueKind};

pub(super) fn document(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out.push('\n');
    out
}

fn write_value(out: &mut String, value: &Value, indent: usize) {
    match &value.kind {
        ValueKind::Null => out.push_str("null"),
        ValueKind::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        ValueKind::Number(number) => out.push_str(number.as_str()),
        ValueKind::String(text) => write_string(out, text),
        ValueKind::List(items) if items.is_empty() => out.push_str("[]"),
        ValueKind::List(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                newline(out, indent + 1);
                write_value(out, item, indent + 1);
            }
            newline(out, indent);
            out.push(']');
        }
        ValueKind::Map(map) if map.is_empty() => out.push_str("{}"),
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

fn write_object<'a>(
    out: &mut String,
    entries: impl Iterator<Item = (&'a str, &'a Value)>,
    indent: usize,
) {
    out.push('{');
    for (index, (key, value)) in entries.enumerate() {
        if index > 0 {
            out.push(',');
        }
        newline(out, indent + 1);
        write_string(out, key);
        out.push_str(": ");
        write_value(out, value, indent + 1);
    }
    newline(out, indent);
    out.push('}');
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', indent * 2));
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

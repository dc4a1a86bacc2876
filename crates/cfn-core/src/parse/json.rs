//! JSON templates, read by a small recursive-descent parser that records the line and column of
//! every value (serde_json keeps none) and stops at the nesting limit before the stack can.

use std::cell::Cell;

use super::{Limits, finish_mapping};
use crate::error::{Error, Result};
use crate::value::{Location, Number, Value, ValueKind};

pub(super) fn parse(text: &str, origin: &str, limits: &Limits) -> Result<Value> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        position: 0,
        line: 1,
        line_start: 0,
        column_cache: Cell::new((0, 0)),
        origin,
        limits,
    };
    if text.starts_with('\u{feff}') {
        reader.position = '\u{feff}'.len_utf8();
        reader.line_start = reader.position;
    }
    reader.skip_whitespace();
    if reader.position == reader.bytes.len() {
        return Err(reader.error("the template is empty"));
    }
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.position != reader.bytes.len() {
        return Err(reader.error("unexpected text after the end of the JSON document"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    position: usize,
    line: u32,
    line_start: usize,
    /// A position on the current line and its column (in characters, from 0), so that each
    /// location counts characters only from the last one: on a minified template, one line of
    /// megabytes, counting from the line's start every time would take quadratic time.
    column_cache: Cell<(usize, usize)>,
    origin: &'a str,
    limits: &'a Limits,
}

impl Reader<'_> {
    fn location(&self) -> Location {
        let (cached_at, cached_column) = self.column_cache.get();
        let (from, base) = if (self.line_start..=self.position).contains(&cached_at) {
            (cached_at, cached_column)
        } else {
            (self.line_start, 0)
        };
        let column = base + self.text[from..self.position].chars().count();
        self.column_cache.set((self.position, column));
        Location::new(self.line, u32::try_from(column + 1).unwrap_or(u32::MAX))
    }

    fn error(&self, message: &str) -> Error {
        Error::Syntax {
            origin: self.origin.to_owned(),
            location: self.location(),
            message: message.to_owned(),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(&byte) = self.bytes.get(self.position) {
            match byte {
                b' ' | b'\t' | b'\r' => self.position += 1,
                b'\n' => {
                    self.position += 1;
                    self.line += 1;
                    self.line_start = self.position;
                }
                _ => break,
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<()> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.position += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected {what}")))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value> {
        self.skip_whitespace();
        let location = self.location();
        match self.peek() {
            Some(b'{') => self.object(depth, location),
            Some(b'[') => self.array(depth, location),
            Some(b'"') => Ok(Value::at(
                ValueKind::String(self.string()?.into()),
                location,
            )),
            Some(b't') => self.literal("true", ValueKind::Bool(true), location),
            Some(b'f') => self.literal("false", ValueKind::Bool(false), location),
            Some(b'n') => self.literal("null", ValueKind::Null, location),
            Some(b'-' | b'0'..=b'9') => self.number(location),
            Some(_) => Err(self.error("expected a JSON value")),
            None => Err(self.error("unexpected end of input, expected a JSON value")),
        }
    }

    fn enter(&self, depth: usize, location: Location) -> Result<()> {
        if depth >= self.limits.max_depth {
            return Err(Error::TooDeep {
                origin: self.origin.to_owned(),
                location,
                limit: self.limits.max_depth,
            });
        }
        Ok(())
    }

    fn object(&mut self, depth: usize, location: Location) -> Result<Value> {
        self.enter(depth, location)?;
        self.position += 1;
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.position += 1;
            return finish_mapping(entries, location, self.origin);
        }
        loop {
            self.skip_whitespace();
            let key_location = self.location();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a quoted key"));
            }
            let key = self.string()?;
            self.expect(b':', "`:` after the key")?;
            let value = self.value(depth + 1)?;
            entries.push((key, key_location, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b'}') => {
                    self.position += 1;
                    return finish_mapping(entries, location, self.origin);
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize, location: Location) -> Result<Value> {
        self.enter(depth, location)?;
        self.position += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.position += 1;
            return Ok(Value::at(ValueKind::List(items), location));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b']') => {
                    self.position += 1;
                    return Ok(Value::at(ValueKind::List(items), location));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn literal(&mut self, word: &str, kind: ValueKind, location: Location) -> Result<Value> {
        if self.bytes[self.position..].starts_with(word.as_bytes()) {
            self.position += word.len();
            Ok(Value::at(kind, location))
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn number(&mut self, location: Location) -> Result<Value> {
        let start = self.position;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.position += 1;
        }
        let text = &self.text[start..self.position];
        match Number::parse(text) {
            Some(number) => Ok(Value::at(ValueKind::Number(number), location)),
            None => {
                self.position = start;
                Err(self.error(&format!("`{text}` is not a JSON number")))
            }
        }
    }

    /// Reads a quoted string, the reader standing on its opening quote.
    fn string(&mut self) -> Result<String> {
        self.position += 1;
        let mut text = String::new();
        loop {
            let run_start = self.position;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.position += 1;
            }
            text.push_str(&self.text[run_start..self.position]);
            match self.peek() {
                Some(b'"') => {
                    self.position += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.position += 1;
                    self.escape(&mut text)?;
                }
                Some(_) => return Err(self.error("control character inside a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    fn escape(&mut self, text: &mut String) -> Result<()> {
        let Some(byte) = self.peek() else {
            return Err(self.error("unterminated string"));
        };
        self.position += 1;
        let decoded = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                if (0xD800..0xDC00).contains(&high) {
                    if !self.bytes[self.position..].starts_with(b"\\u") {
                        return Err(self.error("unpaired surrogate in a \\u escape"));
                    }
                    self.position += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("unpaired surrogate in a \\u escape"));
                    }
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    char::from_u32(combined).ok_or_else(|| self.error("invalid \\u escape"))?
                } else {
                    char::from_u32(high).ok_or_else(|| self.error("invalid \\u escape"))?
                }
            }
            _ => {
                self.position -= 1;
                return Err(self.error("invalid escape in a string"));
            }
        };
        text.push(decoded);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .text
            .get(self.position..self.position + 4)
            .ok_or_else(|| self.error("a \\u escape needs four hex digits"))?;
        if !digits.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return Err(self.error("a \\u escape needs four hex digits"));
        }
        let code = u32::from_str_radix(digits, 16)
            .map_err(|_| self.error("a \\u escape needs four hex digits"))?;
        self.position += 4;
        Ok(code)
    }
}

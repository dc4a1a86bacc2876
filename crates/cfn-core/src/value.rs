//! The located value tree: every value of a template, with the intrinsic functions recognised
//! and the line and column it was written at, so that errors and findings point into the file.

use std::borrow::Cow;
use std::fmt;

/// A line and column in a template, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

impl Location {
    /// A location from a 1-based line and column.
    pub fn new(line: u32, column: u32) -> Self {
        Self { line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where a value was written, when it was read from a file; values built in code have none.
///
/// Where something was written is not part of what it says: two templates are equal when they
/// say the same thing, wherever they say it. Comparison therefore ignores the mark, which is what
/// lets `parse(write(template)) == template` hold although the writer lays values out anew.
///
/// It takes 8 bytes, not the 12 of an `Option<Location>`, so that a value fits 64 bytes: a line
/// is never 0 in a file, so 0 stands for "none".
#[derive(Clone, Copy, Default)]
pub struct SourceMark {
    line: u32,
    column: u32,
}

impl SourceMark {
    /// The mark of a value written at `location`, or of one built in code (`None`).
    pub fn new(location: Option<Location>) -> Self {
        location.map_or_else(Self::default, |location| Self {
            line: location.line,
            column: location.column,
        })
    }

    /// Where the value was written, if it was read from a file.
    pub fn location(self) -> Option<Location> {
        (self.line != 0).then(|| Location::new(self.line, self.column))
    }
}

impl fmt::Debug for SourceMark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SourceMark").field(&self.location()).finish()
    }
}

impl PartialEq for SourceMark {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

pub use crate::map::Map;

/// How the keys of large mappings and of a template's sections are hashed: with foldhash, under
/// a seed drawn at random once per process, so that keys crafted to collide need a seed nobody
/// outside the process knows. The seed is shared, so a map holds no hashing state of its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyHashing;

impl std::hash::BuildHasher for KeyHashing {
    type Hasher = foldhash::fast::FoldHasher<'static>;

    fn build_hasher(&self) -> Self::Hasher {
        foldhash::fast::FoldHasher::with_seed(0, foldhash::SharedSeed::global_random())
    }
}

/// The text of a mapping key or a string value. Most of what an exported template says is text
/// the program holds itself (`Type`, `Properties`, `Effect`, `Allow`, `tcp`, `2012-10-17`, ...),
/// which a `Text` borrows instead of copying each time into an allocation of its own; text read
/// from a file or made from the design owns its content. It hashes and compares as its text, so
/// a map is looked up by `&str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&'static str> for Text {
    fn from(text: &'static str) -> Self {
        Self(Cow::Borrowed(text))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Self(Cow::Owned(text))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Self(Cow::Owned(text.clone()))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.into_string()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A template value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub mark: SourceMark,
}

/// What a value is.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    Null,
    Bool(bool),
    Number(Number),
    String(Text),
    List(Vec<Value>),
    Map(Map),
    /// `Ref`, `Condition` or an `Fn::` function, from either its long or its short form.
    Intrinsic(Box<Intrinsic>),
    /// A YAML tag that is not a CloudFormation function, such as `!Rain::Embed`, kept as written
    /// so that a template passes through unchanged.
    Tagged {
        tag: String,
        value: Box<Value>,
    },
}

/// A number, kept as its JSON text so that `1.50` stays `1.50` and large integers stay exact.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Number(String);

impl Number {
    /// The number written as `text`, if `text` is a JSON number.
    pub fn parse(text: &str) -> Option<Self> {
        is_json_number(text).then(|| Self(text.to_owned()))
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as an integer, if it is one.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The number as a float.
    pub fn as_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Self {
        Self(value.to_string())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `text` follows the JSON number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
pub(crate) fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    if bytes.first() == Some(&b'-') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let integer_start = i;
    let integer_digits = digits(&mut i);
    if integer_digits == 0 || (integer_digits > 1 && bytes[integer_start] == b'0') {
        return false;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == bytes.len()
}

/// An intrinsic function and its argument, as CloudFormation's long form `{"Fn::Name": argument}`.
///
/// The argument is kept as written (after normalising `!GetAtt A.B` to `[A, B]`), so nothing a
/// template says is lost even where the argument has a shape this crate does not interpret.
#[derive(Debug, Clone, PartialEq)]
pub struct Intrinsic {
    pub function: Function,
    pub argument: Value,
}

/// The intrinsic functions of CloudFormation, and any other `Fn::` key kept by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Function {
    Ref,
    GetAtt,
    Sub,
    Join,
    Select,
    Split,
    If,
    Equals,
    And,
    Or,
    Not,
    Condition,
    FindInMap,
    Base64,
    Cidr,
    GetAZs,
    ImportValue,
    Transform,
    /// Any other `Fn::` key (`Fn::Length`, `Fn::ToJsonString`, `Fn::ForEach::Name`, the rule
    /// functions, ...), named by its full key.
    Other(String),
}

/// The functions that have a YAML short form, with their long-form key and short tag.
const KNOWN_FUNCTIONS: [(Function, &str, &str); 18] = [
    (Function::Ref, "Ref", "Ref"),
    (Function::GetAtt, "Fn::GetAtt", "GetAtt"),
    (Function::Sub, "Fn::Sub", "Sub"),
    (Function::Join, "Fn::Join", "Join"),
    (Function::Select, "Fn::Select", "Select"),
    (Function::Split, "Fn::Split", "Split"),
    (Function::If, "Fn::If", "If"),
    (Function::Equals, "Fn::Equals", "Equals"),
    (Function::And, "Fn::And", "And"),
    (Function::Or, "Fn::Or", "Or"),
    (Function::Not, "Fn::Not", "Not"),
    (Function::Condition, "Condition", "Condition"),
    (Function::FindInMap, "Fn::FindInMap", "FindInMap"),
    (Function::Base64, "Fn::Base64", "Base64"),
    (Function::Cidr, "Fn::Cidr", "Cidr"),
    (Function::GetAZs, "Fn::GetAZs", "GetAZs"),
    (Function::ImportValue, "Fn::ImportValue", "ImportValue"),
    (Function::Transform, "Fn::Transform", "Transform"),
];

impl Function {
    /// The function named by a single-key mapping's key, such as `Fn::Sub` or `Ref`.
    pub fn from_key(key: &str) -> Option<Self> {
        if let Some((function, _, _)) = KNOWN_FUNCTIONS.iter().find(|(_, long, _)| *long == key) {
            return Some(function.clone());
        }
        key.starts_with("Fn::").then(|| Self::Other(key.to_owned()))
    }

    /// The function named by a YAML short-form tag without its `!`, such as `Sub`.
    pub fn from_short_tag(tag: &str) -> Option<Self> {
        KNOWN_FUNCTIONS
            .iter()
            .find(|(_, _, short)| *short == tag)
            .map(|(function, _, _)| function.clone())
    }

    /// The long-form key: `Ref`, `Condition`, or `Fn::Name`.
    pub fn key(&self) -> &str {
        match self {
            Self::Other(key) => key,
            known => KNOWN_FUNCTIONS
                .iter()
                .find(|(function, _, _)| function == known)
                .map(|(_, long, _)| *long)
                .unwrap_or_default(),
        }
    }

    /// The YAML short-form tag without its `!`, for the functions that have one.
    pub fn short_tag(&self) -> Option<&'static str> {
        KNOWN_FUNCTIONS
            .iter()
            .find(|(function, _, _)| function == self)
            .map(|(_, _, short)| *short)
    }
}

impl Value {
    /// A value of the given kind, not read from any file.
    pub fn new(kind: ValueKind) -> Self {
        Self {
            kind,
            mark: SourceMark::new(None),
        }
    }

    /// A value of the given kind, written at `location`.
    pub fn at(kind: ValueKind, location: Location) -> Self {
        Self {
            kind,
            mark: SourceMark::new(Some(location)),
        }
    }

    /// Where the value was written, if it was read from a file.
    pub fn location(&self) -> Option<Location> {
        self.mark.location()
    }

    pub fn null() -> Self {
        Self::new(ValueKind::Null)
    }

    pub fn string(text: impl Into<Text>) -> Self {
        Self::new(ValueKind::String(text.into()))
    }

    pub fn list(items: impl IntoIterator<Item = Value>) -> Self {
        Self::new(ValueKind::List(items.into_iter().collect()))
    }

    pub fn map<K: Into<Text>>(entries: impl IntoIterator<Item = (K, Value)>) -> Self {
        Self::new(ValueKind::Map(
            entries.into_iter().map(|(k, v)| (k.into(), v)).collect(),
        ))
    }

    /// Any intrinsic function with its argument in long form.
    pub fn intrinsic(function: Function, argument: Value) -> Self {
        Self::new(ValueKind::Intrinsic(Box::new(Intrinsic {
            function,
            argument,
        })))
    }

    /// `!Ref name`.
    pub fn reference(name: impl Into<Text>) -> Self {
        Self::intrinsic(Function::Ref, Self::string(name))
    }

    /// `!GetAtt resource.attribute`.
    pub fn get_att(resource: impl Into<Text>, attribute: impl Into<Text>) -> Self {
        Self::intrinsic(
            Function::GetAtt,
            Self::list([Self::string(resource), Self::string(attribute)]),
        )
    }

    /// `!Sub text`.
    pub fn sub(text: impl Into<Text>) -> Self {
        Self::intrinsic(Function::Sub, Self::string(text))
    }

    /// `!Sub arn:${AWS::Partition}:rest`: an ARN that deploys in every partition (a written-out
    /// `arn:aws:` fails in China and GovCloud, and cfn-lint does not say so).
    pub fn arn(rest: impl AsRef<str>) -> Self {
        Self::sub(format!("arn:${{AWS::Partition}}:{}", rest.as_ref()))
    }

    /// `!Sub [text, {variables}]`.
    pub fn sub_with<K: Into<Text>>(
        text: impl Into<Text>,
        variables: impl IntoIterator<Item = (K, Value)>,
    ) -> Self {
        Self::intrinsic(
            Function::Sub,
            Self::list([Self::string(text), Self::map(variables)]),
        )
    }

    /// `!Join [delimiter, [values]]`.
    pub fn join(delimiter: impl Into<Text>, values: impl IntoIterator<Item = Value>) -> Self {
        Self::intrinsic(
            Function::Join,
            Self::list([Self::string(delimiter), Self::list(values)]),
        )
    }

    /// `!Select [index, list]`.
    pub fn select(index: i64, list: Value) -> Self {
        Self::intrinsic(Function::Select, Self::list([Self::from(index), list]))
    }

    /// `!Split [delimiter, source]`.
    pub fn split(delimiter: impl Into<Text>, source: Value) -> Self {
        Self::intrinsic(
            Function::Split,
            Self::list([Self::string(delimiter), source]),
        )
    }

    /// `!If [condition, when_true, when_false]`.
    pub fn if_then_else(condition: impl Into<Text>, when_true: Value, when_false: Value) -> Self {
        Self::intrinsic(
            Function::If,
            Self::list([Self::string(condition), when_true, when_false]),
        )
    }

    /// `!Equals [left, right]`.
    pub fn equals(left: Value, right: Value) -> Self {
        Self::intrinsic(Function::Equals, Self::list([left, right]))
    }

    /// `!And [conditions]`.
    pub fn and(conditions: impl IntoIterator<Item = Value>) -> Self {
        Self::intrinsic(Function::And, Self::list(conditions))
    }

    /// `!Or [conditions]`.
    pub fn or(conditions: impl IntoIterator<Item = Value>) -> Self {
        Self::intrinsic(Function::Or, Self::list(conditions))
    }

    /// `!Not [condition]`.
    pub fn negation(condition: Value) -> Self {
        Self::intrinsic(Function::Not, Self::list([condition]))
    }

    /// `!Condition name`.
    pub fn condition(name: impl Into<Text>) -> Self {
        Self::intrinsic(Function::Condition, Self::string(name))
    }

    /// `!FindInMap [map, top_key, second_key]`.
    pub fn find_in_map(map: impl Into<Text>, top_key: Value, second_key: Value) -> Self {
        Self::intrinsic(
            Function::FindInMap,
            Self::list([Self::string(map), top_key, second_key]),
        )
    }

    /// `!Base64 value`.
    pub fn base64(value: Value) -> Self {
        Self::intrinsic(Function::Base64, value)
    }

    /// `!Cidr [block, count, bits]`.
    pub fn cidr(block: Value, count: i64, bits: i64) -> Self {
        Self::intrinsic(
            Function::Cidr,
            Self::list([block, Self::from(count), Self::from(bits)]),
        )
    }

    /// `!GetAZs region` (an empty region means the stack's own).
    pub fn get_azs(region: Value) -> Self {
        Self::intrinsic(Function::GetAZs, region)
    }

    /// `!ImportValue name`.
    pub fn import_value(name: Value) -> Self {
        Self::intrinsic(Function::ImportValue, name)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            ValueKind::Bool(flag) => Some(*flag),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&Number> {
        match &self.kind {
            ValueKind::Number(number) => Some(number),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Value]> {
        match &self.kind {
            ValueKind::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&Map> {
        match &self.kind {
            ValueKind::Map(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_intrinsic(&self) -> Option<&Intrinsic> {
        match &self.kind {
            ValueKind::Intrinsic(intrinsic) => Some(intrinsic),
            _ => None,
        }
    }

    /// The entry `key` of a mapping value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_map().and_then(|map| map.get(key))
    }

    /// The name a `Ref` points at.
    pub fn as_ref_target(&self) -> Option<&str> {
        self.as_intrinsic()
            .filter(|intrinsic| intrinsic.function == Function::Ref)
            .and_then(|intrinsic| intrinsic.argument.as_str())
    }

    /// The resource and attribute of a `GetAtt` whose parts are both plain strings.
    pub fn as_get_att(&self) -> Option<(&str, &str)> {
        let intrinsic = self
            .as_intrinsic()
            .filter(|intrinsic| intrinsic.function == Function::GetAtt)?;
        match intrinsic.argument.as_list()? {
            [resource, attribute] => Some((resource.as_str()?, attribute.as_str()?)),
            _ => None,
        }
    }

    /// How deeply collections nest inside this value (a scalar is 0).
    pub fn depth(&self) -> usize {
        match &self.kind {
            ValueKind::List(items) => 1 + items.iter().map(Value::depth).max().unwrap_or(0),
            ValueKind::Map(map) => 1 + map.values().map(Value::depth).max().unwrap_or(0),
            ValueKind::Intrinsic(intrinsic) => 1 + intrinsic.argument.depth(),
            ValueKind::Tagged { value, .. } => 1 + value.depth(),
            _ => 0,
        }
    }
}

impl From<&'static str> for Value {
    fn from(text: &'static str) -> Self {
        Self::string(text)
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Self::string(text)
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Self {
        Self::string(text)
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Self {
        Self::new(ValueKind::Bool(flag))
    }
}

impl From<i64> for Value {
    fn from(number: i64) -> Self {
        Self::new(ValueKind::Number(Number::from(number)))
    }
}

impl From<u16> for Value {
    fn from(number: u16) -> Self {
        Self::from(i64::from(number))
    }
}

impl From<u32> for Value {
    fn from(number: u32) -> Self {
        Self::from(i64::from(number))
    }
}

impl From<Number> for Value {
    fn from(number: Number) -> Self {
        Self::new(ValueKind::Number(number))
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Self::new(ValueKind::List(items))
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Self {
        Self::new(ValueKind::Map(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_number_grammar() {
        for good in ["0", "-1", "10", "1.5", "1e3", "-0.25E-2"] {
            assert!(is_json_number(good), "{good}");
        }
        for bad in [
            "", "01", "+1", "1.", ".5", "1e", "0x1F", "1_000", "inf", "-",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }

    #[test]
    fn functions_map_between_long_and_short_forms() {
        assert_eq!(Function::from_key("Fn::GetAtt"), Some(Function::GetAtt));
        assert_eq!(Function::from_short_tag("GetAZs"), Some(Function::GetAZs));
        assert_eq!(Function::GetAZs.key(), "Fn::GetAZs");
        assert_eq!(
            Function::from_key("Fn::Length"),
            Some(Function::Other("Fn::Length".into()))
        );
        assert_eq!(Function::from_key("Type"), None);
        assert_eq!(Function::Other("Fn::Length".into()).short_tag(), None);
    }

    #[test]
    fn comparison_ignores_where_a_value_was_written() {
        let read = Value::at(ValueKind::String("a".into()), Location::new(3, 7));
        assert_eq!(read, Value::string("a"));
        assert_ne!(read, Value::string("b"));
    }
}

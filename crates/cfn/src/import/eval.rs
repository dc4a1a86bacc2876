//! Resolving intrinsic functions as far as the template allows: `Ref` and `GetAtt` to resources
//! (across nested stacks), parameters through their defaults, `Sub` and `Join` with known parts,
//! `FindInMap`, `Select`, `Split`, `Cidr` and `If` on conditions that the defaults decide. What
//! cannot be known (a parameter without default, an imported value) stays symbolic.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::Importer;
use crate::parse::NODE_COST;
use crate::value::{Function, Value, ValueKind};

/// How deep resolution may recurse (through parameters, outputs and nested stacks) before it
/// gives up, so that a cycle in hostile input ends.
const MAX_DEPTH: u32 = 48;

/// What visiting one value costs the load's budget (besides the text it produces), so that
/// resolution that produces nothing, such as `Sub` variables nested in `Sub` variables, is
/// bounded too.
const VISIT_COST: usize = 16;

/// What a template value resolves to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sym {
    /// Known text (numbers and booleans as their text); unresolved `Sub` parts stay `${Name}`.
    Text(String),
    List(Vec<Sym>),
    /// A resource of a stack, or one of its attributes.
    Resource {
        stack: usize,
        logical_id: String,
        attribute: Option<String>,
    },
    /// A parameter without a default.
    Parameter(String),
    /// A pseudo parameter such as `AWS::Region`.
    Pseudo(String),
    /// `Fn::ImportValue` of the given export name.
    Import(String),
    /// A join whose parts are not all known, kept so that a later `Split` recovers them.
    Joined {
        delimiter: String,
        parts: Vec<Sym>,
    },
    /// `AWS::NoValue`: the property is absent.
    NoValue,
    Unknown,
}

impl Sym {
    pub(crate) fn as_text(&self) -> Option<&str> {
        match self {
            Sym::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The text, or a readable stand-in for what it depends on.
    pub(crate) fn describe(&self) -> String {
        match self {
            Sym::Text(text) => text.clone(),
            Sym::List(items) => items
                .iter()
                .map(Sym::describe)
                .collect::<Vec<_>>()
                .join(","),
            Sym::Resource {
                logical_id,
                attribute,
                ..
            } => match attribute {
                Some(attribute) => format!("${{{logical_id}.{attribute}}}"),
                None => format!("${{{logical_id}}}"),
            },
            Sym::Parameter(name) | Sym::Pseudo(name) => format!("${{{name}}}"),
            Sym::Import(name) => format!("import:{name}"),
            Sym::Joined { delimiter, parts } => parts
                .iter()
                .map(Sym::describe)
                .collect::<Vec<_>>()
                .join(delimiter),
            Sym::NoValue | Sym::Unknown => String::new(),
        }
    }

    /// The items of a list (a single value is a list of one; absence is empty).
    pub(crate) fn items(&self) -> Vec<Sym> {
        match self {
            Sym::List(items) => items.clone(),
            Sym::NoValue | Sym::Unknown => Vec::new(),
            Sym::Text(text) if text.contains(',') => text
                .split(',')
                .map(|part| Sym::Text(part.trim().to_owned()))
                .collect(),
            Sym::Joined { delimiter, parts } if delimiter == "," => parts.clone(),
            other => vec![other.clone()],
        }
    }

    /// The items of a list, a single value as one item, without splitting text at commas.
    pub(crate) fn values(&self) -> Vec<Sym> {
        match self {
            Sym::List(items) => items.clone(),
            Sym::NoValue | Sym::Unknown => Vec::new(),
            other => vec![other.clone()],
        }
    }

    /// Every resource this value refers to, in order.
    pub(crate) fn resources(&self) -> Vec<(usize, String)> {
        match self {
            Sym::Resource {
                stack, logical_id, ..
            } => vec![(*stack, logical_id.clone())],
            Sym::List(items) | Sym::Joined { parts: items, .. } => {
                items.iter().flat_map(Sym::resources).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The one resource this value refers to, if it refers to exactly one.
    pub(crate) fn resource(&self) -> Option<(usize, String)> {
        let mut resources = self.resources();
        (resources.len() == 1).then(|| resources.remove(0))
    }
}

impl Importer<'_> {
    /// Resolves a value of stack `stack`.
    pub(crate) fn eval(&self, stack: usize, value: &Value) -> Sym {
        self.eval_at(stack, value, 0)
    }

    /// Resolves a property of a resource; an absent property is [`Sym::NoValue`].
    pub(crate) fn property(&self, stack: usize, logical_id: &str, path: &[&str]) -> Sym {
        let Some(resource) = self.stacks[stack].template.resources.get(logical_id) else {
            return Sym::Unknown;
        };
        let Some(first) = path.first() else {
            return Sym::Unknown;
        };
        let mut current = resource.properties.get(first);
        for key in &path[1..] {
            current = current.and_then(|value| self.lookup(stack, value, key));
        }
        current.map_or(Sym::NoValue, |value| self.eval(stack, value))
    }

    /// The raw value at `key` of a mapping value, looking through `If` with a known condition.
    pub(crate) fn lookup<'v>(
        &self,
        stack: usize,
        value: &'v Value,
        key: &str,
    ) -> Option<&'v Value> {
        self.choose(stack, value).get(key)
    }

    /// The branch of an `If` that applies (the first when the condition is not known), or the
    /// value itself.
    pub(crate) fn choose<'v>(&self, stack: usize, value: &'v Value) -> &'v Value {
        let mut current = value;
        for _ in 0..MAX_DEPTH {
            let Some(intrinsic) = current.as_intrinsic() else {
                return current;
            };
            if intrinsic.function != Function::If {
                return current;
            }
            let Some([condition, when_true, when_false]) = intrinsic.argument.as_list() else {
                return current;
            };
            let holds = condition
                .as_str()
                .and_then(|name| self.condition(stack, name, 0))
                .unwrap_or(true);
            current = if holds { when_true } else { when_false };
        }
        current
    }

    /// The items of a list value, each resolved branch-wise, skipping `AWS::NoValue`.
    pub(crate) fn list_items<'v>(&self, stack: usize, value: &'v Value) -> Vec<&'v Value> {
        self.choose(stack, value)
            .as_list()
            .unwrap_or_default()
            .iter()
            .map(|item| self.choose(stack, item))
            .filter(|item| item.as_ref_target() != Some("AWS::NoValue"))
            .collect()
    }

    /// Charges the load's budget for work on a value of `stack`; `false` once it is spent, when
    /// resolution gives up (the import then fails, naming where the budget ran out).
    fn charge(&self, stack: usize, bytes: usize, value: &Value) -> bool {
        self.budget
            .charge(bytes, &self.stacks[stack].origin, value.location())
    }

    fn eval_at(&self, stack: usize, value: &Value, depth: u32) -> Sym {
        if depth > MAX_DEPTH || !self.charge(stack, VISIT_COST, value) {
            return Sym::Unknown;
        }
        match &value.kind {
            ValueKind::Null => Sym::NoValue,
            ValueKind::Bool(flag) => Sym::Text(flag.to_string()),
            ValueKind::Number(number) => Sym::Text(number.to_string()),
            ValueKind::String(text) => {
                if !self.charge(stack, text.len(), value) {
                    return Sym::Unknown;
                }
                Sym::Text(text.to_string())
            }
            ValueKind::List(items) => Sym::List(
                items
                    .iter()
                    .map(|item| self.eval_at(stack, item, depth + 1))
                    .filter(|item| *item != Sym::NoValue)
                    .collect(),
            ),
            ValueKind::Map(_) | ValueKind::Tagged { .. } => Sym::Unknown,
            ValueKind::Intrinsic(intrinsic) => {
                self.eval_function(stack, &intrinsic.function, &intrinsic.argument, depth + 1)
            }
        }
    }

    fn eval_function(
        &self,
        stack: usize,
        function: &Function,
        argument: &Value,
        depth: u32,
    ) -> Sym {
        let args = argument.as_list().unwrap_or_default();
        match function {
            Function::Ref => match argument.as_str() {
                Some(name) => self.reference(stack, name, depth),
                None => Sym::Unknown,
            },
            Function::GetAtt => {
                let (resource, attribute) = match args {
                    [resource, attribute] => (
                        resource.as_str().map(str::to_owned),
                        self.eval_at(stack, attribute, depth)
                            .as_text()
                            .map(str::to_owned),
                    ),
                    _ => (None, None),
                };
                match (resource, attribute) {
                    (Some(resource), Some(attribute)) => {
                        self.attribute(stack, &resource, &attribute, depth)
                    }
                    _ => Sym::Unknown,
                }
            }
            Function::Sub => self.sub(stack, argument, depth),
            Function::Join => match args {
                [delimiter, items] => {
                    let delimiter = delimiter.as_str().unwrap_or_default().to_owned();
                    let parts = self.eval_at(stack, items, depth).items();
                    if parts.iter().all(|part| part.as_text().is_some()) {
                        let texts: Vec<&str> = parts.iter().filter_map(Sym::as_text).collect();
                        let length = texts.iter().map(|text| text.len()).sum::<usize>()
                            + delimiter.len() * texts.len();
                        if !self.charge(stack, length, argument) {
                            return Sym::Unknown;
                        }
                        Sym::Text(texts.join(&delimiter))
                    } else {
                        Sym::Joined { delimiter, parts }
                    }
                }
                _ => Sym::Unknown,
            },
            Function::Split => match args {
                [delimiter, source] => {
                    let delimiter = delimiter.as_str().unwrap_or(",");
                    match self.eval_at(stack, source, depth) {
                        Sym::Text(text)
                            if !self.charge(
                                stack,
                                text.len() + NODE_COST * (text.matches(delimiter).count() + 1),
                                argument,
                            ) =>
                        {
                            Sym::Unknown
                        }
                        Sym::Text(text) => Sym::List(
                            text.split(delimiter)
                                .map(|part| Sym::Text(part.to_owned()))
                                .collect(),
                        ),
                        Sym::Joined {
                            delimiter: joined,
                            parts,
                        } if joined == delimiter => Sym::List(parts),
                        Sym::List(parts) => Sym::List(parts),
                        other => Sym::List(vec![other]),
                    }
                }
                _ => Sym::Unknown,
            },
            Function::Select => match args {
                [index, items] => {
                    let index = self.eval_at(stack, index, depth);
                    let items = self.eval_at(stack, items, depth).items();
                    index
                        .as_text()
                        .and_then(|index| index.parse::<usize>().ok())
                        .and_then(|index| items.get(index).cloned())
                        .unwrap_or(Sym::Unknown)
                }
                _ => Sym::Unknown,
            },
            Function::If => match args {
                [condition, when_true, when_false] => {
                    let holds = condition
                        .as_str()
                        .and_then(|name| self.condition(stack, name, depth))
                        .unwrap_or(true);
                    self.eval_at(stack, if holds { when_true } else { when_false }, depth)
                }
                _ => Sym::Unknown,
            },
            Function::FindInMap => self.find_in_map(stack, args, depth),
            Function::Cidr => match args {
                [block, count, bits] => {
                    let block = self.eval_at(stack, block, depth);
                    let count = self.eval_at(stack, count, depth);
                    let bits = self.eval_at(stack, bits, depth);
                    cidr(block.as_text(), count.as_text(), bits.as_text()).unwrap_or(Sym::Unknown)
                }
                _ => Sym::Unknown,
            },
            Function::GetAZs => Sym::Pseudo("AWS::AvailabilityZones".to_owned()),
            Function::ImportValue => Sym::Import(self.eval_at(stack, argument, depth).describe()),
            Function::Base64 => self.eval_at(stack, argument, depth),
            _ => Sym::Unknown,
        }
    }

    fn reference(&self, stack: usize, name: &str, depth: u32) -> Sym {
        if name == "AWS::NoValue" {
            return Sym::NoValue;
        }
        if name.starts_with("AWS::") {
            return Sym::Pseudo(name.to_owned());
        }
        let current = &self.stacks[stack];
        if current.template.resources.contains_key(name) {
            return Sym::Resource {
                stack,
                logical_id: name.to_owned(),
                attribute: None,
            };
        }
        if let Some(parameter) = current.template.parameters.get(name) {
            // A nested stack's parameter takes the value its parent passes.
            if let Some((parent, value)) = current.passed_parameter(name) {
                return self.eval_at(parent, value, depth + 1);
            }
            return match parameter.default_value() {
                Some(default) => {
                    let resolved = self.eval_at(stack, default, depth + 1);
                    let is_list = parameter.parameter_type().is_some_and(|kind| {
                        kind.starts_with("List<") || kind == "CommaDelimitedList"
                    });
                    match resolved {
                        Sym::Text(text) if is_list => Sym::List(
                            text.split(',')
                                .map(|part| Sym::Text(part.trim().to_owned()))
                                .collect(),
                        ),
                        other => other,
                    }
                }
                None => Sym::Parameter(name.to_owned()),
            };
        }
        Sym::Unknown
    }

    fn attribute(&self, stack: usize, resource: &str, attribute: &str, depth: u32) -> Sym {
        // `GetAtt Child.Outputs.Name` reads the output of a nested stack that was loaded.
        if let Some(output) = attribute.strip_prefix("Outputs.")
            && let Some(child) = self.child_stack(stack, resource)
        {
            return match self.stacks[child].template.outputs.get(output) {
                Some(found) => self.eval_at(child, &found.value, depth + 1),
                None => Sym::Unknown,
            };
        }
        if self.stacks[stack].template.resources.contains_key(resource) {
            Sym::Resource {
                stack,
                logical_id: resource.to_owned(),
                attribute: Some(attribute.to_owned()),
            }
        } else {
            Sym::Unknown
        }
    }

    fn sub(&self, stack: usize, argument: &Value, depth: u32) -> Sym {
        let (template, variables) = match &argument.kind {
            ValueKind::String(text) => (text.as_str(), None),
            ValueKind::List(items) => match items.as_slice() {
                [text, variables] => (text.as_str().unwrap_or_default(), variables.as_map()),
                [text] => (text.as_str().unwrap_or_default(), None),
                _ => return Sym::Unknown,
            },
            _ => return Sym::Unknown,
        };
        let resolve = |name: &str| -> Sym {
            if let Some(value) = variables.and_then(|variables| variables.get(name)) {
                return self.eval_at(stack, value, depth + 1);
            }
            match name.split_once('.') {
                Some((resource, attribute)) => {
                    self.attribute(stack, resource, attribute, depth + 1)
                }
                None => self.reference(stack, name, depth + 1),
            }
        };
        if !self.charge(stack, template.len(), argument) {
            return Sym::Unknown;
        }
        let pieces = sub_pieces(template);
        // `!Sub ${Name}` alone stands for the value itself, which may be a resource.
        if let [SubPiece::Variable(name)] = pieces.as_slice() {
            return resolve(name);
        }
        let mut text = String::new();
        for piece in pieces {
            match piece {
                SubPiece::Literal(literal) => text.push_str(&literal),
                SubPiece::Variable(name) => match resolve(&name) {
                    Sym::Text(value) => {
                        if !self.charge(stack, value.len(), argument) {
                            return Sym::Unknown;
                        }
                        text.push_str(&value);
                    }
                    // A resource keeps the name it has in the design, which for a nested stack's
                    // resource carries the stack's prefix.
                    Sym::Resource {
                        stack,
                        logical_id,
                        attribute,
                    } => {
                        text.push_str("${");
                        text.push_str(&self.design_logical_id(&(stack, logical_id)));
                        if let Some(attribute) = attribute {
                            text.push('.');
                            text.push_str(&attribute);
                        }
                        text.push('}');
                    }
                    _ => {
                        text.push_str("${");
                        text.push_str(&name);
                        text.push('}');
                    }
                },
            }
        }
        Sym::Text(text)
    }

    fn find_in_map(&self, stack: usize, args: &[Value], depth: u32) -> Sym {
        let [map, top, second, ..] = args else {
            return Sym::Unknown;
        };
        let keys: Vec<Sym> = [map, top, second]
            .iter()
            .map(|key| self.eval_at(stack, key, depth))
            .collect();
        let (Some(map), Some(top), Some(second)) =
            (keys[0].as_text(), keys[1].as_text(), keys[2].as_text())
        else {
            return Sym::Unknown;
        };
        let found = self.stacks[stack]
            .template
            .mappings
            .get(map)
            .and_then(|mapping| mapping.get(top))
            .and_then(|entry| entry.get(second));
        match found {
            Some(value) => self.eval_at(stack, value, depth),
            // FindInMap's optional default (AWS::LanguageExtensions).
            None => args
                .get(3)
                .and_then(|default| default.get("DefaultValue"))
                .map_or(Sym::Unknown, |value| self.eval_at(stack, value, depth)),
        }
    }

    /// Whether a named condition holds, when the template's defaults decide it.
    ///
    /// Each condition is decided once per import and remembered: conditions that each refer to
    /// the one below twice would otherwise take time exponential in their number. A condition
    /// that refers back to itself while being decided is undecided, as a cycle is.
    pub(crate) fn condition(&self, stack: usize, name: &str, depth: u32) -> Option<bool> {
        let key = (stack, name.to_owned());
        if let Some(known) = self.conditions.borrow().get(&key) {
            return *known;
        }
        let value = self.stacks[stack].template.conditions.get(name)?;
        self.conditions.borrow_mut().insert(key.clone(), None);
        let holds = self.condition_value(stack, value, depth + 1);
        self.conditions.borrow_mut().insert(key, holds);
        holds
    }

    fn condition_value(&self, stack: usize, value: &Value, depth: u32) -> Option<bool> {
        if depth > MAX_DEPTH {
            return None;
        }
        let intrinsic = value.as_intrinsic()?;
        let args = intrinsic.argument.as_list().unwrap_or_default();
        match intrinsic.function {
            Function::Equals => match args {
                [left, right] => {
                    let left = self.eval_at(stack, left, depth);
                    let right = self.eval_at(stack, right, depth);
                    match (left.as_text(), right.as_text()) {
                        (Some(left), Some(right)) => Some(left == right),
                        _ => None,
                    }
                }
                _ => None,
            },
            Function::Not => args
                .first()
                .and_then(|inner| self.condition_value(stack, inner, depth + 1))
                .map(|holds| !holds),
            Function::And => {
                let values: Vec<Option<bool>> = args
                    .iter()
                    .map(|inner| self.condition_value(stack, inner, depth + 1))
                    .collect();
                if values.contains(&Some(false)) {
                    Some(false)
                } else if values.iter().all(Option::is_some) {
                    Some(true)
                } else {
                    None
                }
            }
            Function::Or => {
                let values: Vec<Option<bool>> = args
                    .iter()
                    .map(|inner| self.condition_value(stack, inner, depth + 1))
                    .collect();
                if values.contains(&Some(true)) {
                    Some(true)
                } else if values.iter().all(Option::is_some) {
                    Some(false)
                } else {
                    None
                }
            }
            Function::Condition => intrinsic
                .argument
                .as_str()
                .and_then(|name| self.condition(stack, name, depth + 1)),
            _ => None,
        }
    }
}

enum SubPiece {
    Literal(String),
    Variable(String),
}

/// Splits a `Sub` template into literal text and `${Name}` variables (`${!Literal}` is text).
fn sub_pieces(template: &str) -> Vec<SubPiece> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            pieces.push(SubPiece::Literal(rest[..start].to_owned()));
        }
        let name = &rest[start + 2..start + length];
        match name.strip_prefix('!') {
            Some(literal) => pieces.push(SubPiece::Literal(format!("${{{literal}}}"))),
            None => pieces.push(SubPiece::Variable(name.trim().to_owned())),
        }
        rest = &rest[start + length + 1..];
    }
    if !rest.is_empty() {
        pieces.push(SubPiece::Literal(rest.to_owned()));
    }
    pieces
}

/// `Fn::Cidr`: the first `count` blocks with `bits` host bits inside `block`.
fn cidr(block: Option<&str>, count: Option<&str>, bits: Option<&str>) -> Option<Sym> {
    let block: Ipv4Net = block?.parse().ok()?;
    let count: usize = count?.parse().ok()?;
    let bits: u8 = bits?.parse().ok()?;
    let prefix = 32u8.checked_sub(bits)?;
    if prefix < block.prefix_len() || count > 256 {
        return None;
    }
    let subnets = block.subnets(prefix).ok()?;
    Some(Sym::List(
        subnets
            .take(count)
            .map(|net| Sym::Text(net.to_string()))
            .collect(),
    ))
}

/// The placeholder network for VPCs whose block the template does not fix: the benchmarking
/// range 198.18.0.0/15 (RFC 2544), which no real VPC uses, so a reader sees it is not real.
pub(crate) fn placeholder_vpc(index: usize) -> Ipv4Net {
    let base =
        u32::from(Ipv4Addr::new(198, 18, 0, 0)) + (u32::try_from(index % 2).unwrap_or(0) << 16);
    Ipv4Net::new(Ipv4Addr::from(base), 16).expect("a /16 prefix is valid")
}

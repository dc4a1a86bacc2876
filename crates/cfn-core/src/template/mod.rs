//! The CloudFormation template model: every section in its written order, resources with their
//! attributes, and anything this crate does not interpret kept as it was, so that a template
//! read and written back says what it said.

pub mod layout;
mod read;

use indexmap::IndexMap;

use crate::error::Result;
use crate::parse::{Format, Limits, parse_value};
use crate::value::{KeyHashing, Location, Map, SourceMark, Text, Value};

/// The prefix of a `Fn::ForEach` loop key (AWS::LanguageExtensions) inside `Resources` or
/// `Outputs`, whose value is the loop, not a resource or output.
pub const FOR_EACH_PREFIX: &str = "Fn::ForEach::";

/// A whole template.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    /// `AWSTemplateFormatVersion`, normally `2010-09-09`.
    pub format_version: Option<Value>,
    pub description: Option<Value>,
    pub metadata: Map,
    pub parameters: IndexMap<String, Parameter, KeyHashing>,
    pub rules: Map,
    pub mappings: Map,
    pub conditions: Map,
    /// `Transform`: one macro name or a list of them (or of `{Name, Parameters}` mappings).
    pub transform: Option<Value>,
    pub resources: IndexMap<String, Resource, KeyHashing>,
    /// `Fn::ForEach::Name` loops found among the resources, by their full key.
    pub resource_loops: Map,
    pub outputs: IndexMap<String, Output, KeyHashing>,
    /// `Fn::ForEach::Name` loops found among the outputs, by their full key.
    pub output_loops: Map,
    /// Top-level sections CloudFormation may add later, kept in order.
    pub other_sections: Map,
}

/// A template parameter: its attributes in the order written (`Type`, `Default`,
/// `AllowedValues`, `NoEcho`, ...), so none is lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parameter {
    pub attributes: Map,
    pub mark: SourceMark,
}

impl Parameter {
    /// A parameter of the given type (`String`, `AWS::EC2::VPC::Id`, ...).
    pub fn new(parameter_type: impl Into<Text>) -> Self {
        let mut attributes = Map::default();
        attributes.insert("Type".into(), Value::string(parameter_type));
        Self {
            attributes,
            mark: SourceMark::new(None),
        }
    }

    /// The parameter with one more attribute, such as `Description` or `Default`.
    pub fn with(mut self, attribute: impl Into<Text>, value: impl Into<Value>) -> Self {
        self.attributes.insert(attribute.into(), value.into());
        self
    }

    pub fn parameter_type(&self) -> Option<&str> {
        self.attributes.get("Type").and_then(Value::as_str)
    }

    pub fn default_value(&self) -> Option<&Value> {
        self.attributes.get("Default")
    }

    pub fn location(&self) -> Option<Location> {
        self.mark.location()
    }
}

/// A resource and its attributes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resource {
    pub resource_type: String,
    pub properties: Map,
    pub depends_on: Vec<String>,
    pub condition: Option<String>,
    pub metadata: Option<Value>,
    pub deletion_policy: Option<Value>,
    pub update_replace_policy: Option<Value>,
    /// `CreationPolicy`, `UpdatePolicy`, `Version` and any attribute this crate does not know.
    pub other_attributes: Map,
    pub mark: SourceMark,
}

impl Resource {
    /// A resource of the given type with no properties yet.
    pub fn new(resource_type: impl Into<String>) -> Self {
        Self {
            resource_type: resource_type.into(),
            ..Self::default()
        }
    }

    /// The resource with one more property.
    pub fn with_property(mut self, name: impl Into<Text>, value: impl Into<Value>) -> Self {
        self.properties.insert(name.into(), value.into());
        self
    }

    pub fn property(&self, name: &str) -> Option<&Value> {
        self.properties.get(name)
    }

    /// Where the resource's body starts in the file it was read from.
    pub fn location(&self) -> Option<Location> {
        self.mark.location()
    }
}

/// A template output.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub value: Value,
    pub description: Option<Value>,
    /// `Export`, normally `{Name: ...}`.
    pub export: Option<Value>,
    pub condition: Option<String>,
    pub other_attributes: Map,
    pub mark: SourceMark,
}

impl Output {
    pub fn new(value: impl Into<Value>) -> Self {
        Self {
            value: value.into(),
            description: None,
            export: None,
            condition: None,
            other_attributes: Map::default(),
            mark: SourceMark::new(None),
        }
    }
}

impl Template {
    /// Reads a template, choosing YAML or JSON from `origin`'s extension or the text itself,
    /// within the default limits.
    pub fn parse(text: &str, origin: &str) -> Result<Self> {
        Self::parse_with(
            text,
            origin,
            Format::detect(origin, text),
            &Limits::default(),
        )
    }

    /// Reads a template in the given format within the given limits.
    pub fn parse_with(text: &str, origin: &str, format: Format, limits: &Limits) -> Result<Self> {
        let value = parse_value(text, origin, format, limits)?;
        read::template_from_value(value, origin)
    }

    /// The template a parsed value tree describes.
    pub fn from_value(value: Value, origin: &str) -> Result<Self> {
        read::template_from_value(value, origin)
    }

    /// The names of the macros the template's `Transform` section asks for, in order.
    pub fn transform_names(&self) -> Vec<String> {
        let Some(transform) = &self.transform else {
            return Vec::new();
        };
        let name_of = |value: &Value| {
            value
                .as_str()
                .or_else(|| value.get("Name").and_then(Value::as_str))
                .map(str::to_owned)
        };
        match transform.as_list() {
            Some(items) => items.iter().filter_map(name_of).collect(),
            None => name_of(transform).into_iter().collect(),
        }
    }

    /// The whole template as one value, sections in CloudFormation's customary order; this is
    /// what both writers write.
    pub fn to_value(&self) -> Value {
        self.layout().to_value()
    }

    /// The template in the order it is written, borrowing its values.
    pub(crate) fn layout(&self) -> layout::Layout<'_> {
        layout::template_layout(self)
    }
}

//! Converting template values to and from `serde_json` values in CloudFormation's JSON form
//! (intrinsic functions as `{"Fn::Name": argument}`), which is how a design file carries
//! template content it cannot map.

use crate::parse::intrinsic_at;
use crate::value::{Function, Location, Map, Number, Value, ValueKind};

/// The value in CloudFormation's JSON form; kept YAML tags take their key form (`{"Rain::Embed": x}`).
pub fn to_json_value(value: &Value) -> serde_json::Value {
    match &value.kind {
        ValueKind::Null => serde_json::Value::Null,
        ValueKind::Bool(flag) => serde_json::Value::Bool(*flag),
        ValueKind::Number(number) => serde_json::from_str::<serde_json::Number>(number.as_str())
            .map_or_else(
                |_| serde_json::Value::String(number.to_string()),
                serde_json::Value::Number,
            ),
        ValueKind::String(text) => serde_json::Value::String(text.to_string()),
        ValueKind::List(items) => {
            serde_json::Value::Array(items.iter().map(to_json_value).collect())
        }
        ValueKind::Map(map) => serde_json::Value::Object(
            map.iter()
                .map(|(key, value)| (key.to_string(), to_json_value(value)))
                .collect(),
        ),
        ValueKind::Intrinsic(intrinsic) => {
            let mut object = serde_json::Map::new();
            object.insert(
                intrinsic.function.key().to_owned(),
                to_json_value(&intrinsic.argument),
            );
            serde_json::Value::Object(object)
        }
        ValueKind::Tagged { tag, value } => {
            let mut object = serde_json::Map::new();
            object.insert(crate::write::tag_key(tag).to_owned(), to_json_value(value));
            serde_json::Value::Object(object)
        }
    }
}

/// The template value a JSON value stands for, with single-key `Ref`/`Fn::` objects read as
/// intrinsic functions, as the JSON parser reads them.
pub fn from_json_value(json: &serde_json::Value) -> Value {
    let kind = match json {
        serde_json::Value::Null => ValueKind::Null,
        serde_json::Value::Bool(flag) => ValueKind::Bool(*flag),
        serde_json::Value::Number(number) => Number::parse(&number.to_string()).map_or_else(
            || ValueKind::String(number.to_string().into()),
            ValueKind::Number,
        ),
        serde_json::Value::String(text) => ValueKind::String(text.into()),
        serde_json::Value::Array(items) => {
            ValueKind::List(items.iter().map(from_json_value).collect())
        }
        serde_json::Value::Object(object) => {
            if object.len() == 1 {
                let (key, argument) = object.iter().next().expect("one entry");
                if let Some(function) = Function::from_key(key) {
                    let mut value =
                        intrinsic_at(function, from_json_value(argument), Location::default());
                    value.mark = crate::value::SourceMark::default();
                    return value;
                }
            }
            ValueKind::Map(
                object
                    .iter()
                    .map(|(key, value)| (key.into(), from_json_value(value)))
                    .collect::<Map>(),
            )
        }
    };
    Value::new(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_survive_the_json_form() {
        let value = Value::map([
            ("Name", Value::sub("${AWS::StackName}-x")),
            ("Arn", Value::get_att("Bucket", "Arn")),
            ("Port", Value::from(443_i64)),
            ("Flags", Value::list([Value::from(true), Value::null()])),
        ]);
        let json = to_json_value(&value);
        assert_eq!(
            json["Arn"],
            serde_json::json!({"Fn::GetAtt": ["Bucket", "Arn"]})
        );
        assert_eq!(from_json_value(&json), value);
    }
}

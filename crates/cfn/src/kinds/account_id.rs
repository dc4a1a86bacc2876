//! How a template names one of the design's accounts: by its id where the design gives one,
//! else by a parameter named after the account's logical ID (`<Account>AccountId`). Permission
//! set assignments and RAM shares name accounts this way, and an import reads either back.

use crate::export::builder::Builder;
use crate::import::Importer;
use crate::template::Parameter;
use crate::value::Value;

/// What the parameter an account's id is taken from ends with, after the account's logical ID.
const PARAMETER_SUFFIX: &str = "AccountId";

/// The value that names `account` in `unit`'s template.
pub(crate) fn account_id(b: &mut Builder<'_>, unit: &str, account: &str) -> Value {
    match b.segment(account).and_then(|s| s.account_id.clone()) {
        Some(id) => Value::string(id),
        None => b.parameter(
            unit,
            &b.logical_id_for(account, PARAMETER_SUFFIX),
            Parameter::new("String")
                .with("AllowedPattern", "^[0-9]{12}$")
                .with("Description", format!("The account id of `{account}`.")),
        ),
    }
}

/// The account segment a value names: the one with the account id it holds, or the one whose id
/// parameter it takes.
pub(crate) fn account_named(im: &Importer<'_>, stack: usize, value: &Value) -> Option<String> {
    let accounts = im
        .design
        .segments
        .iter()
        .filter(|segment| segment.kind == zta_model::SegmentKind::Account);
    if let Some(parameter) = value.as_ref_target() {
        let logical = parameter.strip_suffix(PARAMETER_SUFFIX)?;
        return accounts
            .map(|segment| &segment.id)
            .find(|id| crate::export::ids::logical_id(id) == logical)
            .cloned();
    }
    let number = im.eval(stack, value);
    let number = number.as_text()?;
    accounts
        .filter(|segment| segment.account_id.as_deref() == Some(number))
        .map(|segment| segment.id.clone())
        .next()
}

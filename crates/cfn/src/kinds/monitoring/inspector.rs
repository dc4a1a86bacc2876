//! Amazon Inspector: a manual step, since enabling Inspector v2 has no CloudFormation resource.

use zta_model::Component;

use crate::export::builder::Builder;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let types: Vec<String> = if c.properties.scan_types.is_empty() {
        vec!["EC2".into(), "ECR".into(), "LAMBDA".into()]
    } else {
        c.properties
            .scan_types
            .iter()
            .map(|t| t.to_uppercase())
            .collect()
    };
    let account = b
        .segment(&unit)
        .and_then(|s| s.account_id.clone())
        .unwrap_or_else(|| "<account id>".into());
    b.manual_step(
        &c.id,
        &unit,
        "Enable Amazon Inspector",
        format!(
            "Enabling Inspector v2 has no CloudFormation resource: enable it in account `{unit}` (or for the organization from the delegated administrator). Findings go to Security Hub automatically once both are on."
        ),
    )
    .command(format!(
        "aws inspector2 enable --resource-types {} --account-ids {account}",
        types.join(" ")
    ))
    .console("Amazon Inspector console > Get started > Activate Inspector");
}

//! Flows of AppSync GraphQL APIs: from the internet into a public API, one per way its callers
//! authenticate (the default and each additional provider), and from the API to what each data
//! source calls (a function, a table, a database cluster, a search domain).

use zta_model::Auth;

use super::NewFlow;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::kinds::edge::appsync_api::{DATA_SOURCE, RESOURCE_TYPE};
use crate::value::Value;

/// The settings of a data source that name what it calls, by data source type.
const TARGETS: [(&str, &[&str]); 5] = [
    ("AMAZON_DYNAMODB", &["DynamoDBConfig", "TableName"]),
    ("AWS_LAMBDA", &["LambdaConfig", "LambdaFunctionArn"]),
    (
        "RELATIONAL_DATABASE",
        &[
            "RelationalDatabaseConfig",
            "RdsHttpEndpointConfig",
            "DbClusterIdentifier",
        ],
    ),
    (
        "AMAZON_OPENSEARCH_SERVICE",
        &["OpenSearchServiceConfig", "Endpoint"],
    ),
    ("AMAZON_EVENTBRIDGE", &["EventBridgeConfig", "EventBusArn"]),
];

impl Importer<'_> {
    pub(super) fn appsync_flows(&mut self) {
        for key in self.resources_of_type(RESOURCE_TYPE) {
            let Some(api) = self.element_for(&key).cloned() else {
                continue;
            };
            let providers = self
                .resource(&key)
                .property("AdditionalAuthenticationProviders")
                .cloned()
                .unwrap_or(Value::null());
            let mut ways = vec![(
                self.property(key.0, &key.1, &["AuthenticationType"]),
                self.property(key.0, &key.1, &["UserPoolConfig", "UserPoolId"]),
                "default authentication".to_owned(),
            )];
            for provider in self.list_items(key.0, &providers) {
                let kind = provider
                    .get("AuthenticationType")
                    .map(|value| self.eval(key.0, value))
                    .unwrap_or(crate::import::eval::Sym::NoValue);
                let pool = provider
                    .get("UserPoolConfig")
                    .and_then(|config| config.get("UserPoolId"))
                    .map(|value| self.eval(key.0, value))
                    .unwrap_or(crate::import::eval::Sym::NoValue);
                ways.push((kind, pool, "additional authentication".to_owned()));
            }
            for (kind, pool, what) in ways {
                let (auth, issuer) = match kind.as_text() {
                    Some("AWS_IAM") => (Auth::Iam, None),
                    Some("API_KEY") => (Auth::ApiKey, None),
                    Some("AMAZON_COGNITO_USER_POOLS") => {
                        let issuer = self
                            .elements_of(&pool)
                            .into_iter()
                            .find(|id| self.design.identity(id).is_some())
                            .unwrap_or_else(|| self.external_provider("Cognito user pool"));
                        (Auth::Jwt, Some(issuer))
                    }
                    Some("OPENID_CONNECT") => {
                        let issuer = self
                            .property(key.0, &key.1, &["OpenIDConnectConfig", "Issuer"])
                            .describe();
                        (Auth::Jwt, Some(self.external_provider(&issuer)))
                    }
                    Some("AWS_LAMBDA") => {
                        (Auth::Jwt, Some(self.external_provider("Lambda authorizer")))
                    }
                    // A type the template does not fix is read as the weakest, an API key.
                    _ => (Auth::ApiKey, None),
                };
                self.api_entry_flow(&api, auth, issuer, &format!("AppSync {what}"));
            }
            for source in self.referring(DATA_SOURCE, &["ApiId"], &key) {
                self.data_source_flow(&api, &source);
            }
        }
    }

    fn data_source_flow(&mut self, api: &str, source: &ResourceKey) {
        let kind = self
            .property(source.0, &source.1, &["Type"])
            .as_text()
            .map(str::to_owned);
        let path = TARGETS
            .iter()
            .find(|(name, _)| Some(*name) == kind.as_deref())
            .map(|(_, path)| *path);
        if let Some(path) = path {
            let named = self.property(source.0, &source.1, path);
            for target in self.elements_of(&named) {
                if self.design.component(&target).is_none() {
                    continue;
                }
                let actions = if kind.as_deref() == Some("AWS_LAMBDA") {
                    vec!["lambda:InvokeFunction".to_owned()]
                } else {
                    Vec::new()
                };
                self.add_flow(NewFlow {
                    source: api.to_owned(),
                    target,
                    protocol: zta_model::Protocol::AwsApi,
                    ports: Vec::new(),
                    tls: zta_model::Tls::Tls12,
                    auth: Auth::Iam,
                    issuer: None,
                    actions,
                    description: Some(format!("AppSync data source {}.", source.1)),
                });
            }
        }
        self.mark(
            source.clone(),
            Disposition::Absorbed {
                element: Some(api.to_owned()),
                how: "a data source of the API, drawn as the flow to what it calls".to_owned(),
            },
        );
    }
}

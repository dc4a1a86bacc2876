//! A role's trust policy read back: the principals it lets assume the role, the conditions of
//! each statement as [`TrustConditions`], and the role's MFA as the statements require it. The
//! shapes are those the export writes (`export/trust.rs`) and AWS documents: the
//! `AWSReservedSSO_<name>_*` role of a permission set matched by `aws:PrincipalArn`, the
//! `cognito-identity.amazonaws.com` principal scoped by `aud` and `amr`, `<issuer>:aud` of an
//! OIDC provider, `SAML:aud`. A condition the model has no field for is named in a note, since
//! the design (and its next export) goes without it.

use zta_model::{
    COGNITO_IDENTITY_ISSUER, Identity, IdentityKind, MfaMode, PolicyStatement, Principal,
    PrincipalKind, TrustConditions,
};

use super::eval::Sym;
use super::{ActorTrust, Importer};
use crate::trust_names::{
    ACTOR_SID, AUTHENTICATED_AMR, EXTERNAL_ID, IDENTITY_POOL_PART, MFA_PRESENT, ORGANIZATION_ID,
    PRINCIPAL_ARN, SAML_SIGN_IN_AUDIENCE, SOURCE_ACCOUNT, SOURCE_ARN, permission_set_name,
};
use crate::value::Value;

/// What one statement's `Condition` says, as far as the model holds it.
#[derive(Default)]
struct StatementConditions {
    conditions: TrustConditions,
    /// `aws:MultiFactorAuthPresent` required true.
    mfa: bool,
    /// The values of `aws:PrincipalArn`.
    principal_arns: Vec<String>,
    /// The audience, when it is the identity pool an export made for a user pool, or an
    /// identity pool of the template that names one user pool.
    user_pool: Option<String>,
    /// The audience as written, when it is an identity pool of the template that no export
    /// made: kept as the audience should the statement not say `amr`.
    template_pool: Option<String>,
    /// Condition keys the model has no field for.
    unmodelled: Vec<String>,
}

impl Importer<'_> {
    /// Reads a role's trust policy into its trusts and, where the statements say, its MFA.
    pub(crate) fn read_trust(
        &mut self,
        stack: usize,
        document: &Value,
        statements: &[PolicyStatement],
        role: &mut Identity,
    ) {
        let raw_statements = self
            .lookup(stack, document, "Statement")
            .map(|statement| match self.choose(stack, statement).as_list() {
                Some(_) => self.list_items(stack, statement),
                None => vec![self.choose(stack, statement)],
            })
            .unwrap_or_default();
        let mut people_without_mfa = false;
        let mut people_with_mfa = false;
        for (statement, read) in raw_statements.iter().zip(statements) {
            if read.effect != zta_model::Effect::Allow {
                continue;
            }
            let read_conditions = statement
                .get("Condition")
                .map(|condition| self.statement_conditions(stack, condition))
                .unwrap_or_default();
            for key in &read_conditions.unmodelled {
                self.notes.push(format!(
                    "Role `{}`: the trust condition `{key}` has no place in the design; the design and its next export go without it.",
                    role.id
                ));
            }
            let Some(principal) = statement.get("Principal").and_then(Value::as_map) else {
                if statement.get("Principal").and_then(Value::as_str) == Some("*") {
                    push_trust(
                        &mut role.trusts,
                        Principal::new(PrincipalKind::ExternalAccount, "*"),
                    );
                }
                continue;
            };
            let actor = statement
                .get("Sid")
                .and_then(Value::as_str)
                .and_then(|sid| sid.split_once(ACTOR_SID))
                .filter(|(trust, _)| trust.starts_with("Trust"))
                .map(|(_, actor)| actor.to_owned());
            let mut reserved = self.permission_sets_matched(&read_conditions.principal_arns);
            if reserved.is_empty() && actor.is_some() {
                // An export puts a permission set in the stack of the account that administers
                // Identity Center, and each stack is read on its own: the actor's statement names
                // the set's roles, and the design marker's actor signs in with that set.
                reserved = reserved_role_names(&read_conditions.principal_arns);
            }
            for (kind, value) in principal {
                let mut found = Vec::new();
                if kind == "AWS" && !reserved.is_empty() {
                    found.extend(
                        reserved
                            .iter()
                            .map(|set| Principal::new(PrincipalKind::Identity, set.clone())),
                    );
                } else {
                    for item in self.eval(stack, value).values() {
                        found.extend(self.principal(kind, &item, &read_conditions));
                    }
                }
                for mut principal in found {
                    let conditions = applicable(&principal, &read_conditions, self);
                    principal.conditions = (!conditions.is_empty()).then_some(conditions);
                    if self.may_be_people(&principal) {
                        if read_conditions.mfa {
                            people_with_mfa = true;
                        } else {
                            people_without_mfa = true;
                        }
                    }
                    let signs_in_with = principal.id.clone();
                    if let Some(actor) = &actor
                        && principal.kind == PrincipalKind::Identity
                    {
                        // Until the actors are known, the actor's logical id holds its place, so
                        // that a trust of the identity itself stays a trust of its own.
                        principal.kind = PrincipalKind::Actor;
                        principal.id = actor.clone();
                    }
                    if let Some(index) = push_trust(&mut role.trusts, principal)
                        && let Some(actor) = &actor
                    {
                        self.actor_trusts.push(ActorTrust {
                            role: role.id.clone(),
                            index,
                            actor_logical_id: actor.clone(),
                            signs_in_with,
                        });
                    }
                }
            }
        }
        // A template says MFA only as conditions: required where every statement of an AWS
        // principal asks for it, off where one does not. The design marker of an export gives
        // the design's own word back.
        role.mfa = match (people_with_mfa, people_without_mfa) {
            (true, false) => Some(MfaMode::Required),
            (_, true) => Some(MfaMode::Off),
            (false, false) => None,
        };
    }

    /// Whether people may come in through a principal: an IAM user, or any principal of an
    /// account. Roles and permission sets are not judged here (their own sign-in is).
    fn may_be_people(&self, principal: &Principal) -> bool {
        match principal.kind {
            PrincipalKind::Identity => self
                .design
                .identity(&principal.id)
                .is_some_and(|identity| identity.kind == IdentityKind::IamUser),
            PrincipalKind::Account => true,
            PrincipalKind::ExternalAccount => principal.id != "*",
            _ => false,
        }
    }

    /// The permission sets of the design whose Identity Center roles `aws:PrincipalArn`
    /// patterns match (`.../AWSReservedSSO_<name>_*`).
    fn permission_sets_matched(&self, arns: &[String]) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for name in reserved_role_names(arns) {
            for set in self
                .design
                .identities
                .iter()
                .filter(|identity| identity.kind == IdentityKind::PermissionSet)
                .filter(|identity| permission_set_name(identity) == name)
            {
                if !found.contains(&set.id) {
                    found.push(set.id.clone());
                }
            }
        }
        found
    }

    fn statement_conditions(&self, stack: usize, condition: &Value) -> StatementConditions {
        let mut read = StatementConditions::default();
        let Some(operators) = self.choose(stack, condition).as_map() else {
            return read;
        };
        for (operator, keys) in operators {
            let Some(keys) = self.choose(stack, keys).as_map() else {
                continue;
            };
            for (key, value) in keys {
                let sym = self.eval(stack, value);
                let texts: Vec<String> = sym
                    .values()
                    .iter()
                    .map(|item| crate::policy::design_arn(&self.policy_text(item)))
                    .collect();
                let first = texts.first().cloned();
                let target = match (operator.as_str(), key.as_str()) {
                    ("Bool", MFA_PRESENT) => {
                        read.mfa = first.as_deref() == Some("true");
                        continue;
                    }
                    ("ArnLike" | "ArnEquals" | "StringLike", PRINCIPAL_ARN) => {
                        read.principal_arns.extend(texts);
                        continue;
                    }
                    ("StringEquals", EXTERNAL_ID) => &mut read.conditions.external_id,
                    ("StringEquals", ORGANIZATION_ID) => &mut read.conditions.organization_id,
                    ("StringEquals", SOURCE_ACCOUNT) => &mut read.conditions.source_account,
                    ("ArnLike" | "ArnEquals" | "StringLike" | "StringEquals", SOURCE_ARN) => {
                        // A component of the design, as an export names it by its ARN.
                        if let Some(element) = self.element_of(&sym)
                            && self.design.element(&element).is_some()
                        {
                            read.conditions.source_arn = Some(element);
                            continue;
                        }
                        &mut read.conditions.source_arn
                    }
                    ("StringEquals", key) if key.ends_with(":aud") => {
                        if let Some(pool) = self.identity_pool_of_user_pool(&sym) {
                            read.user_pool = Some(pool);
                            continue;
                        }
                        if let Some(pool) = sym
                            .resource()
                            .and_then(|key| self.user_pool_of_identity_pool(&key))
                        {
                            read.user_pool = Some(pool);
                            read.template_pool = first;
                            continue;
                        }
                        &mut read.conditions.audience
                    }
                    ("ForAnyValue:StringLike" | "ForAnyValue:StringEquals", key)
                        if key.ends_with(":amr") =>
                    {
                        &mut read.conditions.amr
                    }
                    _ => {
                        read.unmodelled
                            .push(format!("{} {}", operator.as_str(), key.as_str()));
                        continue;
                    }
                };
                if texts.len() > 1 {
                    read.unmodelled.push(format!(
                        "{} {} (values after the first)",
                        operator.as_str(),
                        key.as_str()
                    ));
                }
                *target = first;
            }
        }
        // A trust of a template's identity pool that does not say `amr` admits its guests as
        // well as its signed-in users, which a trust of the user pool cannot say (it reads as
        // signed-in users only): it stays a trust of the identity pool, and ZT-ID-018 judges it.
        if read.conditions.amr.is_none()
            && let Some(audience) = read.template_pool.take()
        {
            read.user_pool = None;
            read.conditions.audience = Some(audience);
        }
        read
    }

    /// The user pool whose identity pool (as an export of ZTA Designer makes it) a value names.
    fn identity_pool_of_user_pool(&self, sym: &Sym) -> Option<String> {
        let key = sym.resource()?;
        (self.designer_part(&key).as_deref() == Some(IDENTITY_POOL_PART))
            .then(|| self.designer_element(&key))
            .flatten()
    }

    /// The principal one entry of a statement's `Principal` names.
    fn principal(
        &mut self,
        kind: &str,
        item: &Sym,
        read: &StatementConditions,
    ) -> Option<Principal> {
        if let Some(element) = self.element_of(item)
            && let Some(identity) = self.design.identity(&element)
        {
            let federated = matches!(
                identity.kind,
                IdentityKind::IdentityProvider | IdentityKind::CognitoUserPool
            );
            return Some(if federated {
                Principal::new(PrincipalKind::Federated, element)
            } else {
                Principal::new(PrincipalKind::Identity, element)
            });
        }
        let text = item.describe();
        match kind {
            "Service" => Some(Principal::new(PrincipalKind::Service, text)).filter(|_| {
                item.as_text()
                    .is_some_and(|t| t.ends_with(".amazonaws.com"))
            }),
            "AWS" => Some(self.aws_principal(&text)),
            "Federated" if text == COGNITO_IDENTITY_ISSUER && read.user_pool.is_some() => read
                .user_pool
                .clone()
                .map(|pool| Principal::new(PrincipalKind::Federated, pool)),
            "Federated" => Some(Principal::new(
                PrincipalKind::Federated,
                self.external_provider(&text),
            )),
            _ => None,
        }
    }
}

/// The conditions a statement states that apply to one of its principals, without the ones an
/// export writes by default (the SAML sign-in audience, the signed-in `amr` of a user pool's
/// identity pool), so that a design comes back as drawn.
fn applicable(
    principal: &Principal,
    read: &StatementConditions,
    importer: &Importer<'_>,
) -> TrustConditions {
    let stated = &read.conditions;
    match principal.kind {
        PrincipalKind::Service => TrustConditions {
            source_account: stated
                .source_account
                .as_deref()
                .map(|account| importer.source_account(account)),
            source_arn: stated.source_arn.clone(),
            ..TrustConditions::default()
        },
        PrincipalKind::Federated => {
            let provider = importer.design.identity(&principal.id);
            let user_pool = provider.is_some_and(|p| p.kind == IdentityKind::CognitoUserPool);
            let saml =
                provider.is_some_and(|p| p.protocol == Some(zta_model::FederationProtocol::Saml));
            TrustConditions {
                audience: stated
                    .audience
                    .clone()
                    .filter(|audience| !(saml && audience == SAML_SIGN_IN_AUDIENCE)),
                amr: stated
                    .amr
                    .clone()
                    .filter(|amr| !(user_pool && amr == AUTHENTICATED_AMR)),
                ..TrustConditions::default()
            }
        }
        _ => TrustConditions {
            external_id: stated.external_id.clone(),
            organization_id: stated.organization_id.clone(),
            ..TrustConditions::default()
        },
    }
}

impl Importer<'_> {
    /// `aws:SourceAccount` as the design writes it: the deploying account, or the account
    /// segment with that id, by its segment id; any other account by its number.
    fn source_account(&self, account: &str) -> String {
        if account == "${AWS::AccountId}" {
            return self.account.clone();
        }
        self.design
            .segments
            .iter()
            .find(|segment| segment.account_id.as_deref() == Some(account))
            .map_or_else(|| account.to_owned(), |segment| segment.id.clone())
    }

    /// Gives the actors' trusts their actors, once the design marker has restored them, and the
    /// identity the statement names where no actor of the design signs in with it (a template
    /// without the marker).
    pub(crate) fn restore_actor_trusts(&mut self) {
        for pending in std::mem::take(&mut self.actor_trusts) {
            let actor = self
                .design
                .actors
                .iter()
                .find(|actor| {
                    crate::export::ids::logical_id(&actor.id) == pending.actor_logical_id
                        && actor.signs_in_with.as_deref() == Some(pending.signs_in_with.as_str())
                })
                .map(|actor| actor.id.clone());
            let Some(trust) = self
                .design
                .identities
                .iter_mut()
                .find(|identity| identity.id == pending.role)
                .and_then(|role| role.trusts.get_mut(pending.index))
            else {
                continue;
            };
            match actor {
                Some(actor) => trust.id = actor,
                None => {
                    trust.kind = PrincipalKind::Identity;
                    trust.id = pending.signs_in_with;
                }
            }
        }
    }
}

/// The permission-set names in `aws:PrincipalArn` patterns of Identity Center roles
/// (`.../AWSReservedSSO_<name>_*`), each once.
fn reserved_role_names(arns: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for arn in arns {
        let Some((_, rest)) = arn.split_once("AWSReservedSSO_") else {
            continue;
        };
        let name = rest.strip_suffix("_*").unwrap_or(rest).to_owned();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Adds a trust unless it is there already; the index it has, when added.
fn push_trust(trusts: &mut Vec<Principal>, principal: Principal) -> Option<usize> {
    if trusts.contains(&principal) {
        return None;
    }
    trusts.push(principal);
    Some(trusts.len() - 1)
}

impl Importer<'_> {
    /// An `AWS` principal: the account itself, an account segment of the design by its id,
    /// another account, or anyone.
    fn aws_principal(&self, text: &str) -> Principal {
        if text == "*" {
            return Principal::new(PrincipalKind::ExternalAccount, "*".to_owned());
        }
        if text.contains("${AWS::AccountId}") {
            return Principal::new(PrincipalKind::Account, self.account.clone());
        }
        let digits: String = text
            .split(':')
            .find(|part| part.len() == 12 && part.bytes().all(|byte| byte.is_ascii_digit()))
            .map(str::to_owned)
            .or_else(|| {
                (text.len() == 12 && text.bytes().all(|byte| byte.is_ascii_digit()))
                    .then(|| text.to_owned())
            })
            .unwrap_or_else(|| "*".to_owned());
        match self.design.segments.iter().find(|segment| {
            segment.kind == zta_model::SegmentKind::Account
                && segment.account_id.as_deref() == Some(digits.as_str())
        }) {
            Some(segment) => Principal::new(PrincipalKind::Account, segment.id.clone()),
            None => Principal::new(PrincipalKind::ExternalAccount, digits),
        }
    }
}

impl Importer<'_> {
    /// Gives the `source_arn` conditions that name a resource of the template the element it
    /// became, once the components are read (the trusts are read before them).
    pub(crate) fn resolve_trust_sources(&mut self) {
        let by_logical_id: std::collections::HashMap<String, String> = self
            .elements
            .iter()
            .map(|(key, element)| (self.design_logical_id(key), element.clone()))
            .collect();
        for identity in &mut self.design.identities {
            for trust in &mut identity.trusts {
                let Some(source) = trust
                    .conditions
                    .as_mut()
                    .and_then(|conditions| conditions.source_arn.as_mut())
                else {
                    continue;
                };
                let named = source
                    .strip_prefix("${")
                    .and_then(|rest| rest.strip_suffix('}'))
                    .map(|reference| reference.split('.').next().unwrap_or(reference));
                if let Some(element) = named.and_then(|logical_id| by_logical_id.get(logical_id)) {
                    *source = element.clone();
                }
            }
        }
    }
}

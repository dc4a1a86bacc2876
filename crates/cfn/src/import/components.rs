//! Components: every resource type of the product table and the everyday ones, with the
//! properties the rules judge read from the template, placed in the subnets their properties
//! name (or, for regional services, in the account).

use zta_model::{Component, ComponentKind, LaunchType, Scheme, Tier};

use super::eval::Sym;
use super::{Disposition, Importer, ResourceKey};
use crate::value::Value;

/// Types mapped first: the ones other components point at (keys, certificates, stores).
const FIRST: &[&str] = &[
    "AWS::KMS::Key",
    "AWS::CertificateManager::Certificate",
    "AWS::Logs::LogGroup",
    "AWS::S3::Bucket",
    "AWS::DynamoDB::Table",
    "AWS::SQS::Queue",
    "AWS::SNS::Topic",
    "AWS::SecretsManager::Secret",
    "AWS::ECR::Repository",
    "AWS::Route53::HostedZone",
    "AWS::CloudTrail::Trail",
    "AWS::CloudWatch::Alarm",
    "AWS::Config::ConfigurationRecorder",
    "AWS::SecurityHub::Hub",
    "AWS::GuardDuty::Detector",
    "AWS::Macie::Session",
    "AWS::AccessAnalyzer::Analyzer",
    "AWS::SSM::PatchBaseline",
    "AWS::AppMesh::Mesh",
];

/// Types mapped next: compute, databases and the edge.
const SECOND: &[&str] = &[
    "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",
    "AWS::ElastiCache::ReplicationGroup",
    "AWS::ElastiCache::CacheCluster",
    "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::CloudFront::Distribution",
    "AWS::ApiGateway::RestApi",
    "AWS::ApiGatewayV2::Api",
    "AWS::EC2::Instance",
    "AWS::AutoScaling::AutoScalingGroup",
    "AWS::Lambda::Function",
    "AWS::ECS::Service",
    "AWS::EKS::Cluster",
    "AWS::NetworkFirewall::Firewall",
];

/// Types mapped last: those that point at the components above.
const LAST: &[&str] = &[
    "AWS::ECS::Cluster",
    "AWS::WAFv2::WebACL",
    "AWS::Shield::Protection",
    "AWS::RAM::ResourceShare",
];

impl Importer<'_> {
    pub(crate) fn map_components(&mut self) {
        for resource_type in FIRST.iter().chain(SECOND).chain(LAST) {
            for key in self.element_resources_of_type(resource_type) {
                if self.dispositions.contains_key(&key) {
                    continue;
                }
                if let Some(component) = self.component_for(&key) {
                    self.push_component(&key, component);
                }
            }
        }
        self.absorb_component_helpers();
    }

    fn flag(&self, key: &ResourceKey, path: &[&str]) -> Option<bool> {
        match self.property(key.0, &key.1, path).as_text() {
            Some(text) if text.eq_ignore_ascii_case("true") => Some(true),
            Some(text) if text.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    fn number(&self, key: &ResourceKey, path: &[&str]) -> Option<u32> {
        self.property(key.0, &key.1, path).as_text()?.parse().ok()
    }

    fn text(&self, key: &ResourceKey, path: &[&str]) -> Option<String> {
        self.property(key.0, &key.1, path)
            .as_text()
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    }

    fn present(&self, key: &ResourceKey, path: &[&str]) -> bool {
        !matches!(self.property(key.0, &key.1, path), Sym::NoValue)
    }

    /// The KMS key component a key reference names, if it is one of the template's keys.
    fn key_component(&self, key: &ResourceKey, path: &[&str]) -> Option<String> {
        let sym = self.property(key.0, &key.1, path);
        sym.resources().into_iter().find_map(|target| {
            match self.resource(&target).resource_type.as_str() {
                "AWS::KMS::Key" => self.element_for(&target).cloned(),
                "AWS::KMS::Alias" => {
                    let aliased = self.property(target.0, &target.1, &["TargetKeyId"]);
                    self.element_of(&aliased)
                }
                _ => None,
            }
        })
    }

    /// Resources of `resource_type` whose `property` refers to `target`.
    fn referring(
        &self,
        resource_type: &str,
        property: &[&str],
        target: &ResourceKey,
    ) -> Vec<ResourceKey> {
        self.resources_of_type(resource_type)
            .into_iter()
            .filter(|key| {
                self.property(key.0, &key.1, property)
                    .resources()
                    .contains(target)
            })
            .collect()
    }

    fn component_for(&mut self, key: &ResourceKey) -> Option<Component> {
        let resource_type = self.resource(key).resource_type.clone();
        let account = self.account.clone();
        let component = match resource_type.as_str() {
            "AWS::KMS::Key" => {
                let mut component = self.new_component(key, ComponentKind::KmsKey, account);
                component.properties.key_rotation =
                    Some(self.flag(key, &["EnableKeyRotation"]).unwrap_or(false));
                if let Some(policy) = self.resource(key).property("KeyPolicy").cloned() {
                    component.properties.resource_policy = self.design_statements(key, &policy);
                }
                component
            }
            "AWS::CertificateManager::Certificate" => {
                let mut component = self.new_component(key, ComponentKind::AcmCertificate, account);
                component.properties.domain_name = self.text(key, &["DomainName"]);
                component
            }
            "AWS::Logs::LogGroup" => {
                let mut component = self.new_component(key, ComponentKind::LogGroup, account);
                component.properties.retention_days = self.number(key, &["RetentionInDays"]);
                component.properties.encrypted_at_rest = Some(self.present(key, &["KmsKeyId"]));
                component.encryption_key = self.key_component(key, &["KmsKeyId"]);
                component
            }
            "AWS::S3::Bucket" => self.bucket(key),
            "AWS::DynamoDB::Table" => {
                let mut component = self.new_component(key, ComponentKind::DynamodbTable, account);
                // DynamoDB always encrypts at rest; SSESpecification only chooses a KMS key.
                component.properties.encrypted_at_rest = Some(true);
                component.encryption_key =
                    self.key_component(key, &["SSESpecification", "KMSMasterKeyId"]);
                component.properties.point_in_time_recovery = Some(
                    self.flag(
                        key,
                        &[
                            "PointInTimeRecoverySpecification",
                            "PointInTimeRecoveryEnabled",
                        ],
                    )
                    .unwrap_or(false),
                );
                component.properties.deletion_protection =
                    self.flag(key, &["DeletionProtectionEnabled"]);
                component
            }
            "AWS::SQS::Queue" => {
                let mut component = self.new_component(key, ComponentKind::SqsQueue, account);
                let managed = self.flag(key, &["SqsManagedSseEnabled"]).unwrap_or(true);
                component.properties.encrypted_at_rest =
                    Some(self.present(key, &["KmsMasterKeyId"]) || managed);
                component.encryption_key = self.key_component(key, &["KmsMasterKeyId"]);
                component.properties.resource_policy =
                    self.attached_policies("AWS::SQS::QueuePolicy", &["Queues"], key, false);
                component
            }
            "AWS::SNS::Topic" => {
                let mut component = self.new_component(key, ComponentKind::SnsTopic, account);
                component.properties.encrypted_at_rest =
                    Some(self.present(key, &["KmsMasterKeyId"]));
                component.encryption_key = self.key_component(key, &["KmsMasterKeyId"]);
                component.properties.resource_policy =
                    self.attached_policies("AWS::SNS::TopicPolicy", &["Topics"], key, false);
                component
            }
            "AWS::SecretsManager::Secret" => {
                let mut component = self.new_component(key, ComponentKind::Secret, account);
                component.encryption_key = self.key_component(key, &["KmsKeyId"]);
                component.properties.rotation_days = self
                    .referring("AWS::SecretsManager::RotationSchedule", &["SecretId"], key)
                    .first()
                    .and_then(|schedule| {
                        self.number(schedule, &["RotationRules", "AutomaticallyAfterDays"])
                    });
                component.properties.resource_policy = self.attached_policies(
                    "AWS::SecretsManager::ResourcePolicy",
                    &["SecretId"],
                    key,
                    false,
                );
                component
            }
            "AWS::ECR::Repository" => {
                let mut component = self.new_component(key, ComponentKind::EcrRepository, account);
                component.properties.scan_on_push =
                    self.flag(key, &["ImageScanningConfiguration", "ScanOnPush"]);
                component.properties.immutable_tags =
                    Some(self.text(key, &["ImageTagMutability"]).as_deref() == Some("IMMUTABLE"));
                component
            }
            "AWS::Route53::HostedZone" => {
                let mut component = self.new_component(key, ComponentKind::Route53Zone, account);
                component.properties.domain_name = self.text(key, &["Name"]);
                component
            }
            "AWS::CloudTrail::Trail" => {
                let mut component = self.new_component(key, ComponentKind::Cloudtrail, account);
                component.properties.multi_region =
                    Some(self.flag(key, &["IsMultiRegionTrail"]).unwrap_or(false));
                component.properties.log_file_validation = Some(
                    self.flag(key, &["EnableLogFileValidation"])
                        .unwrap_or(false),
                );
                component
            }
            "AWS::CloudWatch::Alarm" => {
                let mut component =
                    self.new_component(key, ComponentKind::CloudwatchAlarm, account);
                component.properties.metric = self.text(key, &["MetricName"]);
                component
            }
            "AWS::Config::ConfigurationRecorder" => {
                self.new_component(key, ComponentKind::ConfigRecorder, account)
            }
            "AWS::SecurityHub::Hub" => {
                let mut component = self.new_component(key, ComponentKind::SecurityHub, account);
                component.properties.standards = self
                    .resources_of_type("AWS::SecurityHub::Standard")
                    .iter()
                    .filter_map(|standard| self.text(standard, &["StandardsArn"]))
                    .collect();
                component
            }
            "AWS::GuardDuty::Detector" => {
                self.new_component(key, ComponentKind::Guardduty, account)
            }
            "AWS::Macie::Session" => self.new_component(key, ComponentKind::Macie, account),
            "AWS::AccessAnalyzer::Analyzer" => {
                self.new_component(key, ComponentKind::AccessAnalyzer, account)
            }
            "AWS::SSM::PatchBaseline" => {
                let mut component = self.new_component(key, ComponentKind::PatchBaseline, account);
                component.properties.os = self
                    .text(key, &["OperatingSystem"])
                    .map(|os| os.to_ascii_lowercase());
                component
            }
            "AWS::AppMesh::Mesh" => self.new_component(key, ComponentKind::AppMesh, account),
            "AWS::RDS::DBCluster" => self.database(key, true),
            "AWS::RDS::DBInstance" => {
                let cluster = self
                    .property(key.0, &key.1, &["DBClusterIdentifier"])
                    .resource();
                if let Some(cluster) =
                    cluster.and_then(|cluster| self.element_for(&cluster).cloned())
                {
                    let public = self.flag(key, &["PubliclyAccessible"]);
                    if let Some(component) = self
                        .design
                        .components
                        .iter_mut()
                        .find(|component| component.id == cluster)
                    {
                        component.properties.publicly_accessible =
                            component.properties.publicly_accessible.max(public);
                    }
                    self.mark(
                        key.clone(),
                        Disposition::Absorbed {
                            element: Some(cluster),
                            how: "an instance of the database cluster".to_owned(),
                        },
                    );
                    return None;
                }
                self.database(key, false)
            }
            "AWS::ElastiCache::ReplicationGroup" | "AWS::ElastiCache::CacheCluster" => {
                let subnets = self.subnet_group_subnets(
                    key,
                    "CacheSubnetGroupName",
                    "AWS::ElastiCache::SubnetGroup",
                );
                let subnet = self.subnet_for(&subnets, Tier::Private);
                let mut component = self.new_component(key, ComponentKind::Elasticache, subnet);
                component.properties.engine = self.text(key, &["Engine"]);
                component.properties.engine_version = self.text(key, &["EngineVersion"]);
                component.properties.instance_type = self.text(key, &["CacheNodeType"]);
                component.properties.multi_az = self.flag(key, &["MultiAZEnabled"]);
                component.properties.encrypted_at_rest = Some(
                    self.flag(key, &["AtRestEncryptionEnabled"])
                        .unwrap_or(false),
                );
                component.properties.encrypted_in_transit = Some(
                    self.flag(key, &["TransitEncryptionEnabled"])
                        .unwrap_or(false),
                );
                component.encryption_key = self.key_component(key, &["KmsKeyId"]);
                component
            }
            "AWS::ElasticLoadBalancingV2::LoadBalancer" => self.load_balancer(key)?,
            "AWS::CloudFront::Distribution" => {
                let mut component = self.new_component(key, ComponentKind::Cloudfront, account);
                let at = |path: &[&'static str]| -> Vec<&'static str> {
                    std::iter::once("DistributionConfig")
                        .chain(path.iter().copied())
                        .collect()
                };
                component.properties.tls_policy =
                    self.text(key, &at(&["ViewerCertificate", "MinimumProtocolVersion"]));
                component.properties.certificate = self.element_of(&self.property(
                    key.0,
                    &key.1,
                    &at(&["ViewerCertificate", "AcmCertificateArn"]),
                ));
                component.properties.domain_name = self
                    .property(key.0, &key.1, &at(&["Aliases"]))
                    .values()
                    .first()
                    .and_then(|alias| alias.as_text().map(str::to_owned));
                component.properties.http_redirect = self
                    .text(key, &at(&["DefaultCacheBehavior", "ViewerProtocolPolicy"]))
                    .map(|policy| policy != "allow-all");
                component
            }
            "AWS::ApiGateway::RestApi" => {
                let mut component = self.new_component(key, ComponentKind::ApiGateway, account);
                let private = self
                    .property(key.0, &key.1, &["EndpointConfiguration", "Types"])
                    .values()
                    .iter()
                    .any(|kind| kind.as_text() == Some("PRIVATE"));
                component.properties.scheme = Some(if private {
                    Scheme::Internal
                } else {
                    Scheme::InternetFacing
                });
                if let Some(policy) = self.resource(key).property("Policy").cloned() {
                    component.properties.resource_policy = self.design_statements(key, &policy);
                }
                component
            }
            "AWS::ApiGatewayV2::Api" => {
                let mut component = self.new_component(key, ComponentKind::ApiGateway, account);
                component.properties.scheme = Some(Scheme::InternetFacing);
                component
            }
            "AWS::EC2::Instance" => {
                let subnets = match self.property(key.0, &key.1, &["SubnetId"]) {
                    Sym::NoValue => self
                        .resource(key)
                        .property("NetworkInterfaces")
                        .and_then(|interfaces| {
                            self.list_items(key.0, interfaces).first().copied().cloned()
                        })
                        .and_then(|interface| interface.get("SubnetId").cloned())
                        .map_or(Sym::NoValue, |subnet| self.eval(key.0, &subnet)),
                    subnet => subnet,
                };
                let subnet = self.subnet_for(&subnets, Tier::Private);
                let mut component = self.new_component(key, ComponentKind::Ec2Instance, subnet);
                component.properties.instance_type = self.text(key, &["InstanceType"]);
                component.properties.image = self.text(key, &["ImageId"]);
                component.identity =
                    self.role_of(&self.property(key.0, &key.1, &["IamInstanceProfile"]));
                component.properties.imdsv2 = Some(false);
                component
            }
            "AWS::AutoScaling::AutoScalingGroup" => self.auto_scaling_group(key),
            "AWS::Lambda::Function" => {
                let subnets = self.property(key.0, &key.1, &["VpcConfig", "SubnetIds"]);
                let segment = if matches!(subnets, Sym::NoValue) {
                    account
                } else {
                    self.subnet_for(&subnets, Tier::Private)
                };
                let mut component = self.new_component(key, ComponentKind::LambdaFunction, segment);
                component.properties.runtime = self.text(key, &["Runtime"]);
                component.properties.memory = self.number(key, &["MemorySize"]);
                component.identity = self.role_of(&self.property(key.0, &key.1, &["Role"]));
                component
            }
            "AWS::ECS::Service" => self.ecs_service(key),
            "AWS::EKS::Cluster" => {
                let subnets = self.property(key.0, &key.1, &["ResourcesVpcConfig", "SubnetIds"]);
                let subnet = self.subnet_for_spread(&subnets, Tier::Private);
                let mut component = self.new_component(key, ComponentKind::EksCluster, subnet);
                component.properties.engine_version = self.text(key, &["Version"]);
                // The API endpoint is public unless the template turns public access off.
                component.properties.publicly_accessible = Some(
                    self.flag(key, &["ResourcesVpcConfig", "EndpointPublicAccess"])
                        .unwrap_or(true),
                );
                component.properties.encrypted_at_rest =
                    Some(self.present(key, &["EncryptionConfig"]));
                component
            }
            "AWS::NetworkFirewall::Firewall" => {
                let mappings = self
                    .resource(key)
                    .property("SubnetMappings")
                    .cloned()
                    .unwrap_or(Value::null());
                let subnets: Vec<Sym> = self
                    .list_items(key.0, &mappings)
                    .iter()
                    .filter_map(|mapping| mapping.get("SubnetId"))
                    .map(|subnet| self.eval(key.0, subnet))
                    .collect();
                let subnet = self.subnet_for(&Sym::List(subnets), Tier::Public);
                self.new_component(key, ComponentKind::NetworkFirewall, subnet)
            }
            "AWS::ECS::Cluster" => {
                let vpc = self
                    .design
                    .components
                    .iter()
                    .filter(|component| component.kind == ComponentKind::EcsService)
                    .filter(|component| {
                        self.referring("AWS::ECS::Service", &["Cluster"], key)
                            .iter()
                            .any(|service| self.element_for(service) == Some(&component.id))
                    })
                    .find_map(|component| self.vpc_of(&component.segment))
                    .or_else(|| {
                        let vpcs: Vec<&zta_model::Segment> = self
                            .design
                            .segments
                            .iter()
                            .filter(|segment| segment.kind == zta_model::SegmentKind::Vpc)
                            .collect();
                        (vpcs.len() == 1).then(|| vpcs[0].id.clone())
                    })
                    .unwrap_or_else(|| self.external_vpc());
                self.new_component(key, ComponentKind::EcsCluster, vpc)
            }
            "AWS::WAFv2::WebACL" => {
                let mut component = self.new_component(key, ComponentKind::WafWebAcl, account);
                let rules = self
                    .resource(key)
                    .property("Rules")
                    .cloned()
                    .unwrap_or(Value::null());
                component.properties.managed_rule_groups = self
                    .list_items(key.0, &rules)
                    .iter()
                    .filter_map(|rule| {
                        let statement = rule.get("Statement")?.get("ManagedRuleGroupStatement")?;
                        self.eval(key.0, statement.get("Name")?)
                            .as_text()
                            .map(str::to_owned)
                    })
                    .collect();
                let mut protected = Vec::new();
                for association in
                    self.referring("AWS::WAFv2::WebACLAssociation", &["WebACLArn"], key)
                {
                    protected.extend(self.elements_of(&self.property(
                        association.0,
                        &association.1,
                        &["ResourceArn"],
                    )));
                }
                for distribution in self.referring(
                    "AWS::CloudFront::Distribution",
                    &["DistributionConfig", "WebACLId"],
                    key,
                ) {
                    protected.extend(self.element_for(&distribution).cloned());
                }
                component.properties.protects = protected;
                component
            }
            "AWS::Shield::Protection" => {
                let mut component =
                    self.new_component(key, ComponentKind::ShieldProtection, account);
                component.properties.protects =
                    self.elements_of(&self.property(key.0, &key.1, &["ResourceArn"]));
                component
            }
            "AWS::RAM::ResourceShare" => {
                let mut component = self.new_component(key, ComponentKind::RamShare, account);
                component.properties.shares =
                    self.elements_of(&self.property(key.0, &key.1, &["ResourceArns"]));
                component
            }
            _ => return None,
        };
        Some(component)
    }

    /// The statements of the policies of `resource_type` attached to `target`; `generated` keeps
    /// the zero-trust defaults an export of ZTA Designer wrote into them.
    fn attached_policies(
        &self,
        resource_type: &str,
        property: &[&str],
        target: &ResourceKey,
        generated: bool,
    ) -> Vec<zta_model::PolicyStatement> {
        self.referring(resource_type, property, target)
            .iter()
            .flat_map(|policy| {
                let document = ["PolicyDocument", "ResourcePolicy"]
                    .iter()
                    .find_map(|name| self.resource(policy).property(name));
                document.map_or_else(Vec::new, |document| {
                    if generated {
                        self.statements(policy.0, document)
                    } else {
                        self.design_statements(policy, document)
                    }
                })
            })
            .collect()
    }

    fn bucket(&mut self, key: &ResourceKey) -> Component {
        let mut component = self.new_component(key, ComponentKind::S3Bucket, self.account.clone());
        // S3 encrypts every new object since January 2023; the template may choose a KMS key.
        component.properties.encrypted_at_rest = Some(true);
        let encryption = self.resource(key).property("BucketEncryption").cloned();
        if let Some(encryption) = encryption {
            let rules = encryption
                .get("ServerSideEncryptionConfiguration")
                .cloned()
                .unwrap_or(Value::null());
            component.encryption_key = self.list_items(key.0, &rules).iter().find_map(|rule| {
                let key_id = rule
                    .get("ServerSideEncryptionByDefault")?
                    .get("KMSMasterKeyID")?;
                let sym = self.eval(key.0, key_id);
                sym.resources()
                    .into_iter()
                    .find_map(|target| self.element_for(&target).cloned())
            });
        }
        component.properties.versioning = Some(
            self.text(key, &["VersioningConfiguration", "Status"])
                .as_deref()
                == Some("Enabled"),
        );
        if self.present(key, &["PublicAccessBlockConfiguration"]) {
            let all_blocked = [
                "BlockPublicAcls",
                "BlockPublicPolicy",
                "IgnorePublicAcls",
                "RestrictPublicBuckets",
            ]
            .iter()
            .all(|setting| {
                self.flag(key, &["PublicAccessBlockConfiguration", setting]) == Some(true)
            });
            component.properties.block_public_access = Some(all_blocked);
        }
        // The export's own deny outside the design's endpoints says the bucket takes requests
        // only through them, so the check reads the generated statements too.
        let all = self.attached_policies("AWS::S3::BucketPolicy", &["Bucket"], key, true);
        let vpce_only = all.iter().any(|statement| {
            statement.effect == zta_model::Effect::Deny
                && statement.conditions.values().any(|tests| {
                    tests
                        .keys()
                        .any(|name| name.eq_ignore_ascii_case("aws:SourceVpce"))
                })
        });
        component.properties.vpc_endpoint_only = vpce_only.then_some(true);
        component.properties.resource_policy =
            self.attached_policies("AWS::S3::BucketPolicy", &["Bucket"], key, false);
        component
    }

    fn subnet_group_subnets(&self, key: &ResourceKey, property: &str, group_type: &str) -> Sym {
        let group = self.property(key.0, &key.1, &[property]);
        match group.resource() {
            Some(group) if self.resource(&group).resource_type == group_type => {
                self.property(group.0, &group.1, &["SubnetIds"])
            }
            _ => group,
        }
    }

    fn database(&mut self, key: &ResourceKey, cluster: bool) -> Component {
        let subnets =
            self.subnet_group_subnets(key, "DBSubnetGroupName", "AWS::RDS::DBSubnetGroup");
        let subnet = self.subnet_for_spread(&subnets, Tier::Isolated);
        let mut component = self.new_component(key, ComponentKind::Rds, subnet);
        let properties = &mut component.properties;
        properties.engine = self
            .text(key, &["Engine"])
            .map(|engine| engine.to_ascii_lowercase());
        properties.engine_version = self.text(key, &["EngineVersion"]);
        // A cluster whose engine only a parameter names is an Aurora cluster (what the design
        // draws as a cluster); which Aurora engine is a guess the note owns up to.
        if cluster && properties.engine.is_none() {
            properties.engine = Some("aurora-postgresql".to_owned());
            let logical_id = self.design_logical_id(key);
            self.notes.push(format!(
                "DB cluster {logical_id}: the engine is not known from the template; taken as aurora-postgresql"
            ));
        }
        properties.instance_type = self.text(key, &["DBInstanceClass"]);
        properties.multi_az = self.flag(key, &["MultiAZ"]);
        properties.publicly_accessible = if cluster {
            None
        } else {
            Some(self.flag(key, &["PubliclyAccessible"]).unwrap_or(false))
        };
        properties.iam_auth = Some(
            self.flag(key, &["EnableIAMDatabaseAuthentication"])
                .unwrap_or(false),
        );
        properties.managed_password = Some(
            self.flag(key, &["ManageMasterUserPassword"])
                .unwrap_or(false),
        );
        properties.encrypted_at_rest = Some(self.flag(key, &["StorageEncrypted"]).unwrap_or(false));
        properties.deletion_protection = self.flag(key, &["DeletionProtection"]);
        properties.backup_retention_days = self.number(key, &["BackupRetentionPeriod"]);
        component.encryption_key = self.key_component(key, &["KmsKeyId"]);
        component
    }

    fn load_balancer(&mut self, key: &ResourceKey) -> Option<Component> {
        let kind = match self.text(key, &["Type"]).as_deref() {
            None | Some("application") => ComponentKind::Alb,
            Some("network") => ComponentKind::Nlb,
            Some(_) => return None,
        };
        let internal = self.text(key, &["Scheme"]).as_deref() == Some("internal");
        let mut subnets = self.property(key.0, &key.1, &["Subnets"]);
        if matches!(subnets, Sym::NoValue) {
            let mappings = self
                .resource(key)
                .property("SubnetMappings")
                .cloned()
                .unwrap_or(Value::null());
            subnets = Sym::List(
                self.list_items(key.0, &mappings)
                    .iter()
                    .filter_map(|mapping| mapping.get("SubnetId"))
                    .map(|subnet| self.eval(key.0, subnet))
                    .collect(),
            );
        }
        let tier = if internal {
            Tier::Private
        } else {
            Tier::Public
        };
        let subnet = if kind == ComponentKind::Alb {
            self.subnet_for_spread(&subnets, tier)
        } else {
            self.subnet_for(&subnets, tier)
        };
        let mut component = self.new_component(key, kind, subnet);
        component.properties.scheme = Some(if internal {
            Scheme::Internal
        } else {
            Scheme::InternetFacing
        });
        let listeners = self.referring(
            "AWS::ElasticLoadBalancingV2::Listener",
            &["LoadBalancerArn"],
            key,
        );
        let mut redirects = Vec::new();
        for listener in &listeners {
            let protocol = self.text(listener, &["Protocol"]).unwrap_or_default();
            if matches!(protocol.as_str(), "HTTPS" | "TLS") {
                component.properties.tls_policy = component
                    .properties
                    .tls_policy
                    .take()
                    .or_else(|| self.text(listener, &["SslPolicy"]));
                let certificates = self.property(listener.0, &listener.1, &["Certificates"]);
                let certificate =
                    self.resource(listener)
                        .property("Certificates")
                        .and_then(|list| {
                            self.list_items(listener.0, list)
                                .first()
                                .and_then(|entry| entry.get("CertificateArn"))
                                .map(|arn| self.eval(listener.0, arn))
                        });
                let certificate = certificate.unwrap_or(certificates);
                component.properties.certificate =
                    component.properties.certificate.take().or_else(|| {
                        self.elements_of(&certificate).into_iter().find(|id| {
                            self.design.component(id).is_some_and(|component| {
                                component.kind == ComponentKind::AcmCertificate
                            })
                        })
                    });
            }
            if protocol == "HTTP" && kind == ComponentKind::Alb {
                let actions = self
                    .resource(listener)
                    .property("DefaultActions")
                    .cloned()
                    .unwrap_or(Value::null());
                let redirect = self
                    .list_items(listener.0, &actions)
                    .iter()
                    .any(|action| action.get("Type").and_then(Value::as_str) == Some("redirect"));
                redirects.push(redirect);
            }
        }
        if kind == ComponentKind::Alb {
            if !redirects.is_empty() {
                component.properties.http_redirect =
                    Some(redirects.iter().all(|redirect| *redirect));
            }
            let attributes = self
                .resource(key)
                .property("LoadBalancerAttributes")
                .cloned()
                .unwrap_or(Value::null());
            component.properties.deletion_protection = self
                .list_items(key.0, &attributes)
                .iter()
                .find(|attribute| {
                    attribute.get("Key").and_then(Value::as_str)
                        == Some("deletion_protection.enabled")
                })
                .and_then(|attribute| attribute.get("Value"))
                .and_then(|value| self.eval(key.0, value).as_text().map(|text| text == "true"));
        }
        Some(component)
    }

    fn auto_scaling_group(&mut self, key: &ResourceKey) -> Component {
        let subnets = self.property(key.0, &key.1, &["VPCZoneIdentifier"]);
        let subnet = self.subnet_for(&subnets, Tier::Private);
        let mut component = self.new_component(key, ComponentKind::Ec2Instance, subnet);
        component.description = Some("Auto Scaling group, drawn as its instances.".to_owned());
        let configuration = self
            .property(key.0, &key.1, &["LaunchConfigurationName"])
            .resource();
        let template = self
            .property(key.0, &key.1, &["LaunchTemplate", "LaunchTemplateId"])
            .resource();
        if let Some(configuration) = configuration {
            component.properties.instance_type = self.text(&configuration, &["InstanceType"]);
            component.properties.image = self.text(&configuration, &["ImageId"]);
            component.identity = self.role_of(&self.property(
                configuration.0,
                &configuration.1,
                &["IamInstanceProfile"],
            ));
            component.properties.publicly_accessible =
                self.flag(&configuration, &["AssociatePublicIpAddress"]);
            component.properties.imdsv2 = Some(
                self.text(&configuration, &["MetadataOptions", "HttpTokens"])
                    .as_deref()
                    == Some("required"),
            );
        } else if let Some(template) = template {
            let at = |path: &[&'static str]| -> Vec<&'static str> {
                std::iter::once("LaunchTemplateData")
                    .chain(path.iter().copied())
                    .collect()
            };
            component.properties.instance_type = self.text(&template, &at(&["InstanceType"]));
            component.properties.image = self.text(&template, &at(&["ImageId"]));
            let mut profile =
                self.property(template.0, &template.1, &at(&["IamInstanceProfile", "Arn"]));
            if matches!(profile, Sym::NoValue) {
                profile = self.property(
                    template.0,
                    &template.1,
                    &at(&["IamInstanceProfile", "Name"]),
                );
            }
            component.identity = self.role_of(&profile);
            component.properties.imdsv2 = Some(
                self.text(&template, &at(&["MetadataOptions", "HttpTokens"]))
                    .as_deref()
                    == Some("required"),
            );
            let interfaces = self
                .resource(&template)
                .property("LaunchTemplateData")
                .and_then(|data| self.lookup(template.0, data, "NetworkInterfaces"))
                .cloned()
                .unwrap_or(Value::null());
            component.properties.publicly_accessible = self
                .list_items(template.0, &interfaces)
                .first()
                .and_then(|interface| interface.get("AssociatePublicIpAddress"))
                .and_then(|flag| {
                    self.eval(template.0, flag)
                        .as_text()
                        .map(|text| text == "true")
                });
        }
        component
    }

    fn ecs_service(&mut self, key: &ResourceKey) -> Component {
        let subnets = self.property(
            key.0,
            &key.1,
            &["NetworkConfiguration", "AwsvpcConfiguration", "Subnets"],
        );
        let subnet = match self.first_subnet(&subnets) {
            Some(subnet) => subnet,
            // Without awsvpc networking the tasks run on the cluster's container instances.
            None if matches!(subnets, Sym::NoValue) => self
                .design
                .components
                .iter()
                .find(|component| component.kind == ComponentKind::Ec2Instance)
                .map(|component| component.segment.clone())
                .unwrap_or_else(|| self.external_subnet(Tier::Private)),
            None => self.subnet_for(&subnets, Tier::Private),
        };
        let mut component = self.new_component(key, ComponentKind::EcsService, subnet);
        let fargate = self.text(key, &["LaunchType"]).as_deref() == Some("FARGATE");
        component.properties.launch_type = Some(if fargate {
            LaunchType::Fargate
        } else {
            LaunchType::Ec2
        });
        component.properties.desired_count = self.number(key, &["DesiredCount"]);
        component.properties.publicly_accessible = Some(
            self.text(
                key,
                &[
                    "NetworkConfiguration",
                    "AwsvpcConfiguration",
                    "AssignPublicIp",
                ],
            )
            .as_deref()
                == Some("ENABLED"),
        );
        if let Some(task) = self.property(key.0, &key.1, &["TaskDefinition"]).resource() {
            component.properties.cpu = self.number(&task, &["Cpu"]);
            component.properties.memory = self.number(&task, &["Memory"]);
            component.identity = self.role_of(&self.property(task.0, &task.1, &["TaskRoleArn"]));
            let containers = self
                .resource(&task)
                .property("ContainerDefinitions")
                .cloned()
                .unwrap_or(Value::null());
            component.properties.image = self
                .list_items(task.0, &containers)
                .first()
                .and_then(|container| container.get("Image"))
                .map(|image| self.eval(task.0, image).describe());
            self.mark(
                task,
                Disposition::Absorbed {
                    element: Some(component.id.clone()),
                    how: "the service's task definition (image, size, task role)".to_owned(),
                },
            );
        }
        component
    }

    /// Resources whose meaning is a property of a component mapped above.
    fn absorb_component_helpers(&mut self) {
        let helpers: [(&str, &[&str], &str); 10] = [
            ("AWS::S3::BucketPolicy", &["Bucket"], "the bucket's policy"),
            ("AWS::SQS::QueuePolicy", &["Queues"], "the queue's policy"),
            ("AWS::SNS::TopicPolicy", &["Topics"], "the topic's policy"),
            (
                "AWS::SecretsManager::ResourcePolicy",
                &["SecretId"],
                "the secret's policy",
            ),
            (
                "AWS::SecretsManager::RotationSchedule",
                &["SecretId"],
                "the secret's rotation",
            ),
            (
                "AWS::RDS::DBSubnetGroup",
                &["SubnetIds"],
                "the database's subnets",
            ),
            (
                "AWS::ElastiCache::SubnetGroup",
                &["SubnetIds"],
                "the cache's subnets",
            ),
            (
                "AWS::WAFv2::WebACLAssociation",
                &["WebACLArn"],
                "what the web ACL protects",
            ),
            (
                "AWS::SecurityHub::Standard",
                &["StandardsArn"],
                "a Security Hub standard",
            ),
            (
                "AWS::ElasticLoadBalancingV2::Listener",
                &["LoadBalancerArn"],
                "the load balancer's listener",
            ),
        ];
        for (resource_type, property, how) in helpers {
            for key in self.resources_of_type(resource_type) {
                let element = self.element_of(&self.property(key.0, &key.1, property));
                let element = match (resource_type, element) {
                    ("AWS::SecurityHub::Standard", _) => self
                        .design
                        .components
                        .iter()
                        .find(|component| component.kind == ComponentKind::SecurityHub)
                        .map(|component| component.id.clone()),
                    (_, element) => element,
                };
                if element.is_none()
                    && resource_type != "AWS::RDS::DBSubnetGroup"
                    && resource_type != "AWS::ElastiCache::SubnetGroup"
                {
                    continue;
                }
                self.mark(
                    key,
                    Disposition::Absorbed {
                        element,
                        how: how.to_owned(),
                    },
                );
            }
        }
    }
}

// The official AWS architecture icons (npm `aws-icons`) for every element the canvas draws.
// Vite turns each import into a URL of a file in the bundle, so the CSP needs only 'self'.
import acm from "aws-icons/icons/architecture-service/AWSCertificateManager.svg";
import alb from "aws-icons/icons/resource/ElasticLoadBalancingApplicationLoadBalancer.svg";
import classicLoadBalancer from "aws-icons/icons/resource/ElasticLoadBalancingClassicLoadBalancer.svg";
import apiGateway from "aws-icons/icons/architecture-service/AmazonAPIGateway.svg";
import appMesh from "aws-icons/icons/architecture-service/AWSAppMesh.svg";
import appSync from "aws-icons/icons/architecture-service/AWSAppSync.svg";
import accessAnalyzer from "aws-icons/icons/resource/AWSIdentityAccessManagementIAMAccessAnalyzer.svg";
import cloudfront from "aws-icons/icons/architecture-service/AmazonCloudFront.svg";
import cloudtrail from "aws-icons/icons/architecture-service/AWSCloudTrail.svg";
import cloudwatchAlarm from "aws-icons/icons/resource/AmazonCloudWatchAlarm.svg";
import cognito from "aws-icons/icons/architecture-service/AmazonCognito.svg";
import config from "aws-icons/icons/architecture-service/AWSConfig.svg";
import documentdb from "aws-icons/icons/architecture-service/AmazonDocumentDB.svg";
import transferFamily from "aws-icons/icons/architecture-service/AWSTransferFamily.svg";
import dynamodb from "aws-icons/icons/architecture-service/AmazonDynamoDB.svg";
import ec2 from "aws-icons/icons/architecture-service/AmazonEC2.svg";
import autoScaling from "aws-icons/icons/resource/AmazonEC2AutoScaling.svg";
import ecr from "aws-icons/icons/architecture-service/AmazonElasticContainerRegistry.svg";
import ecs from "aws-icons/icons/architecture-service/AmazonElasticContainerService.svg";
import efs from "aws-icons/icons/architecture-service/AmazonEFS.svg";
import opensearch from "aws-icons/icons/architecture-service/AmazonOpenSearchService.svg";
import msk from "aws-icons/icons/architecture-service/AmazonManagedStreamingforApacheKafka.svg";
import mq from "aws-icons/icons/architecture-service/AmazonMQ.svg";
import firehose from "aws-icons/icons/architecture-service/AmazonDataFirehose.svg";
import eks from "aws-icons/icons/architecture-service/AmazonElasticKubernetesService.svg";
import elasticache from "aws-icons/icons/architecture-service/AmazonElastiCache.svg";
import ebsVolume from "aws-icons/icons/resource/AmazonElasticBlockStoreVolume.svg";
import endpoints from "aws-icons/icons/resource/AmazonVPCEndpoints.svg";
import guardduty from "aws-icons/icons/architecture-service/AmazonGuardDuty.svg";
import iam from "aws-icons/icons/architecture-service/AWSIdentityandAccessManagement.svg";
import iamRole from "aws-icons/icons/resource/AWSIdentityAccessManagementRole.svg";
import iamPermissions from "aws-icons/icons/resource/AWSIdentityAccessManagementPermissions.svg";
import identityCenter from "aws-icons/icons/architecture-service/AWSIAMIdentityCenter.svg";
import inspector from "aws-icons/icons/architecture-service/AmazonInspector.svg";
import internet from "aws-icons/icons/resource/Internet.svg";
import internetGateway from "aws-icons/icons/resource/AmazonVPCInternetGateway.svg";
import kinesisStreams from "aws-icons/icons/architecture-service/AmazonKinesisDataStreams.svg";
import kms from "aws-icons/icons/architecture-service/AWSKeyManagementService.svg";
import lambda from "aws-icons/icons/architecture-service/AWSLambda.svg";
import logGroup from "aws-icons/icons/resource/AmazonCloudWatchLogs.svg";
import macie from "aws-icons/icons/architecture-service/AmazonMacie.svg";
import natGateway from "aws-icons/icons/resource/AmazonVPCNATGateway.svg";
import neptune from "aws-icons/icons/architecture-service/AmazonNeptune.svg";
import networkFirewall from "aws-icons/icons/architecture-service/AWSNetworkFirewall.svg";
import nlb from "aws-icons/icons/resource/ElasticLoadBalancingNetworkLoadBalancer.svg";
import office from "aws-icons/icons/resource/Officebuilding.svg";
import patchManager from "aws-icons/icons/resource/AWSSystemsManagerPatchManager.svg";
import peering from "aws-icons/icons/resource/AmazonVPCPeeringConnection.svg";
import privateLink from "aws-icons/icons/architecture-service/AWSPrivateLink.svg";
import ram from "aws-icons/icons/architecture-service/AWSResourceAccessManager.svg";
import rds from "aws-icons/icons/architecture-service/AmazonRDS.svg";
import redshift from "aws-icons/icons/architecture-service/AmazonRedshift.svg";
import route53 from "aws-icons/icons/architecture-service/AmazonRoute53.svg";
import s3 from "aws-icons/icons/architecture-service/AmazonSimpleStorageService.svg";
import secrets from "aws-icons/icons/architecture-service/AWSSecretsManager.svg";
import securityHub from "aws-icons/icons/architecture-service/AWSSecurityHub.svg";
import server from "aws-icons/icons/resource/Server.svg";
import sessionManager from "aws-icons/icons/resource/AWSSystemsManagerSessionManager.svg";
import shield from "aws-icons/icons/architecture-service/AWSShield.svg";
import sns from "aws-icons/icons/architecture-service/AmazonSimpleNotificationService.svg";
import sqs from "aws-icons/icons/architecture-service/AmazonSimpleQueueService.svg";
import stepFunctions from "aws-icons/icons/architecture-service/AWSStepFunctions.svg";
import transitGateway from "aws-icons/icons/architecture-service/AWSTransitGateway.svg";
import user from "aws-icons/icons/resource/User.svg";
import users from "aws-icons/icons/resource/Users.svg";
import authenticatedUser from "aws-icons/icons/resource/AuthenticatedUser.svg";
import vpn from "aws-icons/icons/resource/AmazonVPCVPNConnection.svg";
import waf from "aws-icons/icons/architecture-service/AWSWAF.svg";
import account from "aws-icons/icons/architecture-group/AWSAccount.svg";
import region from "aws-icons/icons/architecture-group/Region.svg";
import vpc from "aws-icons/icons/architecture-group/VirtualprivatecloudVPC.svg";
import publicSubnet from "aws-icons/icons/architecture-group/Publicsubnet.svg";
import privateSubnet from "aws-icons/icons/architecture-group/Privatesubnet.svg";
import datacenter from "aws-icons/icons/architecture-group/Corporatedatacenter.svg";

import type { ActorKind, ComponentKind, IdentityKind, SegmentKind } from "./types";

export const componentIcons: Record<ComponentKind, string> = {
  nat_gateway: natGateway,
  internet_gateway: internetGateway,
  transit_gateway: transitGateway,
  vpc_peering: peering,
  vpn_connection: vpn,
  vpc_endpoint: endpoints,
  endpoint_service: privateLink,
  network_firewall: networkFirewall,
  route53_zone: route53,
  cloudfront,
  waf_web_acl: waf,
  shield_protection: shield,
  alb,
  nlb,
  classic_load_balancer: classicLoadBalancer,
  transfer_server: transferFamily,
  api_gateway: apiGateway,
  appsync_api: appSync,
  acm_certificate: acm,
  ec2_instance: ec2,
  auto_scaling_group: autoScaling,
  lambda_function: lambda,
  step_functions_state_machine: stepFunctions,
  ecs_cluster: ecs,
  ecs_service: ecs,
  eks_cluster: eks,
  app_mesh: appMesh,
  ecr_repository: ecr,
  rds,
  dynamodb_table: dynamodb,
  s3_bucket: s3,
  elasticache,
  ebs_volume: ebsVolume,
  secret: secrets,
  kms_key: kms,
  sqs_queue: sqs,
  sns_topic: sns,
  cloudtrail,
  log_group: logGroup,
  cloudwatch_alarm: cloudwatchAlarm,
  config_recorder: config,
  security_hub: securityHub,
  guardduty,
  macie,
  inspector,
  access_analyzer: accessAnalyzer,
  session_manager: sessionManager,
  patch_baseline: patchManager,
  ram_share: ram,
  efs_file_system: efs,
  kinesis_stream: kinesisStreams,
  firehose_stream: firehose,
  documentdb_cluster: documentdb,
  neptune_cluster: neptune,
  opensearch_domain: opensearch,
  msk_cluster: msk,
  mq_broker: mq,
  redshift_cluster: redshift,
};

export const identityIcons: Record<IdentityKind, string> = {
  iam_role: iamRole,
  iam_user: user,
  iam_group: users,
  cognito_user_pool: cognito,
  permission_set: identityCenter,
  identity_provider: iamPermissions,
};

export const actorIcons: Record<ActorKind, string> = {
  customer: authenticatedUser,
  workforce: users,
  administrator: user,
  developer: user,
  partner: office,
  external_system: server,
};

export const segmentIcons: Record<SegmentKind, string> = {
  account,
  region,
  vpc,
  subnet: privateSubnet,
  internet,
  on_premises: datacenter,
  partner_network: office,
};

export const subnetIcons = { public: publicSubnet, private: privateSubnet, isolated: privateSubnet };

export const iamIcon = iam;

//! Import speed: the largest template of the shared corpus, and a generated template of 5,000
//! resources (VPCs, subnets, security groups with rules, instances, roles, buckets, queues).
//! Figures go in BENCHMARKS.md; run with `cargo bench -p zta-cfn --bench import`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use zta_cfn::{ImportOptions, Template, import_template};

/// The largest templates of the corpus (by bytes, and by lines), if the corpus is present.
const LARGEST: [(&str, &str); 2] = [
    (
        "largest by bytes (compliant-static-website.json, 37 KB)",
        "aws-cloudformation__aws-cloudformation-templates/S3/compliant-static-website.json",
    ),
    (
        "largest by lines (service-dedicated-alb.yaml, 997 lines)",
        "widdix__aws-cf-templates/fargate/service-dedicated-alb.yaml",
    ),
];

fn corpus_template(relative: &str) -> Option<(String, String)> {
    let shared = std::env::var_os("ZTA_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let text = std::fs::read_to_string(shared.join("corpus/cfn").join(relative)).ok()?;
    Some((relative.to_owned(), text))
}

/// A template of `groups` × 10 resources: per group a VPC, two subnets, a route table with its
/// association, a security group with an ingress rule, an instance, a role and a bucket.
fn generated_template(groups: usize) -> String {
    let mut text = String::from("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
    for group in 0..groups {
        let cidr = format!("{}.{}", 10 + group / 256, group % 256);
        let lines = [
            format!("  Vpc{group}:"),
            "    Type: AWS::EC2::VPC".to_owned(),
            format!("    Properties: {{CidrBlock: {cidr}.0.0/16}}"),
            format!("  Public{group}:"),
            "    Type: AWS::EC2::Subnet".to_owned(),
            format!("    Properties: {{VpcId: !Ref Vpc{group}, CidrBlock: {cidr}.0.0/24}}"),
            format!("  Private{group}:"),
            "    Type: AWS::EC2::Subnet".to_owned(),
            format!("    Properties: {{VpcId: !Ref Vpc{group}, CidrBlock: {cidr}.1.0/24}}"),
            format!("  Routes{group}:"),
            "    Type: AWS::EC2::RouteTable".to_owned(),
            format!("    Properties: {{VpcId: !Ref Vpc{group}}}"),
            format!("  Association{group}:"),
            "    Type: AWS::EC2::SubnetRouteTableAssociation".to_owned(),
            format!("    Properties: {{SubnetId: !Ref Private{group}, RouteTableId: !Ref Routes{group}}}"),
            format!("  Group{group}:"),
            "    Type: AWS::EC2::SecurityGroup".to_owned(),
            format!("    Properties: {{GroupDescription: app, VpcId: !Ref Vpc{group}}}"),
            format!("  Ingress{group}:"),
            "    Type: AWS::EC2::SecurityGroupIngress".to_owned(),
            format!("    Properties: {{GroupId: !GetAtt Group{group}.GroupId, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}}"),
            format!("  Instance{group}:"),
            "    Type: AWS::EC2::Instance".to_owned(),
            format!("    Properties: {{SubnetId: !Ref Private{group}, SecurityGroupIds: [!Ref Group{group}], ImageId: ami-12345678}}"),
            format!("  Role{group}:"),
            "    Type: AWS::IAM::Role".to_owned(),
            "    Properties:".to_owned(),
            "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: 'sts:AssumeRole'}]}".to_owned(),
            format!("      Policies: [{{PolicyName: read, PolicyDocument: {{Statement: [{{Effect: Allow, Action: ['s3:GetObject'], Resource: !Sub '${{Bucket{group}.Arn}}/*'}}]}}}}]"),
            format!("  Bucket{group}:"),
            "    Type: AWS::S3::Bucket".to_owned(),
        ];
        for line in lines {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn benchmarks(c: &mut Criterion) {
    let options = ImportOptions::default();
    for (label, relative) in LARGEST {
        let Some((name, text)) = corpus_template(relative) else {
            eprintln!("skipping `{label}`: no template corpus (set ZTA_SHARED_DIR)");
            continue;
        };
        c.bench_function(&format!("import corpus {label}"), |b| {
            b.iter(|| import_template(black_box(&text), &name, &options).expect("imports"))
        });
    }
    let generated = generated_template(500);
    assert_eq!(
        Template::parse(&generated, "generated.yaml")
            .expect("parses")
            .resources
            .len(),
        5_000
    );
    let mut group = c.benchmark_group("generated 5,000 resources");
    group.sample_size(10);
    group.bench_function("parse", |b| {
        b.iter(|| Template::parse(black_box(&generated), "generated.yaml").expect("parses"))
    });
    group.bench_function("import", |b| {
        b.iter(|| {
            import_template(black_box(&generated), "generated.yaml", &options).expect("imports")
        })
    });
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);

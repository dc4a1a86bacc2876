//! Staging of large templates in S3: CloudFormation takes at most 51,200 bytes inline, and up
//! to 1 MB from an S3 URL.

use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{
    BucketLocationConstraint, CreateBucketConfiguration, PublicAccessBlockConfiguration,
};
use sha2::{Digest, Sha256};

use crate::connection::AwsConnection;
use crate::error::{Error, Result};

/// Where a template was uploaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedTemplate {
    /// The bucket.
    pub bucket: String,
    /// The object key: `templates/<stack>/<sha256 of the body>.template`, so that the same
    /// template is stored once however often it is deployed.
    pub key: String,
    /// The HTTPS URL CloudFormation reads it from.
    pub url: String,
}

/// Uploads `template_body` to `bucket` (or to `zta-cfn-staging-<account>-<region>`), creating
/// the bucket with every public access blocked when it does not exist yet.
pub async fn stage_template(
    connection: &AwsConnection,
    stack_name: &str,
    template_body: &str,
    bucket: Option<&str>,
) -> Result<StagedTemplate> {
    let bucket = match bucket {
        Some(bucket) => bucket.to_owned(),
        None => default_staging_bucket(&connection.account_id().await?, connection.region()),
    };
    ensure_bucket(connection, &bucket).await?;
    let digest = Sha256::digest(template_body.as_bytes());
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    let key = format!("templates/{stack_name}/{hex}.template");
    connection
        .s3
        .put_object()
        .bucket(&bucket)
        .key(&key)
        .body(ByteStream::from(template_body.as_bytes().to_vec()))
        .content_type("text/plain")
        .send()
        .await
        .map_err(|error| Error::from_sdk("PutObject", error))?;
    let url = template_url(&bucket, &key, connection.region());
    Ok(StagedTemplate { bucket, key, url })
}

/// The staging bucket's default name: one per account and region, as bucket names are global.
pub(crate) fn default_staging_bucket(account_id: &str, region: &str) -> String {
    format!("zta-cfn-staging-{account_id}-{region}")
}

/// The virtual-hosted URL of an object. CloudFormation reads the template on the service
/// side, so this is the real S3 address even when the client talks to another endpoint;
/// moto resolves the same form against its own S3.
fn template_url(bucket: &str, key: &str, region: &str) -> String {
    let domain = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    };
    format!("https://{bucket}.s3.{region}.{domain}/{key}")
}

async fn ensure_bucket(connection: &AwsConnection, bucket: &str) -> Result<()> {
    let exists = connection.s3.head_bucket().bucket(bucket).send().await;
    match exists {
        Ok(_) => return Ok(()),
        Err(error)
            if error
                .as_service_error()
                .is_some_and(|service| service.is_not_found()) => {}
        Err(error) => return Err(Error::from_sdk("HeadBucket", error)),
    }
    let mut create = connection.s3.create_bucket().bucket(bucket);
    // us-east-1 is the one region that refuses an explicit location constraint.
    if connection.region() != "us-east-1" {
        create = create.create_bucket_configuration(
            CreateBucketConfiguration::builder()
                .location_constraint(BucketLocationConstraint::from(connection.region()))
                .build(),
        );
    }
    create
        .send()
        .await
        .map_err(|error| Error::from_sdk("CreateBucket", error))?;
    connection
        .s3
        .put_public_access_block()
        .bucket(bucket)
        .public_access_block_configuration(
            PublicAccessBlockConfiguration::builder()
                .block_public_acls(true)
                .ignore_public_acls(true)
                .block_public_policy(true)
                .restrict_public_buckets(true)
                .build(),
        )
        .send()
        .await
        .map_err(|error| Error::from_sdk("PutPublicAccessBlock", error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_partition() {
        assert_eq!(
            template_url("b", "templates/web/x.template", "eu-west-1"),
            "https://b.s3.eu-west-1.amazonaws.com/templates/web/x.template"
        );
        assert_eq!(
            template_url("b", "k", "cn-north-1"),
            "https://b.s3.cn-north-1.amazonaws.com.cn/k"
        );
    }
}

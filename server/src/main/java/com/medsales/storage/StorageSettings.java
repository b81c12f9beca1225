package com.medsales.storage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param s3Bucket the bucket for raw files and exports ({@code S3_BUCKET}); blank keeps them under
 *     MEDSALES_HOME
 * @param s3Endpoint another S3-compatible endpoint (tests); blank for AWS ({@code S3_ENDPOINT})
 * @param region the bucket's AWS region ({@code AWS_REGION})
 * @param serverSideEncryption what each upload asks S3 for: {@code AES256} (SSE-S3, the seed) or
 *     {@code aws:kms}
 * @param linkValidity how long a presigned download link works
 */
@Validated
@ConfigurationProperties("medsales.storage")
public record StorageSettings(
    @Nullable String s3Bucket,
    @Nullable String s3Endpoint,
    @DefaultValue("us-east-1") String region,
    @DefaultValue("AES256") String serverSideEncryption,
    @DefaultValue("15m") Duration linkValidity) {

  public boolean s3() {
    return s3Bucket != null && !s3Bucket.isBlank();
  }
}

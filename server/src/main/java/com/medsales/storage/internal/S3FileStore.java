package com.medsales.storage.internal;

import com.medsales.storage.FileStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Files in an S3 bucket. Every upload asks for server-side encryption (SSE-S3 by default, as the
 * seed's section 7 says; the bucket's default encryption in Terraform covers anything else).
 * Downloads for users are presigned GET links, so the bucket stays private.
 */
final class S3FileStore implements FileStore, AutoCloseable {

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;
  private final String serverSideEncryption;

  S3FileStore(S3Client s3, S3Presigner presigner, String bucket, String serverSideEncryption) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
    this.serverSideEncryption = serverSideEncryption;
  }

  @Override
  public void put(String key, Path file) {
    s3.putObject(
        r -> r.bucket(bucket).key(key).serverSideEncryption(serverSideEncryption),
        RequestBody.fromFile(file));
  }

  @Override
  public boolean get(String key, Path target) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".s3part");
    try {
      Files.deleteIfExists(partial);
      s3.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toFile(partial));
    } catch (NoSuchKeyException e) {
      return false;
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  @Override
  public boolean exists(String key) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public java.io.InputStream open(String key) throws IOException {
    try {
      return s3.getObject(r -> r.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new java.nio.file.NoSuchFileException(key);
    }
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(r -> r.bucket(bucket).key(key));
  }

  @Override
  public URI downloadLink(String key, Duration validity) {
    var presigned =
        presigner.presignGetObject(
            r -> r.signatureDuration(validity).getObjectRequest(g -> g.bucket(bucket).key(key)));
    return URI.create(presigned.url().toString());
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }
}

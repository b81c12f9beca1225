package com.medsales.storage.internal;

import com.medsales.platform.MedsalesSettings;
import com.medsales.storage.FileStore;
import com.medsales.storage.StorageSettings;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3 when {@code S3_BUCKET} is set (credentials from the task role), MEDSALES_HOME otherwise. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  FileStore fileStore(StorageSettings settings, MedsalesSettings medsales) {
    if (!settings.s3()) {
      return new LocalFileStore(medsales.home());
    }
    return s3(settings);
  }

  static S3FileStore s3(StorageSettings settings) {
    var region = Region.of(settings.region());
    // path-style addressing only for another endpoint (an S3-compatible server); AWS gets
    // virtual-hosted buckets
    boolean otherEndpoint = settings.s3Endpoint() != null && !settings.s3Endpoint().isBlank();
    var s3Configuration = S3Configuration.builder().pathStyleAccessEnabled(otherEndpoint).build();
    var client = S3Client.builder().region(region).serviceConfiguration(s3Configuration);
    var presigner = S3Presigner.builder().region(region).serviceConfiguration(s3Configuration);
    if (otherEndpoint) {
      client.endpointOverride(URI.create(settings.s3Endpoint()));
      presigner.endpointOverride(URI.create(settings.s3Endpoint()));
    }
    return new S3FileStore(
        client.build(), presigner.build(), settings.s3Bucket(), settings.serverSideEncryption());
  }
}

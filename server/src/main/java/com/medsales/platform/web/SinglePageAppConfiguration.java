package com.medsales.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the React app packaged in the jar ({@code classpath:/static}). Hashed assets are cached
 * for a year; {@code index.html} is never cached; any other path that is not a file and not a
 * server route answers with {@code index.html}, so client-side routes work on reload and in
 * bookmarks.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppConfiguration implements WebMvcConfigurer {

  /** Paths the server owns: an unknown one answers 404 ProblemDetail, not the app. */
  private static final List<String> SERVER_PREFIXES =
      List.of("api/", "actuator/", "v3/", "swagger-ui", "health", "error");

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new IndexFallbackResolver());
  }

  static final class IndexFallbackResolver extends PathResourceResolver {
    @Override
    protected @Nullable Resource getResource(String resourcePath, Resource location)
        throws IOException {
      Resource requested = location.createRelative(resourcePath);
      if (!resourcePath.isEmpty() && requested.exists() && requested.isReadable()) {
        return requested;
      }
      boolean serverRoute = SERVER_PREFIXES.stream().anyMatch(resourcePath::startsWith);
      boolean looksLikeFile =
          resourcePath.substring(resourcePath.lastIndexOf('/') + 1).contains(".");
      if (serverRoute || looksLikeFile) {
        return null;
      }
      Resource index = location.createRelative("index.html");
      return index.exists() ? index : null;
    }
  }
}

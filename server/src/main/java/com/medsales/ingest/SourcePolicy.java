package com.medsales.ingest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where a run asked for through the API may read from ({@code MEDSALES_INGEST_DIRS}, {@code
 * MEDSALES_INGEST_HOSTS}): a file under one of the ingestion directories, its real path (no {@code
 * ..}, no symlink out), or an {@code https} URL on one of the allowed hosts whose every address is
 * public, each redirect hop checked again. The command line and the operator's schedule ({@code
 * medsales.ingest.sources}) are not confined: whoever runs them has the machine.
 */
final class SourcePolicy {

  private final List<Path> directories;
  private final Set<String> hosts;
  private final Set<String> schemes;
  private final Predicate<InetAddress> addressAllowed;

  SourcePolicy(List<Path> directories, List<String> hosts) {
    this(directories, hosts, Set.of("https"), SourcePolicy::isPublic);
  }

  /**
   * As the public constructor, with other schemes or addresses (tests against a server on
   * loopback).
   */
  SourcePolicy(
      List<Path> directories,
      List<String> hosts,
      Set<String> schemes,
      Predicate<InetAddress> addressAllowed) {
    this.directories = directories.stream().map(d -> d.toAbsolutePath().normalize()).toList();
    this.hosts =
        hosts.stream()
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .collect(Collectors.toSet());
    this.schemes = schemes;
    this.addressAllowed = addressAllowed;
  }

  /**
   * Checks a source as given to the API; throws {@link SourceNotAllowed} with a message that names
   * only the rule.
   */
  void check(String source) {
    if (SourceResolver.isUrl(source)) {
      checkUrl(source);
    } else {
      checkPath(source);
    }
  }

  /** The real path of a file under an ingestion directory. */
  Path checkPath(String source) {
    Path given;
    try {
      given = Path.of(source);
    } catch (InvalidPathException e) {
      throw new SourceNotAllowed("is not a valid path");
    }
    // first the path as written, so that nothing outside the directories is even looked up
    if (!given.isAbsolute() || !under(given.normalize(), directories)) {
      throw outsideDirectories();
    }
    Path real;
    try {
      real = given.toRealPath();
    } catch (IOException e) {
      throw new SourceNotAllowed("is not a file in the ingestion directories (" + dirs() + ")");
    }
    List<Path> realDirectories =
        directories.stream()
            .map(
                d -> {
                  try {
                    return d.toRealPath();
                  } catch (IOException e) {
                    return d;
                  }
                })
            .toList();
    if (!under(real, realDirectories)) {
      throw outsideDirectories();
    }
    if (!Files.isRegularFile(real)) {
      throw new SourceNotAllowed("is not a file in the ingestion directories (" + dirs() + ")");
    }
    return real;
  }

  /** An allowed URL: its scheme and host allowed and every address the host resolves to public. */
  URI checkUrl(String source) {
    URI uri;
    try {
      uri = URI.create(source);
    } catch (IllegalArgumentException e) {
      throw new SourceNotAllowed("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme)) {
      throw new SourceNotAllowed("must be an https URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new SourceNotAllowed("must not carry a user name or password");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!hosts.contains(host)) {
      throw new SourceNotAllowed(
          "must be on an allowed host ("
              + String.join(", ", hosts.stream().sorted().toList())
              + ")");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new SourceNotAllowed("names a host that does not resolve");
    }
    for (InetAddress address : addresses) {
      if (!addressAllowed.test(address)) {
        throw new SourceNotAllowed("names a host with a loopback, link-local or private address");
      }
    }
    return uri;
  }

  /**
   * Not loopback, link-local, private (RFC 1918, unique local), shared (CGNAT), multicast or
   * unspecified.
   */
  static boolean isPublic(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // fc00::/7, unique local
      }
    }
    if (address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0
          || first >= 240
          || (first == 100 && second >= 64 && second < 128)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19))) {
        return false;
      }
    }
    return true;
  }

  private static boolean under(Path path, List<Path> roots) {
    return roots.stream().anyMatch(root -> path.startsWith(root) && !path.equals(root));
  }

  private SourceNotAllowed outsideDirectories() {
    return new SourceNotAllowed(
        "must be the absolute path of a file in the ingestion directories (" + dirs() + ")");
  }

  private String dirs() {
    return directories.stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}

package com.medsales.provider.web;

import com.medsales.platform.InvalidFields;
import com.medsales.shared.Npi;
import java.util.List;
import java.util.Map;

/** The NPI of a path ({@code /providers/{npi}}), or a 400 naming the field. */
final class NpiPaths {

  private NpiPaths() {}

  static long npi(String npi) {
    String problem = Npi.problem(npi);
    if (problem != null) {
      throw new InvalidFields(
          "'" + npi + "' is not an NPI: " + problem, Map.of("npi", List.of(problem)));
    }
    return Long.parseLong(npi);
  }
}

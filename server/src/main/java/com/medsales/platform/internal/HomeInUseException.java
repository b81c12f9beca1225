package com.medsales.platform.internal;

import java.nio.file.Path;

/**
 * Another MedSales process holds {@code MEDSALES_HOME}; two servers on one data directory would
 * corrupt it.
 */
public final class HomeInUseException extends IllegalStateException {

  HomeInUseException(Path home, String ownerPid) {
    super(
        "MEDSALES_HOME "
            + home
            + " is in use by another MedSales process"
            + (ownerPid.isBlank() ? "" : " (pid " + ownerPid + ")")
            + ". Stop that process, or set MEDSALES_HOME to another directory.");
  }
}

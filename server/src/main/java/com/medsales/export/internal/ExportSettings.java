package com.medsales.export.internal;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRowsRep the most rows a rep may export at once ({@code MEDSALES_EXPORT_MAX_ROWS_REP})
 * @param maxRowsManager a manager's ({@code MEDSALES_EXPORT_MAX_ROWS_MANAGER})
 * @param maxRowsAdmin an administrator's ({@code MEDSALES_EXPORT_MAX_ROWS_ADMIN}); empty or 0 for
 *     no limit
 * @param retention how long a file is kept (the S3 lifecycle rule in Terraform says the same)
 * @param fetchSize rows fetched from the database at a time while streaming
 */
@Validated
@ConfigurationProperties("medsales.export")
record ExportSettings(
    @DefaultValue("25000") @Min(0) long maxRowsRep,
    @DefaultValue("250000") @Min(0) long maxRowsManager,
    @Nullable @Min(0) Long maxRowsAdmin,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("2000") @Min(1) int fetchSize) {

  static final long UNLIMITED = Long.MAX_VALUE - 1;

  static long limit(long configured) {
    return configured == 0 ? UNLIMITED : configured;
  }
}

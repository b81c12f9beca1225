/**
 * Exports of the product's lists to CSV and Excel: requested through the API, written in the
 * background as the user who asked (so under the same row-level security), kept in the {@code
 * FileStore} for seven days, audited. A list joins by implementing {@link ExportSource} in its own
 * module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Exports")
package com.medsales.export;

import org.jspecify.annotations.NullMarked;

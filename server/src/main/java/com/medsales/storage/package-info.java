/**
 * Where raw files and exports are kept: a directory under MEDSALES_HOME, or an S3 bucket with
 * server-side encryption and presigned download links ({@code S3_BUCKET}).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package com.medsales.storage;

import org.jspecify.annotations.NullMarked;

/**
 * The platform: where the data lives (the embedded or external PostgreSQL, the read replica), which
 * roles this process plays, the command line, and the web plumbing every module shares (errors as
 * ProblemDetail, the SPA).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package com.medsales.platform;

import org.jspecify.annotations.NullMarked;

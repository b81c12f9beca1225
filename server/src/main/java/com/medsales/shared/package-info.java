/** The few types every module needs: identifiers such as the NPI. */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.medsales.shared;

import org.jspecify.annotations.NullMarked;

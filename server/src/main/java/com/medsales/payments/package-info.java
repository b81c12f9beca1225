/**
 * What providers receive from industry: CMS Open Payments General Payments by program year, linked to NPPES by NPI,
 * with per-provider totals by manufacturer, nature of payment and product.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package com.medsales.payments;

import org.jspecify.annotations.NullMarked;

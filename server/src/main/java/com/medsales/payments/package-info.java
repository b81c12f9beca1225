/**
 * What providers receive from industry: CMS Open Payments by program year, linked to NPPES by NPI:
 * General Payments with per-provider totals by manufacturer, nature of payment and product,
 * Research Payments (the recipient and up to five principal investigators) and Ownership and
 * Investment Interests.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package com.medsales.payments;

import org.jspecify.annotations.NullMarked;

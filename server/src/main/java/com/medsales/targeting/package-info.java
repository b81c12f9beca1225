/**
 * Targeting: target lists with tiers and call goals per member, dynamic lists whose rule (a
 * provider search) is re-evaluated after every publish, call attainment counted live from the CRM's
 * activities, each role's home page and the activity and reach reports behind them.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Targeting")
package com.medsales.targeting;

import org.jspecify.annotations.NullMarked;

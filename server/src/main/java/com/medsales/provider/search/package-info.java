/**
 * Provider search: the query as {@code GET /api/v1/providers} takes it ({@link ProviderQuery}, its
 * typed filters and their validation), the statement composed from immutable SQL fragments, and the
 * cached summaries (total, facets). A named interface of the provider module: other modules may
 * search providers through {@link ProviderSearch}.
 */
@NullMarked
@NamedInterface("search")
package com.medsales.provider.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

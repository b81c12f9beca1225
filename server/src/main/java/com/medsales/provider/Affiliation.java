package com.medsales.provider;

import com.medsales.provider.search.ProviderSearchResult;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider or organisation affiliated with another, with how the affiliation was inferred and the
 * affiliate's latest yearly volumes (Part B services, Part D claims, Open Payments general
 * payments; null where it has none).
 *
 * @param inferredBy SAME_PRACTICE_ADDRESS, AUTHORIZED_OFFICIAL and/or OTHER_NAME
 * @param latitude the affiliate's practice point (its ZIP's centroid), to draw it on a map
 */
public record Affiliation(
    String npi,
    String name,
    String entityType,
    ProviderSearchResult.@Nullable Specialty primarySpecialty,
    List<String> inferredBy,
    @Nullable BigDecimal partBServices,
    @Nullable BigDecimal partDClaims,
    @Nullable BigDecimal payments,
    @Nullable Double latitude,
    @Nullable Double longitude)
    implements Serializable {

  /** Both practise at the same normalised practice (or secondary practice) address. */
  public static final String SAME_PRACTICE_ADDRESS = "SAME_PRACTICE_ADDRESS";

  /**
   * The individual is the organisation's authorised official (same name, practising in a state the
   * organisation does).
   */
  public static final String AUTHORIZED_OFFICIAL = "AUTHORIZED_OFFICIAL";

  /**
   * The organisations share a name through an other-name record (doing business as, former
   * name...).
   */
  public static final String OTHER_NAME = "OTHER_NAME";
}

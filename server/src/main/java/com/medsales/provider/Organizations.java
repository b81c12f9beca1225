package com.medsales.provider;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation (HCO) profiles: the registry facts, the inferred affiliations with their volumes,
 * and totals.
 */
@Service
public class Organizations {

  /**
   * Organisation profiles by NPI; evicted when an ingestion publishes (see {@link ProviderCaches}).
   */
  public static final String CACHE = "organizationProfiles";

  private final Providers providers;
  private final Affiliations affiliations;
  private final JdbcClient jdbc;

  Organizations(Providers providers, Affiliations affiliations, JdbcClient jdbc) {
    this.providers = providers;
    this.affiliations = affiliations;
    this.jdbc = jdbc;
  }

  /**
   * Empty when the NPI is not an organisation, in the registry or as a CMS file names it (an
   * ambulatory surgical centre Part B lists with entity code O, for example: {@code
   * organization.inRegistry} false, with the name and address the file gives, as organisation
   * search lists it). Public data only: the same for every tenant.
   */
  @Cacheable(cacheNames = CACHE, key = "#npi")
  @Transactional(readOnly = true)
  public Optional<OrganizationProfile> find(long npi) {
    var facts =
        providers.find(npi).filter(p -> ProviderProfile.ORGANIZATION.equals(p.entityType()));
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    List<Affiliation> all = affiliations.of(npi, false);
    int individuals =
        (int) all.stream().filter(a -> ProviderProfile.INDIVIDUAL.equals(a.entityType())).count();
    var years =
        jdbc.sql(
                """
                SELECT (SELECT max(data_year) FROM partb_rollup), (SELECT max(data_year) FROM partd_rollup),
                       (SELECT max(program_year) FROM op_rollup)
                """)
            .query(
                (rs, i) ->
                    new Integer[] {
                      rs.getObject(1, Integer.class),
                      rs.getObject(2, Integer.class),
                      rs.getObject(3, Integer.class)
                    })
            .single();
    var totals =
        new OrganizationProfile.Totals(
            all.size(),
            individuals,
            all.size() - individuals,
            all.size() <= OrganizationProfile.MAX_LISTED,
            sum(all.stream().map(Affiliation::partBServices).toList()),
            sum(all.stream().map(Affiliation::partDClaims).toList()),
            sum(all.stream().map(Affiliation::payments).toList()),
            years[0],
            years[1],
            years[2]);
    List<Affiliation> listed =
        List.copyOf(all.subList(0, Math.min(all.size(), OrganizationProfile.MAX_LISTED)));
    return Optional.of(new OrganizationProfile(String.valueOf(npi), facts.get(), listed, totals));
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

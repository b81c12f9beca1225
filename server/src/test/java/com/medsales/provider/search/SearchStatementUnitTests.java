package com.medsales.provider.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.provider.search.SearchCriteria.Cursor;
import com.medsales.provider.search.SearchCriteria.Point;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SearchStatementUnitTests {

  private static final String SPECIALTY_CONDITION = "EXISTS (SELECT 1 FROM";
  private static final String ZIPS_IN_REACH_CONDITION = "a.zip5 IN (";
  private static final String NAME_CONDITION = "p.npi IN (SELECT u.npi FROM provider_name_search n";
  private static final String CANDIDATE_TABLE = "CROSS JOIN LATERAL (SELECT DISTINCT sl.npi";

  @Test
  void readsASpecialtyWithinReachFromTheCandidateTableWithoutTheConditionsItAnswers() {
    SearchStatement statement =
        SearchStatement.of(
            criteria(
                new SearchQuery() {},
                null,
                List.of("207RC0000X"),
                new Point(35.1, -90.0),
                25.0,
                SearchSort.DISTANCE,
                null));

    assertThat(statement.page())
        .contains(CANDIDATE_TABLE, "z.miles AS sort_key")
        .doesNotContain(SPECIALTY_CONDITION, ZIPS_IN_REACH_CONDITION);
    assertThat(statement.summary().from()).contains(CANDIDATE_TABLE);
    assertThat(statement.summary().filter()).isEqualTo("WHERE p.active");
    assertThat(statement.binds())
        .containsEntry("codes", List.of("207RC0000X"))
        .containsEntry("meters", 25.0 * 1609.344);
  }

  @Test
  void testsEveryConditionOnTheRegistryWhenARegistryFilterIsGiven() {
    SearchQuery inOhio =
        new SearchQuery() {
          @Override
          public String state() {
            return "oh";
          }
        };
    SearchStatement statement =
        SearchStatement.of(
            criteria(
                inOhio,
                null,
                List.of("207RC0000X"),
                new Point(41.5, -81.7),
                25.0,
                SearchSort.DISTANCE,
                null));

    assertThat(statement.page())
        .doesNotContain(CANDIDATE_TABLE)
        .contains(SPECIALTY_CONDITION, ZIPS_IN_REACH_CONDITION);
    assertThat(statement.summary().filter())
        .contains(SPECIALTY_CONDITION, ZIPS_IN_REACH_CONDITION, "a.state = :state");
    assertThat(statement.binds()).containsEntry("state", "OH");
  }

  @Test
  void readsTheNamePageFromTheMatchingNamesWhileTheSummaryKeepsTheNameCondition() {
    SearchQuery byName =
        new SearchQuery() {
          @Override
          public String name() {
            return "Leroy Clark";
          }
        };
    SearchStatement statement =
        SearchStatement.of(
            criteria(byName, "leroy clark", List.of(), null, null, SearchSort.RELEVANCE, null));

    assertThat(statement.page())
        .contains("FROM provider_name_search n", "n.distance_from_name AS sort_key")
        .doesNotContain(NAME_CONDITION);
    assertThat(statement.summary().filter()).contains(NAME_CONDITION);
    assertThat(statement.binds())
        .containsEntry("nameWord0", "leroy")
        .containsEntry("nameLetters1", "acklr")
        .containsEntry("name", "leroy clark");
  }

  @Test
  void bindsFreeTextAndNeverWritesItIntoTheSql() {
    String attack = "x' OR '1'='1";
    SearchQuery hostile =
        new SearchQuery() {
          @Override
          public String city() {
            return attack;
          }

          @Override
          public String credential() {
            return attack;
          }

          @Override
          public String drug() {
            return attack;
          }

          @Override
          public String manufacturer() {
            return attack;
          }
        };
    SearchStatement statement =
        SearchStatement.of(criteria(hostile, null, List.of(), null, null, SearchSort.NAME, null));

    assertThat(statement.page()).doesNotContain(attack);
    assertThat(statement.summary().filter()).doesNotContain(attack);
    assertThat(statement.binds())
        .containsEntry("city", attack)
        .containsEntry("credential", attack)
        .containsEntry("drug", attack);
  }

  @Test
  void addsTheCursorToThePageButNotToTheSummaryNorItsCacheKey() {
    SearchQuery any = new SearchQuery() {};
    SearchStatement first =
        SearchStatement.of(criteria(any, null, List.of(), null, null, SearchSort.SERVICES, null));
    SearchStatement next =
        SearchStatement.of(
            criteria(
                any,
                null,
                List.of(),
                null,
                null,
                SearchSort.SERVICES,
                new Cursor("-120", 1234567893L)));

    assertThat(next.page())
        .contains("(-(coalesce(br.services, 0)), p.npi) > (CAST(:afterKey AS numeric), :afterNpi)");
    assertThat(first.page()).doesNotContain(":afterKey");
    assertThat(next.summary().filter()).isEqualTo(first.summary().filter());
    assertThat(next.summary().cacheKey()).isEqualTo(first.summary().cacheKey());
  }

  @Test
  void keysTheSummaryByItsValues() {
    SearchQuery inOhio =
        new SearchQuery() {
          @Override
          public String state() {
            return "OH";
          }
        };
    SearchQuery inTexas =
        new SearchQuery() {
          @Override
          public String state() {
            return "TX";
          }
        };

    assertThat(
            SearchStatement.of(criteria(inOhio, null, List.of(), null, null, SearchSort.NAME, null))
                .summary()
                .cacheKey())
        .isNotEqualTo(
            SearchStatement.of(
                    criteria(inTexas, null, List.of(), null, null, SearchSort.NAME, null))
                .summary()
                .cacheKey());
  }

  @Test
  void leavesAFragmentAsItWasWhenAValueIsBound() {
    SqlFragment fragment = SqlFragment.of("a.zip5 = :zip", "zip", "10013");
    SqlFragment more = fragment.bind("state", "NY");

    assertThat(fragment.binds()).containsOnlyKeys("zip");
    assertThat(more.binds()).containsOnlyKeys("zip", "state");
    assertThat(more.answeredBy(SqlFragment.Source.CANDIDATES).answeredBy())
        .isEqualTo(SqlFragment.Source.CANDIDATES);
    assertThat(more.answeredBy()).isEqualTo(SqlFragment.Source.NONE);
  }

  private static SearchCriteria criteria(
      SearchQuery query,
      @Nullable String name,
      List<String> codes,
      @Nullable Point center,
      @Nullable Double radiusMiles,
      SearchSort sort,
      @Nullable Cursor cursor) {
    return new SearchCriteria(
        query,
        25,
        Status.ACTIVE,
        null,
        name,
        name == null ? List.of() : SearchCriteria.requiredWords(name),
        codes,
        query.state() == null ? null : query.state().toUpperCase(java.util.Locale.ROOT),
        center,
        radiusMiles,
        sort,
        cursor,
        null,
        null);
  }
}

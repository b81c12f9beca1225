package com.medsales.provider.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SearchFiltersUnitTests {

  @Test
  void acceptsTheEntityTypesByNameInAnyCaseAndByNppesCode() {
    assertThat(EntityType.parse("individual")).isEqualTo(EntityType.INDIVIDUAL);
    assertThat(EntityType.parse(" Organization ")).isEqualTo(EntityType.ORGANIZATION);
    assertThat(EntityType.parse("1")).isEqualTo(EntityType.INDIVIDUAL);
    assertThat(EntityType.parse("2")).isEqualTo(EntityType.ORGANIZATION);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EntityType.parse("3"))
        .withMessage("must be INDIVIDUAL or ORGANIZATION (or NPPES's 1 or 2)");
  }

  @Test
  void acceptsStatusesAndSortsInAnyCaseAndNamesTheChoicesOtherwise() {
    assertThat(Status.parse("deactivated")).isEqualTo(Status.DEACTIVATED);
    assertThat(SearchSort.parse("Claims")).isEqualTo(SearchSort.CLAIMS);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Status.parse("gone"))
        .withMessage("must be ACTIVE, DEACTIVATED or ANY");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SearchSort.parse("volume"))
        .withMessage(
            "must be one of [relevance, name, distance, services, claims, payments, basketVolume]");
  }

  @Test
  void matchesTheWordsOfANameButItsInitialsOnlyWhenItHasNothingElse() {
    assertThat(SearchCriteria.normalize("  O'Brien-Smith, J. ")).isEqualTo("o brien smith j");
    assertThat(SearchCriteria.normalize("--")).isNull();
    assertThat(SearchCriteria.requiredWords("o brien smith j")).containsExactly("brien", "smith");
    assertThat(SearchCriteria.requiredWords("j k")).containsExactly("j", "k");
    assertThat(SearchCriteria.letters("clark")).isEqualTo("acklr");
  }

  @Test
  void readsBackOnlyTheCursorsItWrites() {
    var cursor = new SearchCriteria.Cursor("smith john", 1234567893L);

    assertThat(SearchCriteria.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(SearchCriteria.Cursor.decode("not a cursor")).isNull();
  }

  @Test
  void fixesTheOrganisationSearchToOrganisationsAndLeavesTheOtherFiltersAbsent() {
    var query =
        new OrganizationQuery(
            "clinic", null, "TX", null, null, null, null, null, null, null, null, null, null);

    assertThat(query.entityType()).isEqualTo(EntityType.ORGANIZATION);
    assertThat(query.hcpcs()).isNull();
    assertThat(query.npi()).isNull();
  }
}

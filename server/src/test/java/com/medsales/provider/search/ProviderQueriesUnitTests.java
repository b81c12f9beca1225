package com.medsales.provider.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.platform.InvalidFields;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderQueriesUnitTests {

  @Test
  void bindsAQueryStringAsTheSearchEndpointBindsItsParameters() {
    var parsed =
        ProviderQueries.parse(
            "?state=OH&specialty=Internal+Medicine&status=any&hcpcs=99213&hcpcs=99214&minServices=10.5&entityType=1",
            "rule");

    assertThat(parsed.rejected()).isEmpty();
    ProviderQuery query = parsed.query();
    assertThat(query.state()).isEqualTo("OH");
    assertThat(query.specialty()).isEqualTo("Internal Medicine");
    assertThat(query.status()).isEqualTo(Status.ANY);
    assertThat(query.hcpcs()).isEqualTo(List.of("99213", "99214"));
    assertThat(query.minServices()).isEqualByComparingTo(new BigDecimal("10.5"));
    assertThat(query.entityType()).isEqualTo(EntityType.INDIVIDUAL);
  }

  @Test
  void handsOnTheValuesTheBindingRefusesWithTheConvertersReason() {
    var parsed = ProviderQueries.parse("status=sometimes&state=OH&minClaims=many", "rule");

    assertThat(parsed.rejected())
        .containsEntry("status", "must be ACTIVE, DEACTIVATED or ANY")
        .containsEntry("minClaims", "is not a valid value")
        .hasSize(2);
  }

  @Test
  void refusesParametersTheSearchDoesNotTakeAndCursorsNamingTheField() {
    assertThatThrownBy(() -> ProviderQueries.parse("colour=red", "search"))
        .isInstanceOfSatisfying(
            InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("search"));
    assertThatThrownBy(() -> ProviderQueries.parse("state=OH&cursor=abc", "rule"))
        .isInstanceOfSatisfying(
            InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("rule"));
    assertThatThrownBy(() -> ProviderQueries.parse("state=%ZZ", "rule"))
        .isInstanceOf(InvalidFields.class);
  }
}

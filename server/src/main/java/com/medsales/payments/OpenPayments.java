package com.medsales.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the published Open Payments of a provider. */
@Service
public class OpenPayments {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  OpenPayments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every published program year of the provider, newest first. */
  @Transactional(readOnly = true)
  public List<OpenPaymentsYear> byYear(long npi) {
    return jdbc.sql(
            """
            SELECT program_year, payments, total_amount, disputed_amount, by_manufacturer::text AS m,
                   by_nature::text AS n, by_product::text AS p
            FROM op_rollup WHERE npi = :npi ORDER BY program_year DESC
            """)
        .param("npi", npi)
        .query(
            (rs, i) ->
                new OpenPaymentsYear(
                    rs.getInt("program_year"), rs.getInt("payments"), rs.getBigDecimal("total_amount"),
                    rs.getBigDecimal("disputed_amount"), shares(rs.getString("m")), shares(rs.getString("n")),
                    shares(rs.getString("p"))))
        .list();
  }

  private static List<OpenPaymentsYear.Share> shares(String json) {
    JsonNode array = JSON.readTree(json);
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> new OpenPaymentsYear.Share(
            n.get("name").asString(), new BigDecimal(n.get("amount").asString()), n.get("payments").asInt()))
        .toList();
  }
}

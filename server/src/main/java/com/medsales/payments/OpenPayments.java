package com.medsales.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  /**
   * Every published program year of the provider, newest first: general, research and ownership
   * together.
   */
  @Transactional(readOnly = true)
  public List<OpenPaymentsYear> byYear(long npi) {
    Map<Integer, List<OpenPaymentsYear.Payment>> recent = recentPayments(npi);
    return jdbc.sql(
            """
            WITH general AS (
                SELECT program_year, payments, total_amount, disputed_amount, by_manufacturer::text AS m,
                       by_nature::text AS n, by_product::text AS p, specialty, state, amount_percentile
                FROM op_rollup WHERE npi = :npi),
            research AS (
                SELECT program_year, count(*) AS payments, sum(amount) AS amount FROM op_research_payment
                WHERE recipient_npi = :npi OR investigator_npis @> ARRAY[CAST(:npi AS bigint)] GROUP BY program_year),
            ownership AS (
                SELECT program_year, count(*) AS interests, coalesce(sum(value_of_interest), 0) AS value FROM op_ownership
                WHERE npi = :npi GROUP BY program_year)
            SELECT program_year, coalesce(g.payments, 0) AS payments, coalesce(g.total_amount, 0) AS total_amount,
                   coalesce(g.disputed_amount, 0) AS disputed_amount, coalesce(g.m, '[]') AS m, coalesce(g.n, '[]') AS n,
                   coalesce(g.p, '[]') AS p, coalesce(r.payments, 0) AS research_payments,
                   round(coalesce(r.amount, 0), 2) AS research_amount, coalesce(o.interests, 0) AS interests,
                   round(coalesce(o.value, 0), 2) AS ownership_value, g.specialty, g.state, g.amount_percentile
            FROM general g FULL JOIN research r USING (program_year) FULL JOIN ownership o USING (program_year)
            ORDER BY program_year DESC
            """)
        .param("npi", npi)
        .query(
            (rs, i) ->
                new OpenPaymentsYear(
                    rs.getInt("program_year"),
                    rs.getInt("payments"),
                    rs.getBigDecimal("total_amount"),
                    rs.getBigDecimal("disputed_amount"),
                    shares(rs.getString("m")),
                    shares(rs.getString("n")),
                    shares(rs.getString("p")),
                    rs.getInt("research_payments"),
                    rs.getBigDecimal("research_amount"),
                    rs.getInt("interests"),
                    rs.getBigDecimal("ownership_value"),
                    rs.getString("specialty"),
                    rs.getString("state"),
                    rs.getBigDecimal("amount_percentile"),
                    recent.getOrDefault(rs.getInt("program_year"), List.of())))
        .list();
  }

  /**
   * Each year's most recent general payments, newest first, from the NPI index of each year's
   * partition.
   */
  private Map<Integer, List<OpenPaymentsYear.Payment>> recentPayments(long npi) {
    return jdbc
        .sql(
            """
            SELECT program_year, record_id, payment_date, payer_name, amount, number_of_payments, form, nature,
                   ARRAY(SELECT coalesce(e->>'name', e->>'category') FROM jsonb_array_elements(products)
                         WITH ORDINALITY AS x(e, i) ORDER BY i) AS products, disputed
            FROM (SELECT *, row_number() OVER (PARTITION BY program_year ORDER BY payment_date DESC, record_id DESC) AS n
                  FROM op_general_payment WHERE npi = :npi AND coalesce(change_type, '') <> 'DELETED') p
            WHERE n <= :recent
            ORDER BY program_year DESC, payment_date DESC, record_id DESC
            """)
        .param("npi", npi)
        .param("recent", OpenPaymentsYear.RECENT)
        .query(
            (rs, i) ->
                Map.entry(
                    rs.getInt("program_year"),
                    new OpenPaymentsYear.Payment(
                        rs.getLong("record_id"),
                        rs.getObject("payment_date", LocalDate.class),
                        rs.getString("payer_name"),
                        rs.getBigDecimal("amount"),
                        rs.getObject("number_of_payments", Integer.class),
                        rs.getString("form"),
                        rs.getString("nature"),
                        List.of((String[]) rs.getArray("products").getArray()),
                        rs.getBoolean("disputed"))))
        .stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private static List<OpenPaymentsYear.Share> shares(String json) {
    JsonNode array = JSON.readTree(json);
    return StreamSupport.stream(array.spliterator(), false)
        .map(
            n ->
                new OpenPaymentsYear.Share(
                    n.get("name").asString(),
                    new BigDecimal(n.get("amount").asString()),
                    n.get("payments").asInt()))
        .toList();
  }
}

package com.medsales.utilization;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the published Medicare utilization of a provider. */
@Service
public class MedicareUtilization {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  MedicareUtilization(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every published Part B year of the provider, newest first. */
  @Transactional(readOnly = true)
  public List<PartBYear> partB(long npi) {
    return jdbc.sql(
            """
            SELECT data_year, provider_type, state, services, beneficiaries, rows, suppressed_rows, allowed_amount,
                   payment_amount, top_procedures::text AS top, services_percentile, payment_percentile
            FROM partb_rollup WHERE npi = :npi ORDER BY data_year DESC
            """)
        .param("npi", npi)
        .query(
            (rs, i) ->
                new PartBYear(
                    rs.getInt("data_year"),
                    rs.getString("provider_type"),
                    rs.getString("state"),
                    rs.getBigDecimal("services"),
                    rs.getObject("beneficiaries", Long.class),
                    rs.getInt("rows"),
                    rs.getInt("suppressed_rows"),
                    rs.getBigDecimal("allowed_amount"),
                    rs.getBigDecimal("payment_amount"),
                    procedures(rs.getString("top")),
                    rs.getBigDecimal("services_percentile"),
                    rs.getBigDecimal("payment_percentile")))
        .list();
  }

  /** Every published Part D year of the provider, newest first. */
  @Transactional(readOnly = true)
  public List<PartDYear> partD(long npi) {
    return jdbc.sql(
            """
            SELECT r.data_year, p.provider_type, p.state, r.claims, r.fills_30day, r.drug_cost, r.brand_claims,
                   r.generic_claims, r.rows, r.suppressed_rows, r.top_drugs::text AS top, x.claims_percentile,
                   x.cost_percentile
            FROM partd_rollup r
            LEFT JOIN partd_provider p ON p.data_year = r.data_year AND p.npi = r.npi
            LEFT JOIN partd_percentile x ON x.data_year = r.data_year AND x.npi = r.npi
            WHERE r.npi = :npi ORDER BY r.data_year DESC
            """)
        .param("npi", npi)
        .query(
            (rs, i) ->
                new PartDYear(
                    rs.getInt("data_year"),
                    rs.getString("provider_type"),
                    rs.getString("state"),
                    rs.getBigDecimal("claims"),
                    rs.getBigDecimal("fills_30day"),
                    rs.getBigDecimal("drug_cost"),
                    rs.getBigDecimal("brand_claims"),
                    rs.getBigDecimal("generic_claims"),
                    rs.getInt("rows"),
                    rs.getInt("suppressed_rows"),
                    drugs(rs.getString("top")),
                    rs.getBigDecimal("claims_percentile"),
                    rs.getBigDecimal("cost_percentile")))
        .list();
  }

  private static List<PartDYear.Drug> drugs(String json) {
    return java.util.stream.StreamSupport.stream(JSON.readTree(json).spliterator(), false)
        .map(
            n ->
                new PartDYear.Drug(
                    n.get("brandName").asString(),
                    textOrNull(n.get("genericName")),
                    decimalOrNull(n.get("claims")),
                    decimalOrNull(n.get("drugCost"))))
        .toList();
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }

  private static BigDecimal decimalOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : new BigDecimal(node.asString());
  }

  private static List<PartBYear.Procedure> procedures(String json) {
    JsonNode array = JSON.readTree(json);
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(
            n ->
                new PartBYear.Procedure(
                    n.get("hcpcs").asString(),
                    n.get("description").isNull() ? null : n.get("description").asString(),
                    new BigDecimal(n.get("services").asString())))
        .toList();
  }
}

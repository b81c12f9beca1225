package com.medsales.utilization.internal;

import static com.medsales.ingest.VintageRecogniser.ABSENT;

import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.UnknownDatasetVintage;
import com.medsales.ingest.VintageRecogniser;
import java.util.List;
import java.util.Set;

/**
 * The vintages of "Medicare Part D Prescribers - by Provider and Drug", recognised from the header.
 * The first (2013) release's upper-case, tab-separated naming is taken from a real sample; the
 * current naming (data year 2019 on) and the 2014-2018 lower-case naming from CMS's data
 * dictionaries, as no sample of them is at hand.
 */
enum PartDColumns {
  CURRENT(
      "Prscrbr_NPI",
      "Prscrbr_Last_Org_Name",
      "Prscrbr_First_Name",
      "Prscrbr_City",
      "Prscrbr_State_Abrvtn",
      "Prscrbr_Type",
      "Brnd_Name",
      "Gnrc_Name",
      "Tot_Clms",
      "Tot_30day_Fills",
      "Tot_Day_Suply",
      "Tot_Drug_Cst",
      "Tot_Benes",
      "GE65_Sprsn_Flag",
      "GE65_Tot_Clms",
      "GE65_Tot_30day_Fills",
      "GE65_Tot_Drug_Cst",
      "GE65_Tot_Day_Suply",
      "GE65_Bene_Sprsn_Flag",
      "GE65_Tot_Benes"),
  LOWER_CASE(
      "npi",
      "nppes_provider_last_org_name",
      "nppes_provider_first_name",
      "nppes_provider_city",
      "nppes_provider_state",
      "specialty_description",
      "drug_name",
      "generic_name",
      "total_claim_count",
      "total_30_day_fill_count",
      "total_day_supply",
      "total_drug_cost",
      "bene_count",
      "ge65_suppress_flag",
      "total_claim_count_ge65",
      "total_30_day_fill_count_ge65",
      "total_drug_cost_ge65",
      "total_day_supply_ge65",
      "bene_count_ge65_suppress_flag",
      "bene_count_ge65"),
  FIRST_RELEASE(
      "NPI",
      "NPPES_PROVIDER_LAST_ORG_NAME",
      "NPPES_PROVIDER_FIRST_NAME",
      "NPPES_PROVIDER_CITY",
      "NPPES_PROVIDER_STATE",
      "SPECIALTY_DESC",
      "DRUG_NAME",
      "GENERIC_NAME",
      "TOTAL_CLAIM_COUNT",
      ABSENT,
      "TOTAL_DAY_SUPPLY",
      "TOTAL_DRUG_COST",
      "BENE_COUNT",
      "GE65_REDACT_FLAG",
      "TOTAL_CLAIM_COUNT_GE65",
      ABSENT,
      "TOTAL_DRUG_COST_GE65",
      "TOTAL_DAY_SUPPLY_GE65",
      "BENE_COUNT_GE65_REDACT_FLAG",
      "BENE_COUNT_GE65");
  static final int NPI = 0,
      LAST = 1,
      FIRST = 2,
      CITY = 3,
      STATE = 4,
      TYPE = 5,
      BRAND = 6,
      GENERIC = 7,
      CLAIMS = 8,
      FILLS = 9,
      DAY_SUPPLY = 10,
      COST = 11,
      BENES = 12,
      GE65_FLAG = 13,
      GE65_CLAIMS = 14,
      GE65_FILLS = 15,
      GE65_COST = 16,
      GE65_DAY_SUPPLY = 17,
      GE65_BENE_FLAG = 18,
      GE65_BENES = 19;

  /**
   * {@link VintageRecogniser#ABSENT}: the vintage has no such column (the first release had no
   * 30-day fills).
   */
  final String[] names;

  PartDColumns(String... names) {
    this.names = names;
  }

  record Mapping(PartDColumns vintage, int[] positions) {
    int at(int field) {
      return positions[field];
    }
  }

  private static final VintageRecogniser<PartDColumns> VINTAGES =
      new VintageRecogniser<>(
          "Part D",
          PartDColumns.class,
          vintage -> List.of(vintage.names),
          Set.of(),
          Set.of(),
          "no known vintage names its prescriber and drug columns");

  /**
   * The vintage whose every column the header has. Names compare without case, so the first release
   * and the lower-case one are told apart by their other columns. When none matches, the nearest is
   * named with what it lacks.
   */
  static Mapping recognise(CsvHeader header, String fileName) throws UnknownDatasetVintage {
    var match = VINTAGES.recognise(header, fileName);
    return new Mapping(match.vintage(), match.positions());
  }
}

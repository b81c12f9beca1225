package com.medsales.utilization.internal;

import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.UnknownDatasetVintage;
import com.medsales.ingest.VintageRecogniser;
import java.util.List;
import java.util.Set;

/**
 * The vintages of "Medicare Physician & Other Practitioners - by Provider and Service", recognised
 * from the header. The current naming ({@code Rndrng_NPI}, ...; data.cms.gov uses it for every year
 * it serves, 2013 on) is taken from the real samples, with {@code Rndrng_Prvdr_Gndr} optional as
 * the 2023 release dropped it. The earlier PUF naming ({@code npi}, {@code hcpcs_code}, {@code
 * line_srvc_cnt}, ...) is taken from CMS's data dictionary of those releases; no sample of it is at
 * hand.
 */
enum PartBColumns {
  CURRENT(
      "Rndrng_NPI",
      "Rndrng_Prvdr_Last_Org_Name",
      "Rndrng_Prvdr_First_Name",
      "Rndrng_Prvdr_MI",
      "Rndrng_Prvdr_Crdntls",
      "Rndrng_Prvdr_Gndr",
      "Rndrng_Prvdr_Ent_Cd",
      "Rndrng_Prvdr_St1",
      "Rndrng_Prvdr_St2",
      "Rndrng_Prvdr_City",
      "Rndrng_Prvdr_State_Abrvtn",
      "Rndrng_Prvdr_Zip5",
      "Rndrng_Prvdr_Cntry",
      "Rndrng_Prvdr_Type",
      "Rndrng_Prvdr_Mdcr_Prtcptg_Ind",
      "HCPCS_Cd",
      "HCPCS_Desc",
      "HCPCS_Drug_Ind",
      "Place_Of_Srvc",
      "Tot_Benes",
      "Tot_Srvcs",
      "Tot_Bene_Day_Srvcs",
      "Avg_Sbmtd_Chrg",
      "Avg_Mdcr_Alowd_Amt",
      "Avg_Mdcr_Pymt_Amt",
      "Avg_Mdcr_Stdzd_Amt"),
  LEGACY(
      "npi",
      "nppes_provider_last_org_name",
      "nppes_provider_first_name",
      "nppes_provider_mi",
      "nppes_credentials",
      "nppes_provider_gender",
      "nppes_entity_code",
      "nppes_provider_street1",
      "nppes_provider_street2",
      "nppes_provider_city",
      "nppes_provider_state",
      "nppes_provider_zip",
      "nppes_provider_country",
      "provider_type",
      "medicare_participation_indicator",
      "hcpcs_code",
      "hcpcs_description",
      "hcpcs_drug_indicator",
      "place_of_service",
      "bene_unique_cnt",
      "line_srvc_cnt",
      "bene_day_srvc_cnt",
      "average_submitted_chrg_amt",
      "average_Medicare_allowed_amt",
      "average_Medicare_payment_amt",
      "average_Medicare_standard_amt");

  /** Field order of the names above. */
  static final int NPI = 0,
      LAST = 1,
      FIRST = 2,
      MI = 3,
      CREDENTIALS = 4,
      SEX = 5,
      ENTITY = 6,
      STREET1 = 7,
      STREET2 = 8,
      CITY = 9,
      STATE = 10,
      ZIP = 11,
      COUNTRY = 12,
      TYPE = 13,
      PARTICIPATING = 14,
      HCPCS = 15,
      HCPCS_DESC = 16,
      DRUG = 17,
      PLACE = 18,
      BENES = 19,
      SERVICES = 20,
      BENE_DAY_SERVICES = 21,
      SUBMITTED = 22,
      ALLOWED = 23,
      PAYMENT = 24,
      STANDARDIZED = 25;

  /** Fields a vintage may lack. */
  private static final Set<Integer> OPTIONAL =
      Set.of(SEX, STANDARDIZED, STREET2, BENE_DAY_SERVICES);

  private static final VintageRecogniser<PartBColumns> VINTAGES =
      new VintageRecogniser<>(
          "Part B",
          PartBColumns.class,
          vintage -> List.of(vintage.names),
          Set.of(NPI, HCPCS),
          OPTIONAL,
          "none of its columns name the NPI and HCPCS code as a known vintage does");

  final String[] names;

  PartBColumns(String... names) {
    this.names = names;
  }

  /**
   * The vintage whose NPI and HCPCS code columns the header has, or an error naming the columns of
   * it that the file lacks.
   */
  static Mapping recognise(CsvHeader header, String fileName) throws UnknownDatasetVintage {
    var match = VINTAGES.recognise(header, fileName);
    return new Mapping(match.vintage(), match.positions());
  }

  record Mapping(PartBColumns vintage, int[] positions) {
    int at(int field) {
      return positions[field];
    }
  }
}

package com.medsales.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.export.ExportSource.Column;
import com.medsales.export.ExportSource.Type;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableWritersUnitTests {

  static final List<Column> COLUMNS =
      List.of(
          Column.id("Contact ID"),
          Column.text("Name"),
          new Column("Amount (USD)", Type.MONEY),
          new Column("Close date", Type.DATE),
          new Column("Updated", Type.TIMESTAMP),
          Column.text("Tags"));

  static final UUID ID = UUID.fromString("6f1c1c9e-9b1d-4c55-8f0e-7d2c3c1a0b01");

  static final Object[] ROW = {
    ID,
    "Zoë \"Doc\", MD",
    new BigDecimal("-1234.50"),
    LocalDate.of(2026, 3, 31),
    OffsetDateTime.of(2026, 1, 2, 4, 5, 6, 7_000_000, ZoneOffset.ofHours(1)),
    List.of("=1+1", "vip")
  };

  @Test
  void csvIsRfc4180InUtf8WithAByteOrderMarkAndIsoDates() throws Exception {
    var out = new ByteArrayOutputStream();
    try (var writer = TableWriter.of("CSV", COLUMNS, out)) {
      writer.row(ROW);
      writer.row(new Object[] {ID, "@SUM(A1)", null, null, null, List.of()});
    }
    byte[] bytes = out.toByteArray();

    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .isEqualTo(
            "Contact ID,Name,Amount (USD),Close date,Updated,Tags\r\n"
                + ID
                + ",\"Zoë \"\"Doc\"\", MD\",-1234.50,2026-03-31,2026-01-02T03:05:06Z,'=1+1; vip\r\n"
                + ID
                + ",'@SUM(A1),,,,\r\n");
  }

  @Test
  void everyCellThatAFormulaCouldStartIsNeutralisedAndOthersAreLeftAlone() {
    for (String dangerous : List.of("=1+1", "+1", "-1", "@x", "\tx", "\rx")) {
      assertThat(Cells.neutralised(dangerous)).isEqualTo("'" + dangerous);
    }
    assertThat(Cells.neutralised("Smith")).isEqualTo("Smith");
    assertThat(Cells.neutralised("")).isEmpty();
    assertThat(Cells.neutralised("a=b")).isEqualTo("a=b");
  }

  @Test
  void xlsxHasABoldFrozenHeaderWidthsNumbersAsNumbersAndDatesAsDates() throws Exception {
    var out = new ByteArrayOutputStream();
    try (var writer = TableWriter.of("XLSX", COLUMNS, out)) {
      writer.row(ROW);
    }

    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      var sheet = workbook.getSheetAt(0);
      var header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Contact ID");
      assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getColumnWidth(0)).isEqualTo(38 * 256);
      var row = sheet.getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(ID.toString());
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Zoë \"Doc\", MD");
      assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(-1234.5);
      assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      var format = new DataFormatter();
      assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(format.formatCellValue(row.getCell(3))).isEqualTo("2026-03-31");
      assertThat(row.getCell(4).getLocalDateTimeCellValue())
          .isEqualTo(java.time.LocalDateTime.of(2026, 1, 2, 3, 5, 6));
      assertThat(row.getCell(5).getStringCellValue()).isEqualTo("'=1+1; vip");
    }
  }
}

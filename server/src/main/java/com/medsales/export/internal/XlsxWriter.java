package com.medsales.export.internal;

import com.medsales.export.ExportSource.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet written streaming with POI's SXSSF (a window of rows in memory, the rest flushed to a
 * temporary file): a bold header row, frozen below it, column widths by kind, numbers as numbers
 * with a number format, dates and times as date cells formatted ISO 8601 (UTC). Text is not put
 * into the shared-strings table, so memory stays flat whatever the row count.
 */
final class XlsxWriter implements TableWriter {

  /** The most data rows a sheet holds (1,048,576 rows, less the header). */
  static final long MAX_ROWS = 1_048_575;

  private final List<Column> columns;
  private final OutputStream out;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final SXSSFSheet sheet;
  private final CellStyle[] styles;
  private int next = 1;

  XlsxWriter(List<Column> columns, OutputStream out) {
    this.columns = columns;
    this.out = out;
    this.sheet = workbook.createSheet("Export");
    var format = workbook.createDataFormat();
    CellStyle money = workbook.createCellStyle();
    money.setDataFormat(format.getFormat("#,##0.00"));
    CellStyle integer = workbook.createCellStyle();
    integer.setDataFormat(format.getFormat("0"));
    CellStyle decimal = workbook.createCellStyle();
    decimal.setDataFormat(format.getFormat("#,##0.##"));
    CellStyle date = workbook.createCellStyle();
    date.setDataFormat(format.getFormat("yyyy-mm-dd"));
    CellStyle timestamp = workbook.createCellStyle();
    timestamp.setDataFormat(format.getFormat("yyyy-mm-dd\"T\"hh:mm:ss\"Z\""));
    CellStyle text = workbook.createCellStyle();
    text.setDataFormat(format.getFormat("@"));
    styles = new CellStyle[columns.size()];
    Font bold = workbook.createFont();
    bold.setBold(true);
    CellStyle header = workbook.createCellStyle();
    header.setFont(bold);
    SXSSFRow headers = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      styles[i] =
          switch (column.type()) {
            case MONEY -> money;
            case INTEGER -> integer;
            case DECIMAL -> decimal;
            case DATE -> date;
            case TIMESTAMP -> timestamp;
            case TEXT, ID -> text;
            case BOOLEAN -> null;
          };
      SXSSFCell cell = headers.createCell(i);
      cell.setCellValue(Cells.neutralised(column.header()));
      cell.setCellStyle(header);
      sheet.setColumnWidth(i, 256 * width(column));
    }
    sheet.createFreezePane(0, 1);
  }

  private static int width(Column column) {
    int byType =
        switch (column.type()) {
          case ID -> 38;
          case TEXT -> 24;
          case DATE -> 12;
          case TIMESTAMP -> 22;
          case MONEY, DECIMAL -> 14;
          case INTEGER -> 12;
          case BOOLEAN -> 8;
        };
    return Math.min(60, Math.max(byType, column.header().length() + 3));
  }

  @Override
  public void row(Object[] values) throws IOException {
    if (next > MAX_ROWS) {
      throw new IOException("An XLSX sheet holds at most " + MAX_ROWS + " rows");
    }
    SXSSFRow row = sheet.createRow(next++);
    for (int i = 0; i < columns.size(); i++) {
      Object value = values[i];
      if (value == null) {
        continue;
      }
      SXSSFCell cell = row.createCell(i);
      if (styles[i] != null) {
        cell.setCellStyle(styles[i]);
      }
      switch (columns.get(i).type()) {
        case INTEGER, DECIMAL, MONEY -> {
          if (value instanceof Number n) {
            cell.setCellValue(
                n instanceof BigDecimal d ? d.doubleValue() : ((Number) value).doubleValue());
          } else {
            cell.setCellValue(Cells.neutralised(value.toString()));
          }
        }
        case DATE -> {
          if (value instanceof LocalDate d) {
            cell.setCellValue(d);
          } else {
            cell.setCellValue(Cells.neutralised(value.toString()));
          }
        }
        case TIMESTAMP -> {
          var utc = Cells.utc(value);
          if (utc != null) {
            cell.setCellValue(utc.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
          } else {
            cell.setCellValue(Cells.neutralised(value.toString()));
          }
        }
        case BOOLEAN -> {
          if (value instanceof Boolean b) {
            cell.setCellValue(b);
          } else {
            cell.setCellValue(value.toString());
          }
        }
        case TEXT, ID -> cell.setCellValue(Cells.neutralised(Cells.plain(value)));
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      workbook.write(out);
      out.close();
    } finally {
      workbook.close();
    }
  }
}

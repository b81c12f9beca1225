package com.medsales.provider.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Deactivation reports as CMS publishes them, for tests: an .xlsx whose first sheet has a title
 * row, a blank row, then the header {@code NPI | NPPES Deactivation Date} and one row per NPI.
 * Cells are typed as a spreadsheet program would type them: an NPI as text or as a number, a date
 * as a date-formatted number or as text.
 */
final class DeactivationWorkbooks {

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final XSSFSheet sheet = workbook.createSheet("Deactivated NPIs");
  private final XSSFCellStyle dateStyle = workbook.createCellStyle();
  private int next = 3; // zero-based: rows 1 to 3 are the title, a blank row and the header

  DeactivationWorkbooks() {
    dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
    sheet.createRow(0).createCell(0).setCellValue("NPPES Deactivated NPI Report");
    XSSFRow header = sheet.createRow(2);
    header.createCell(0).setCellValue("NPI");
    header.createCell(1).setCellValue("NPPES Deactivation Date");
  }

  /** A row with the NPI as text and the date as a date-formatted number. */
  DeactivationWorkbooks row(String npi, LocalDate date) {
    XSSFRow row = sheet.createRow(next++);
    row.createCell(0).setCellValue(npi);
    var cell = row.createCell(1);
    cell.setCellValue(date);
    cell.setCellStyle(dateStyle);
    return this;
  }

  /** A row with the NPI as a number and the date as the text given. */
  DeactivationWorkbooks row(long npi, String date) {
    XSSFRow row = sheet.createRow(next++);
    row.createCell(0).setCellValue((double) npi);
    row.createCell(1).setCellValue(date);
    return this;
  }

  Path write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    }
    workbook.close();
    return file;
  }

  /** The workbook inside a zip, as the report is downloaded. */
  Path writeZipped(Path zipFile, String entryName) throws IOException {
    var bytes = new ByteArrayOutputStream();
    workbook.write(bytes);
    workbook.close();
    try (var zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
      zip.putNextEntry(new ZipEntry(entryName));
      zip.write(bytes.toByteArray());
      zip.closeEntry();
    }
    return zipFile;
  }
}

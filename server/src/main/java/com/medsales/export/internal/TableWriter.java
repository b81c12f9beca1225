package com.medsales.export.internal;

import com.medsales.export.ExportSource.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a header row and then rows to a file, streaming. */
interface TableWriter extends AutoCloseable {

  void row(Object[] values) throws IOException;

  @Override
  void close() throws IOException;

  static TableWriter of(String format, List<Column> columns, OutputStream out) throws IOException {
    return "XLSX".equals(format) ? new XlsxWriter(columns, out) : new CsvWriter(columns, out);
  }
}

package com.medsales.export.internal;

import com.medsales.export.ExportSource.Column;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break quoted and
 * its quotes doubled; UTF-8 with a byte-order mark, so that Excel reads accents right.
 */
final class CsvWriter implements TableWriter {

  private final List<Column> columns;
  private final BufferedWriter out;
  private final StringBuilder line = new StringBuilder(256);

  CsvWriter(List<Column> columns, OutputStream stream) throws IOException {
    this.columns = columns;
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    out.write('\uFEFF');
    Object[] headers = columns.stream().map(Column::header).toArray();
    for (int i = 0; i < headers.length; i++) {
      field(i, Cells.neutralised((String) headers[i]));
    }
    end();
  }

  @Override
  public void row(Object[] values) throws IOException {
    for (int i = 0; i < columns.size(); i++) {
      field(i, Cells.text(columns.get(i).type(), values[i]));
    }
    end();
  }

  private void field(int i, @org.jspecify.annotations.Nullable String text) {
    if (i > 0) {
      line.append(',');
    }
    if (text == null) {
      return;
    }
    boolean quote = false;
    for (int c = 0; c < text.length() && !quote; c++) {
      char ch = text.charAt(c);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      line.append(text);
      return;
    }
    line.append('"');
    for (int c = 0; c < text.length(); c++) {
      char ch = text.charAt(c);
      if (ch == '"') {
        line.append('"');
      }
      line.append(ch);
    }
    line.append('"');
  }

  private void end() throws IOException {
    line.append("\r\n");
    out.append(line);
    line.setLength(0);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

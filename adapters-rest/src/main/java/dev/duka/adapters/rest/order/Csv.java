package dev.duka.adapters.rest.order;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (CRLF lines, quotes doubled inside quoted cells), with cells that a
 * spreadsheet would run as a formula ({@code = + - @}, tab or CR first) neutralised by a leading
 * apostrophe (OWASP's advice against CSV injection).
 */
final class Csv {
  private final Writer out;

  Csv(Writer out) {
    this.out = out;
  }

  void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}

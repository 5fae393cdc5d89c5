package dev.duka.domain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads a lifecycle table written as text, one row per state with {@code Y} where the move from the
 * row's state to the column's state is allowed, and yields one (from, to, allowed) case per pair.
 * Writing the table out independently of the code is what makes the test worth having.
 */
public final class TransitionMatrix {
  private TransitionMatrix() {}

  public static <E extends Enum<E>> Stream<Arguments> pairs(Class<E> type, String table) {
    List<String> rows = table.lines().filter(line -> !line.isBlank()).toList();
    String[] columns = rows.get(0).trim().split("\\s+");
    List<Arguments> pairs = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.trim().split("\\s+");
      if (cells.length != columns.length + 1) {
        throw new IllegalArgumentException("row has the wrong number of cells: " + row);
      }
      for (int i = 0; i < columns.length; i++) {
        pairs.add(
            Arguments.of(
                Enum.valueOf(type, cells[0].toUpperCase(Locale.ROOT)),
                Enum.valueOf(type, columns[i].toUpperCase(Locale.ROOT)),
                cells[i + 1].equals("Y")));
      }
    }
    return pairs.stream();
  }
}

package dev.duka.domain.common;

import dev.duka.domain.error.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A lifecycle's allowed moves, kept as data so that the table in the code reads like the table in
 * ARCHITECTURE.md. Every state must have a row (an empty row marks a final state).
 */
public final class TransitionTable<E extends Enum<E>> {
  private final String lifecycle;
  private final Map<E, Set<E>> next;

  private TransitionTable(String lifecycle, Map<E, Set<E>> next) {
    this.lifecycle = lifecycle;
    this.next = next;
  }

  public static <E extends Enum<E>> Builder<E> builder(String lifecycle, Class<E> type) {
    return new Builder<>(lifecycle, type);
  }

  public boolean allows(E from, E to) {
    return next.get(from).contains(Objects.requireNonNull(to, "to"));
  }

  /** The states {@code from} may move to, in declaration order; empty for a final state. */
  public Set<E> movesFrom(E from) {
    return next.get(from);
  }

  /**
   * Returns {@code to} when the table allows the move.
   *
   * @throws IllegalTransitionException naming both states and the allowed moves otherwise
   */
  public E require(E from, E to) {
    if (!allows(from, to)) {
      throw new IllegalTransitionException(lifecycle, from, to, movesFrom(from));
    }
    return to;
  }

  /** Collects the rows of a table. */
  public static final class Builder<E extends Enum<E>> {
    private final String lifecycle;
    private final Class<E> type;
    private final Map<E, Set<E>> next;

    private Builder(String lifecycle, Class<E> type) {
      this.lifecycle = lifecycle;
      this.type = type;
      this.next = new EnumMap<>(type);
    }

    /** The row of {@code from}: the states it may move to (none for a final state). */
    @SafeVarargs
    public final Builder<E> from(E from, E... to) {
      Set<E> targets = EnumSet.noneOf(type);
      for (E target : to) {
        targets.add(target);
      }
      if (next.put(from, Collections.unmodifiableSet(targets)) != null) {
        throw new IllegalStateException(lifecycle + ": two rows for " + from);
      }
      return this;
    }

    /**
     * The table.
     *
     * @throws IllegalStateException when a state has no row
     */
    public TransitionTable<E> build() {
      for (E state : type.getEnumConstants()) {
        if (!next.containsKey(state)) {
          throw new IllegalStateException(lifecycle + ": no row for " + state);
        }
      }
      return new TransitionTable<>(lifecycle, new EnumMap<>(next));
    }
  }
}

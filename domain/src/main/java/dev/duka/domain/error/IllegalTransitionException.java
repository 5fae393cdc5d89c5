package dev.duka.domain.error;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A lifecycle move its transition table forbids; names both states and the moves allowed. */
public final class IllegalTransitionException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String from;
  private final String to;
  private final List<String> allowed;

  public <E extends Enum<E>> IllegalTransitionException(
      String lifecycle, E from, E to, Set<E> allowed) {
    super(
        ErrorCode.ILLEGAL_TRANSITION,
        lifecycle
            + " cannot move from "
            + name(from)
            + " to "
            + name(to)
            + (allowed.isEmpty()
                ? "; " + name(from) + " is final"
                : "; allowed: " + String.join(", ", names(allowed))));
    this.from = name(from);
    this.to = name(to);
    this.allowed = names(allowed);
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }

  public List<String> allowed() {
    return allowed;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("from_status", from, "to_status", to, "allowed_moves", allowed);
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> List<String> names(Set<E> values) {
    return values.stream()
        .sorted()
        .map(IllegalTransitionException::name)
        .collect(Collectors.toList());
  }
}

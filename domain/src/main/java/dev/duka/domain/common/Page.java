package dev.duka.domain.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of a listing and the size of the whole. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative");
    }
  }

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.size(), total);
  }

  /** The number of pages, at least 1 when anything exists, 0 for an empty listing. */
  public long pages() {
    return (total + size - 1) / size;
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<R>(items.stream().<R>map(mapper).toList(), page, size, total);
  }
}

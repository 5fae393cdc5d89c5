package dev.duka.adapters.rest.common;

import dev.duka.domain.common.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a listing on the wire: {@code {items, page, page_size, total, pages}}. */
public record PageResponse<T>(List<T> items, int page, int pageSize, long total, long pages) {

  public static <S, T> PageResponse<T> of(Page<S> page, Function<? super S, ? extends T> mapper) {
    return new PageResponse<>(
        page.items().stream().<T>map(mapper).toList(),
        page.page(),
        page.size(),
        page.total(),
        page.pages());
  }
}

package dev.duka.adapters.rest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duka.adapters.rest.common.QueryParams;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.ProductSort;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.money.Money;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the catalog's query parameters strictly, naming every bad one in a single 400: a page of
 * {@code page_size=0} or {@code abc}, a price with too many decimals, an unknown sort.
 */
final class CatalogQueries {
  private CatalogQueries() {}

  /** The page and the filters of a listing or search; prices are read in {@code currency}. */
  record Listing(PageRequest page, ProductQuery query) {}

  /**
   * @param includeHidden whether the caller (an administrator, checked before) asked for hidden
   *     products
   * @throws InvalidValueException naming every bad parameter
   */
  static Listing listing(Context ctx, Currency currency, boolean includeHidden) {
    List<Violation> violations = new ArrayList<>();
    PageRequest page = read(violations, () -> QueryParams.page(ctx));
    ProductQuery.Builder query = ProductQuery.builder().includeHidden(includeHidden);
    String category = ctx.queryParam("category_id");
    if (category != null) {
      query.category(read(violations, "category_id", () -> CategoryId.parse(category)));
    }
    query.brand(read(violations, () -> QueryParams.text(ctx, "brand", Product.BRAND_MAX)));
    query.minPrice(price(ctx, "min_price", currency, violations));
    query.maxPrice(price(ctx, "max_price", currency, violations));
    String inStock = ctx.queryParam("in_stock");
    if (inStock != null) {
      query.inStock(read(violations, "in_stock", () -> bool("in_stock", inStock)));
    }
    String sort = ctx.queryParam("sort");
    if (sort != null) {
      ProductSort parsed = read(violations, () -> ProductSort.fromWire(sort));
      if (parsed != null) {
        query.sort(parsed);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    return new Listing(page, query.build());
  }

  /** A {@code true}/{@code false} query parameter; false when absent. */
  static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value != null && bool(name, value);
  }

  /** A whole number member of a PATCH. */
  static int integer(ObjectNode patch, String field) {
    JsonNode value = patch.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidValueException(field, "must be a whole number");
    }
    return value.intValue();
  }

  private static boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidValueException(name, "must be true or false");
    };
  }

  private static Money price(Context ctx, String name, Currency currency, List<Violation> into) {
    String value = ctx.queryParam(name);
    return value == null ? null : read(into, name, () -> Money.parse(value, currency));
  }

  /** The value, or null after adding its violations as they are. */
  private static <T> T read(List<Violation> into, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidValueException invalid) {
      into.addAll(invalid.violations());
      return null;
    }
  }

  /** The value, or null after adding its violations under {@code field}. */
  private static <T> T read(List<Violation> into, String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidValueException invalid) {
      invalid.violations().forEach(v -> into.add(new Violation(field, v.message())));
      return null;
    }
  }
}

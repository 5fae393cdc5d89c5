package dev.duka.domain.order;

import dev.duka.domain.cart.CartProblem;
import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cart cannot become an order. When every problem is a shortage of stock the code is {@link
 * ErrorCode#OUT_OF_STOCK} (a conflict the client may resolve by buying less); any other problem
 * means the request itself is wrong ({@link ErrorCode#INVALID_VALUE}).
 */
public final class OrderNotPlaceableException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final transient List<CartProblem> problems;

  public OrderNotPlaceableException(List<CartProblem> problems) {
    super(codeFor(problems), detailFor(problems));
    this.problems = List.copyOf(problems);
  }

  public List<CartProblem> problems() {
    return problems;
  }

  @Override
  public Map<String, Object> details() {
    List<Map<String, String>> lines =
        problems.stream()
            .map(
                problem -> {
                  Map<String, String> line = new LinkedHashMap<>();
                  line.put("product_id", problem.productId().toString());
                  line.put("code", problem.code().wireName());
                  line.put("message", problem.message());
                  return line;
                })
            .toList();
    return Map.of("problems", lines);
  }

  private static ErrorCode codeFor(List<CartProblem> problems) {
    boolean onlyStock =
        !problems.isEmpty()
            && problems.stream().allMatch(p -> p.code() == CartProblem.Code.INSUFFICIENT_STOCK);
    return onlyStock ? ErrorCode.OUT_OF_STOCK : ErrorCode.INVALID_VALUE;
  }

  private static String detailFor(List<CartProblem> problems) {
    if (problems.isEmpty()) {
      return "an order needs at least one line";
    }
    return problems.size() == 1
        ? problems.get(0).message()
        : problems.size() + " lines cannot be ordered";
  }
}

package dev.duka.adapters.rest.order;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.duka.adapters.rest.common.AddressBody;
import dev.duka.adapters.rest.common.MoneyBody;
import dev.duka.adapters.rest.json.TextWithoutNul;
import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.CartProblem;
import dev.duka.domain.cart.PriceBreakdown;
import dev.duka.domain.cart.PricedLine;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.order.DailySales;
import dev.duka.domain.order.OrderLine;
import dev.duka.domain.order.StatusChange;
import dev.duka.domain.port.in.AdminOrdersUseCase.SalesReport;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the order routes. */
final class OrderBodies {
  private OrderBodies() {}

  record Item(@NotNull UUID productId, @NotNull @Min(1) @Max(999) Integer quantity) {
    CartLine toCartLine() {
      return new CartLine(new ProductId(productId), quantity);
    }
  }

  record Cart(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Item> items) {
    List<CartLine> lines() {
      return items.stream().map(Item::toCartLine).toList();
    }
  }

  record PlaceOrder(
      @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Item> items,
      @NotNull AddressBody shippingAddress,
      @JsonDeserialize(using = TextWithoutNul.NeverNull.class) @Size(max = 1000) String notes) {
    List<CartLine> lines() {
      return items.stream().map(Item::toCartLine).toList();
    }
  }

  /**
   * Without a reason the body may be left out; an explicit null is refused, as the contract says.
   */
  record Cancel(
      @JsonDeserialize(using = TextWithoutNul.NeverNull.class) @Size(max = 500) String reason) {}

  record Line(
      UUID productId,
      String sku,
      String name,
      MoneyBody unitPrice,
      int quantity,
      MoneyBody lineTotal) {
    static Line of(PricedLine line) {
      return new Line(
          line.productId().value(),
          line.sku().value(),
          line.name(),
          MoneyBody.of(line.unitPrice()),
          line.quantity(),
          MoneyBody.of(line.lineTotal()));
    }

    static Line of(OrderLine line) {
      return new Line(
          line.productId().value(),
          line.sku().value(),
          line.name(),
          MoneyBody.of(line.unitPrice()),
          line.quantity(),
          MoneyBody.of(line.lineTotal()));
    }
  }

  record Problem(UUID productId, String code, String message) {
    static Problem of(CartProblem problem) {
      return new Problem(problem.productId().value(), problem.code().wireName(), problem.message());
    }
  }

  record CartSummary(
      String currency,
      List<Line> lines,
      MoneyBody subtotal,
      MoneyBody discount,
      MoneyBody tax,
      MoneyBody shipping,
      MoneyBody total,
      List<Problem> problems) {
    static CartSummary of(PriceBreakdown priced) {
      return new CartSummary(
          priced.currency().getCurrencyCode(),
          priced.lines().stream().map(Line::of).toList(),
          MoneyBody.of(priced.subtotal()),
          MoneyBody.of(priced.discount()),
          MoneyBody.of(priced.tax()),
          MoneyBody.of(priced.shipping()),
          MoneyBody.of(priced.total()),
          priced.problems().stream().map(Problem::of).toList());
    }
  }

  record OrderResponse(
      UUID id,
      String number,
      UUID customerId,
      String status,
      String paymentStatus,
      List<Line> items,
      MoneyBody subtotal,
      MoneyBody discount,
      MoneyBody tax,
      MoneyBody shipping,
      MoneyBody total,
      AddressBody shippingAddress,
      String notes,
      String trackingNumber,
      String carrier,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static OrderResponse of(OrderView order) {
      return new OrderResponse(
          order.id().value(),
          order.number().value(),
          order.customerId().value(),
          order.status().wireName(),
          order.paymentStatus().wireName(),
          order.lines().stream().map(Line::of).toList(),
          MoneyBody.of(order.subtotal()),
          MoneyBody.of(order.discount()),
          MoneyBody.of(order.tax()),
          MoneyBody.of(order.shipping()),
          MoneyBody.of(order.total()),
          AddressBody.of(order.shippingAddress()),
          emptyToNull(order.notes()),
          emptyToNull(order.trackingNumber()),
          emptyToNull(order.carrier()),
          order.version(),
          order.createdAt(),
          order.updatedAt());
    }
  }

  record HistoryEntry(String fromStatus, String toStatus, UUID actorId, String reason, Instant at) {
    static HistoryEntry of(StatusChange change) {
      return new HistoryEntry(
          change.from().map(s -> s.wireName()).orElse(null),
          change.to().wireName(),
          change.actor().userId().map(UserId::value).orElse(null),
          change.reason(),
          change.at());
    }
  }

  record History(UUID orderId, List<HistoryEntry> items) {}

  record Day(LocalDate date, long orders, MoneyBody revenue, MoneyBody averageOrderValue) {
    static Day of(DailySales day) {
      return new Day(
          day.day(),
          day.orders(),
          MoneyBody.of(day.revenue()),
          MoneyBody.of(day.averageOrderValue()));
    }
  }

  record Totals(long orders, MoneyBody revenue, MoneyBody averageOrderValue) {}

  record Report(LocalDate from, LocalDate to, String currency, List<Day> days, Totals total) {
    static Report of(SalesReport report) {
      return new Report(
          report.from(),
          report.to(),
          report.total().revenue().currency().getCurrencyCode(),
          report.days().stream().map(Day::of).toList(),
          new Totals(
              report.total().orders(),
              MoneyBody.of(report.total().revenue()),
              MoneyBody.of(report.total().averageOrderValue())));
    }
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}

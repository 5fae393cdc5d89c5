package dev.duka.adapters.rest.order;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.common.PageResponse;
import dev.duka.adapters.rest.common.PathIds;
import dev.duka.adapters.rest.common.QueryParams;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.order.OrderFilter;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.port.in.AdminOrdersUseCase;
import dev.duka.domain.port.in.ManagePaymentsUseCase;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.UserId;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code /api/v1/admin/orders…} and the sales report: what administrators need across orders. */
public final class AdminOrderRoutes implements Routes {
  private static final List<String> CSV_HEADER =
      List.of(
          "number",
          "created_at",
          "customer_id",
          "status",
          "payment_status",
          "currency",
          "subtotal",
          "discount",
          "tax",
          "shipping",
          "total",
          "items",
          "ship_to_name",
          "city",
          "country",
          "phone",
          "tracking_number",
          "carrier",
          "notes");

  private final AdminOrdersUseCase orders;
  private final ManagePaymentsUseCase payments;
  private final Authentication authentication;

  public AdminOrderRoutes(
      AdminOrdersUseCase orders, ManagePaymentsUseCase payments, Authentication authentication) {
    this.orders = orders;
    this.payments = payments;
    this.authentication = authentication;
  }

  @Override
  public void declare() {
    get("/admin/orders", this::list);
    get("/admin/orders/export", this::export);
    get("/admin/reports/sales", this::report);
    post("/admin/orders/{id}/mark-paid", this::markPaid);
  }

  private void markPaid(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    OrderId id = PathIds.of(ctx, "id", "order", OrderId::parse);
    ctx.json(OrderBodies.OrderResponse.of(payments.markPaid(caller, id)));
  }

  private void list(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    var page = QueryParams.page(ctx);
    ctx.json(
        PageResponse.of(
            orders.findOrders(caller, filter(ctx), page), OrderBodies.OrderResponse::of));
  }

  private void export(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    OrderFilter filter = filter(ctx);
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"orders.csv\"");
    try {
      Writer out =
          new BufferedWriter(
              new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8));
      Csv csv = new Csv(out);
      csv.row(CSV_HEADER);
      orders.exportOrders(caller, filter, order -> write(csv, order));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the export could not be written", e);
    }
  }

  private static void write(Csv csv, OrderView o) {
    try {
      csv.row(
          List.of(
              o.number().value(),
              o.createdAt().toString(),
              o.customerId().toString(),
              o.status().wireName(),
              o.paymentStatus().wireName(),
              o.total().currency().getCurrencyCode(),
              o.subtotal().toDecimalString(),
              o.discount().toDecimalString(),
              o.tax().toDecimalString(),
              o.shipping().toDecimalString(),
              o.total().toDecimalString(),
              Integer.toString(o.lines().stream().mapToInt(l -> l.quantity()).sum()),
              o.shippingAddress().fullName(),
              o.shippingAddress().city(),
              o.shippingAddress().country(),
              o.shippingAddress().phone(),
              o.trackingNumber(),
              o.carrier(),
              o.notes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void report(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    LocalDate from = date(ctx, "from", true);
    LocalDate to = date(ctx, "to", true);
    ctx.json(OrderBodies.Report.of(orders.salesReport(caller, from, to)));
  }

  /** The filters of the admin listing and export, each checked. */
  private static OrderFilter filter(Context ctx) {
    OrderFilter filter = OrderFilter.all();
    String status = ctx.queryParam("status");
    if (status != null) {
      filter.status(OrderStatus.fromWire(status));
    }
    String payment = ctx.queryParam("payment_status");
    if (payment != null) {
      filter.paymentStatus(PaymentStatus.fromWire(payment));
    }
    String user = ctx.queryParam("user_id");
    if (user != null) {
      try {
        filter.customer(UserId.parse(user));
      } catch (InvalidValueException notAnId) {
        throw new InvalidValueException("user_id", "must be a user's id");
      }
    }
    String number = ctx.queryParam("number");
    if (number != null) {
      try {
        filter.number(new OrderNumber(number));
      } catch (InvalidValueException notANumber) {
        throw new InvalidValueException("number", "must look like DK-7KQ2M9XH");
      }
    }
    LocalDate from = date(ctx, "from", false);
    if (from != null) {
      filter.createdFrom(from.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    LocalDate to = date(ctx, "to", false);
    if (to != null) {
      filter.createdBefore(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    return filter;
  }

  private static LocalDate date(Context ctx, String name, boolean required) {
    String value = ctx.queryParam(name);
    if (value == null) {
      if (required) {
        throw new InvalidValueException(name, "is required, as a date like 2026-01-31");
      }
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      throw new InvalidValueException(name, "must be a date like 2026-01-31");
    }
  }
}

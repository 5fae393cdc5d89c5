package dev.duka.adapters.rest.order;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.common.AddressBody;
import dev.duka.adapters.rest.common.PageResponse;
import dev.duka.adapters.rest.common.PathIds;
import dev.duka.adapters.rest.common.QueryParams;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.port.in.ChangeOrderUseCase;
import dev.duka.domain.port.in.ChangeOrderUseCase.OrderChanges;
import dev.duka.domain.port.in.OrderQueriesUseCase;
import dev.duka.domain.port.in.PlaceOrderUseCase;
import dev.duka.domain.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import dev.duka.domain.port.in.PlaceOrderUseCase.PlacedOrder;
import dev.duka.domain.port.in.PriceCartUseCase;
import dev.duka.domain.user.Caller;
import io.javalin.http.Context;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /api/v1/orders…}: the cart's price, placing orders, and customers' own orders. */
public final class OrderRoutes implements Routes {
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Set<String> PATCH_FIELDS =
      Set.of(
          "shipping_address", "notes", "status", "tracking_number", "carrier", "reason", "version");

  private final PriceCartUseCase priceCart;
  private final PlaceOrderUseCase placeOrder;
  private final OrderQueriesUseCase queries;
  private final ChangeOrderUseCase changes;
  private final Authentication authentication;
  private final JsonBodies bodies;

  public OrderRoutes(
      PriceCartUseCase priceCart,
      PlaceOrderUseCase placeOrder,
      OrderQueriesUseCase queries,
      ChangeOrderUseCase changes,
      Authentication authentication,
      JsonBodies bodies) {
    this.priceCart = priceCart;
    this.placeOrder = placeOrder;
    this.queries = queries;
    this.changes = changes;
    this.authentication = authentication;
    this.bodies = bodies;
  }

  @Override
  public void declare() {
    post("/orders/cart/summary", this::summary);
    post("/orders", this::place);
    get("/orders", this::list);
    get("/orders/{id}", this::show);
    patch("/orders/{id}", this::update);
    post("/orders/{id}/cancel", this::cancel);
    get("/orders/{id}/history", this::history);
  }

  private void summary(Context ctx) {
    authentication.optional(ctx);
    OrderBodies.Cart cart = bodies.read(ctx, OrderBodies.Cart.class);
    ctx.json(OrderBodies.CartSummary.of(priceCart.priceCart(cart.lines())));
  }

  private void place(Context ctx) {
    Caller caller = authentication.require(ctx);
    String key = ctx.header("Idempotency-Key");
    if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new InvalidValueException(
          "Idempotency-Key", "must be 1–255 visible ASCII characters (a UUID is a good choice)");
    }
    OrderBodies.PlaceOrder body = bodies.read(ctx, OrderBodies.PlaceOrder.class);
    PlacedOrder placed =
        placeOrder.placeOrder(
            caller,
            new PlaceOrderCommand(
                body.lines(),
                body.shippingAddress().toDomain("shipping_address"),
                body.notes(),
                key));
    if (placed.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    ctx.header("Location", "/api/v1/orders/" + placed.order().id());
    ctx.status(201).json(OrderBodies.OrderResponse.of(placed.order()));
  }

  private void list(Context ctx) {
    Caller caller = authentication.require(ctx);
    var page = QueryParams.page(ctx);
    String status = ctx.queryParam("status");
    ctx.json(
        PageResponse.of(
            queries.myOrders(caller, status == null ? null : OrderStatus.fromWire(status), page),
            OrderBodies.OrderResponse::of));
  }

  private void show(Context ctx) {
    Caller caller = authentication.require(ctx);
    ctx.json(OrderBodies.OrderResponse.of(queries.order(caller, orderId(ctx))));
  }

  private void history(Context ctx) {
    Caller caller = authentication.require(ctx);
    OrderId id = orderId(ctx);
    ctx.json(
        new OrderBodies.History(
            id.value(),
            queries.history(caller, id).stream().map(OrderBodies.HistoryEntry::of).toList()));
  }

  private void update(Context ctx) {
    Caller caller = authentication.require(ctx);
    OrderId id = orderId(ctx);
    ObjectNode patch = bodies.readPatch(ctx, PATCH_FIELDS);
    OrderChanges change = new OrderChanges();
    if (patch.has("shipping_address")) {
      JsonNode address = patch.get("shipping_address");
      if (!address.isObject()) {
        throw new InvalidValueException("shipping_address", "must be an address object");
      }
      change.shippingAddress(
          bodies
              .convert(address, AddressBody.class, "shipping_address")
              .toDomain("shipping_address"));
    }
    if (patch.has("notes")) {
      String notes = JsonBodies.string(patch, "notes", true);
      change.notes(notes == null ? "" : notes);
    }
    if (patch.has("status")) {
      change.status(OrderStatus.fromWire(JsonBodies.string(patch, "status", false)));
    }
    if (patch.has("tracking_number")) {
      change.trackingNumber(JsonBodies.string(patch, "tracking_number", false));
    }
    if (patch.has("carrier")) {
      change.carrier(JsonBodies.string(patch, "carrier", false));
    }
    if (patch.has("reason")) {
      change.reason(JsonBodies.string(patch, "reason", false));
    }
    if (patch.has("version")) {
      JsonNode version = patch.get("version");
      if (!version.isIntegralNumber() || version.asLong() < 0) {
        throw new InvalidValueException("version", "must be the order's version, a whole number");
      }
      change.expectedVersion(version.asLong());
    }
    ctx.json(OrderBodies.OrderResponse.of(changes.updateOrder(caller, id, change)));
  }

  private void cancel(Context ctx) {
    Caller caller = authentication.require(ctx);
    OrderId id = orderId(ctx);
    String reason = "";
    if (!ctx.body().isBlank()) {
      OrderBodies.Cancel body = bodies.read(ctx, OrderBodies.Cancel.class);
      reason = body.reason() == null ? "" : body.reason();
    }
    ctx.json(OrderBodies.OrderResponse.of(changes.cancelOrder(caller, id, reason)));
  }

  private static OrderId orderId(Context ctx) {
    return PathIds.of(ctx, "id", "order", OrderId::parse);
  }
}

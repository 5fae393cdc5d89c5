package dev.duka.application.order;

import dev.duka.application.mail.OutboundMail;
import dev.duka.domain.cart.Cart;
import dev.duka.domain.cart.CartLine;
import dev.duka.domain.cart.CartPricing;
import dev.duka.domain.cart.CartProblem;
import dev.duka.domain.cart.PriceBreakdown;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderLine;
import dev.duka.domain.order.OrderNotPlaceableException;
import dev.duka.domain.order.OrderNumber;
import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.port.in.PlaceOrderUseCase;
import dev.duka.domain.port.in.PriceCartUseCase;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.IdempotencyStore;
import dev.duka.domain.port.out.IdempotencyStore.Claim;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Pricing carts and buying them. Prices always come from the database; stock is taken with one
 * conditional update per line, in product-id order so that two orders over the same products never
 * deadlock; any short line rolls the whole order back.
 */
public final class PlaceOrderService implements PriceCartUseCase, PlaceOrderUseCase {
  /** Order numbers are 40 random bits; a collision is retried with a new draw. */
  private static final int NUMBER_ATTEMPTS = 3;

  private final ProductRepository products;
  private final OrderRepository orders;
  private final UserRepository users;
  private final IdempotencyStore idempotency;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final CartPricing pricing;
  private final OrderMail mail;

  public PlaceOrderService(
      ProductRepository products,
      OrderRepository orders,
      UserRepository users,
      IdempotencyStore idempotency,
      Outbox outbox,
      Transactions transactions,
      Clock clock,
      IdGenerator ids,
      CartPricing pricing) {
    this.products = products;
    this.orders = orders;
    this.users = users;
    this.idempotency = idempotency;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.pricing = pricing;
    this.mail = new OrderMail(new OutboundMail(outbox, ids, clock), users);
  }

  @Override
  public PriceBreakdown priceCart(List<CartLine> lines) {
    Cart cart = cartOf(lines);
    return pricing.price(cart, products.findForPricing(cart.productIds()));
  }

  @Override
  public PlacedOrder placeOrder(Caller caller, PlaceOrderCommand command) {
    Cart cart = cartOf(command.lines());
    User customer = users.findById(caller.id()).orElseThrow();
    if (!customer.emailVerified()) {
      throw new ForbiddenException("confirm your email address before ordering");
    }
    String key = command.idempotencyKey();
    String fingerprint = fingerprint(command);
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.inTransaction(() -> place(caller, cart, command, key, fingerprint));
      } catch (DuplicateException numberTaken) {
        if (attempt >= NUMBER_ATTEMPTS || !"number".equals(numberTaken.field())) {
          throw numberTaken;
        }
      }
    }
  }

  private PlacedOrder place(
      Caller caller, Cart cart, PlaceOrderCommand command, String key, String fingerprint) {
    Instant now = clock.now();
    if (key != null) {
      Claim claim = idempotency.claim(caller.id(), key, fingerprint, now);
      if (claim instanceof Claim.Replay replay) {
        OrderId placed = OrderId.parse(replay.response().body());
        return new PlacedOrder(OrderView.of(orders.findById(placed).orElseThrow()), true);
      }
      if (claim instanceof Claim.Mismatch) {
        throw new ConflictException(
            "this Idempotency-Key was already used for a different order; use a new key");
      }
    }
    PriceBreakdown priced = pricing.price(cart, products.findForPricing(cart.productIds()));
    Order order =
        Order.place(
            new OrderId(ids.newId()),
            OrderNumber.fromRandom(ids.randomBits()),
            caller.id(),
            priced,
            command.shippingAddress(),
            command.notes(),
            now);
    orders.insert(order);
    takeStock(order, now);
    mail.placed(order);
    if (key != null) {
      idempotency.complete(
          caller.id(), key, new IdempotencyStore.StoredResponse(201, order.id().toString()), now);
    }
    return new PlacedOrder(OrderView.of(order), false);
  }

  /** One conditional update per line, in product-id order; any short line fails the order. */
  private void takeStock(Order order, Instant now) {
    List<OrderLine> lines = new ArrayList<>(order.lines());
    lines.sort(Comparator.comparing(line -> line.productId().value()));
    List<CartProblem> short_ = new ArrayList<>();
    for (OrderLine line : lines) {
      boolean taken =
          products
              .applyStockMovement(
                  new StockMovement(
                      line.productId(), -line.quantity(), "order " + order.number(), now))
              .isPresent();
      if (!taken) {
        short_.add(
            new CartProblem(
                line.productId(),
                CartProblem.Code.INSUFFICIENT_STOCK,
                "not enough " + line.name() + " in stock for " + line.quantity()));
      }
    }
    if (!short_.isEmpty()) {
      throw new OrderNotPlaceableException(short_);
    }
  }

  private static Cart cartOf(List<CartLine> lines) {
    if (lines.isEmpty()) {
      throw new InvalidValueException("items", "a cart needs at least one line");
    }
    if (lines.size() > Cart.MAX_LINES) {
      throw new InvalidValueException("items", "at most " + Cart.MAX_LINES + " lines");
    }
    return new Cart(lines);
  }

  /** Equal for the same request, so a retry is recognised; different for any other. */
  private static String fingerprint(PlaceOrderCommand command) {
    StringBuilder canonical = new StringBuilder();
    for (CartLine line : command.lines()) {
      canonical.append(line.productId()).append('×').append(line.quantity()).append(';');
    }
    ShippingAddress a = command.shippingAddress();
    for (String part :
        new String[] {
          a.fullName(),
          a.line1(),
          a.line2(),
          a.city(),
          a.region(),
          a.postalCode(),
          a.country(),
          a.phone(),
          command.notes() == null ? "" : command.notes()
        }) {
      canonical.append(part.length()).append(':').append(part).append('|');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

package dev.duka.application.order;

import dev.duka.application.mail.OutboundMail;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderLine;
import dev.duka.domain.port.out.Mailer;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.User;

/**
 * The mails an order sends its customer (placed, shipped, delivered, cancelled), queued in the
 * outbox in the transaction of the change.
 */
final class OrderMail {
  private final OutboundMail mails;
  private final UserRepository users;

  OrderMail(OutboundMail mails, UserRepository users) {
    this.mails = mails;
    this.users = users;
  }

  void placed(Order order) {
    StringBuilder text = new StringBuilder();
    text.append("Asante! We have your order ").append(order.number()).append(".\n\n");
    for (OrderLine line : order.lines()) {
      text.append(line.quantity())
          .append(" × ")
          .append(line.name())
          .append("  ")
          .append(line.lineTotal())
          .append('\n');
    }
    text.append("\nTotal: ").append(order.total()).append('\n');
    send(order, "Your order " + order.number() + " is placed", text.toString());
  }

  void shipped(Order order) {
    send(
        order,
        "Your order " + order.number() + " is on its way",
        "Your order "
            + order.number()
            + " has shipped with "
            + order.carrier()
            + ".\nTracking number: "
            + order.trackingNumber()
            + "\n");
  }

  void delivered(Order order) {
    send(
        order,
        "Your order " + order.number() + " was delivered",
        "Your order " + order.number() + " was delivered. Thank you for shopping with us.\n");
  }

  void cancelled(Order order, String reason) {
    send(
        order,
        "Your order " + order.number() + " is cancelled",
        "Your order "
            + order.number()
            + " is cancelled"
            + (reason.isBlank() ? "." : ": " + reason)
            + "\n");
  }

  private void send(Order order, String subject, String text) {
    User customer = users.findById(order.customerId()).orElseThrow();
    mails.enqueue(new Mailer.Mail(customer.email(), subject, text));
  }
}

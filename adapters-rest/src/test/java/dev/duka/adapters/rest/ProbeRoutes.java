package dev.duka.adapters.rest;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.UnavailableException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Routes that exist only in these tests, to drive each kind of failure through the server. */
final class ProbeRoutes implements Routes {
  private final JsonBodies bodies;

  ProbeRoutes(JsonBodies bodies) {
    this.bodies = bodies;
  }

  record Line(@NotNull Integer quantity, @NotBlank String sku) {}

  record Echo(
      @NotBlank @Size(max = 50) String name,
      @NotNull @Min(1) @Max(999) Integer quantity,
      List<@Valid Line> lines) {}

  @Override
  public void declare() {
    post("/_probe/echo", ctx -> ctx.json(bodies.read(ctx, Echo.class)));
    get(
        "/_probe/boom",
        ctx -> {
          throw new IllegalStateException("secret internal detail at db.internal:5432");
        });
    get(
        "/_probe/missing",
        ctx -> {
          throw new NotFoundException("order", "42");
        });
    get(
        "/_probe/down",
        ctx -> {
          throw new UnavailableException("the database is unavailable; retry shortly", null);
        });
    get(
        "/_probe/slow",
        ctx -> {
          Thread.sleep(1500);
          ctx.json(Map.of("slept_ms", 1500));
        });
  }
}

package dev.duka.adapters.rest.user;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.common.PageResponse;
import dev.duka.adapters.rest.common.PathIds;
import dev.duka.adapters.rest.common.QueryParams;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.domain.port.in.ManageUsersUseCase;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/admin/users}: administrators list and change accounts. */
public final class AdminUserRoutes implements Routes {
  private final ManageUsersUseCase users;
  private final Authentication authentication;
  private final JsonBodies bodies;

  public AdminUserRoutes(
      ManageUsersUseCase users, Authentication authentication, JsonBodies bodies) {
    this.users = users;
    this.authentication = authentication;
    this.bodies = bodies;
  }

  @Override
  public void declare() {
    get("/admin/users", this::list);
    patch("/admin/users/{id}", this::update);
  }

  private void list(Context ctx) {
    var caller = authentication.requireAdmin(ctx);
    var page = QueryParams.page(ctx);
    String q = QueryParams.text(ctx, "q", 254);
    ctx.json(PageResponse.of(users.listUsers(caller, q, page), UserResponse::of));
  }

  private void update(Context ctx) {
    var caller = authentication.requireAdmin(ctx);
    UserId id = PathIds.of(ctx, "id", "user", UserId::parse);
    ObjectNode patch = bodies.readPatch(ctx, Set.of("active", "role"));
    Optional<Boolean> active =
        patch.has("active") ? Optional.of(JsonBodies.bool(patch, "active")) : Optional.empty();
    Optional<Role> role =
        patch.has("role")
            ? Optional.of(Role.fromWire(JsonBodies.string(patch, "role", false)))
            : Optional.empty();
    ctx.json(UserResponse.of(users.updateUser(caller, id, active, role)));
  }
}

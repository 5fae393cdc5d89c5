package dev.duka.adapters.rest.catalog;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.catalog.CatalogBodies.CategoryNodeResponse;
import dev.duka.adapters.rest.catalog.CatalogBodies.CategoryRequest;
import dev.duka.adapters.rest.catalog.CatalogBodies.CategoryResponse;
import dev.duka.adapters.rest.catalog.CatalogBodies.CategoryTreeResponse;
import dev.duka.adapters.rest.common.ConditionalJson;
import dev.duka.adapters.rest.common.PathIds;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.port.in.CreateCategoryUseCase;
import dev.duka.domain.port.in.CreateCategoryUseCase.CreateCategoryCommand;
import dev.duka.domain.port.in.DeleteCategoryUseCase;
import dev.duka.domain.port.in.GetCategoryUseCase;
import dev.duka.domain.port.in.ListCategoriesUseCase;
import dev.duka.domain.port.in.UpdateCategoryUseCase;
import dev.duka.domain.port.in.UpdateCategoryUseCase.CategoryChanges;
import dev.duka.domain.user.Caller;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/categories}: the tree for everyone, its shape for administrators. */
public final class CategoryRoutes implements Routes {
  private static final Set<String> PATCHABLE =
      Set.of("name", "slug", "parent_id", "description", "active", "sort_order");

  /** Every category use case the routes drive. */
  public record UseCases(
      ListCategoriesUseCase list,
      GetCategoryUseCase get,
      CreateCategoryUseCase create,
      UpdateCategoryUseCase update,
      DeleteCategoryUseCase delete) {}

  private final UseCases useCases;
  private final Authentication authentication;
  private final JsonBodies bodies;
  private final ConditionalJson conditional;

  public CategoryRoutes(
      UseCases useCases,
      Authentication authentication,
      JsonBodies bodies,
      ConditionalJson conditional) {
    this.useCases = useCases;
    this.authentication = authentication;
    this.bodies = bodies;
    this.conditional = conditional;
  }

  @Override
  public void declare() {
    get("/categories", this::tree);
    post("/categories", this::create);
    get("/categories/{id}", this::one);
    patch("/categories/{id}", this::update);
    delete("/categories/{id}", this::remove);
  }

  private void tree(Context ctx) {
    boolean includeInactive = CatalogQueries.flag(ctx, "include_inactive");
    Optional<Caller> caller =
        includeInactive
            ? Optional.of(authentication.requireAdmin(ctx))
            : authentication.optional(ctx);
    var roots = useCases.list().listCategories(caller, includeInactive);
    conditional.respond(
        ctx, new CategoryTreeResponse(roots.stream().map(CategoryNodeResponse::of).toList()));
  }

  private void one(Context ctx) {
    Optional<Caller> caller = authentication.optional(ctx);
    CategoryId id = PathIds.of(ctx, "id", "category", CategoryId::parse);
    conditional.respond(ctx, CategoryResponse.of(useCases.get().getCategory(caller, id)));
  }

  private void create(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    CategoryRequest body = bodies.read(ctx, CategoryRequest.class);
    var created =
        useCases
            .create()
            .createCategory(
                caller,
                new CreateCategoryCommand(
                    body.name(),
                    body.slug(),
                    body.parentId(),
                    body.description(),
                    body.active(),
                    body.sortOrder()));
    ctx.status(201).json(CategoryResponse.of(created));
  }

  private void update(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    CategoryId id = PathIds.of(ctx, "id", "category", CategoryId::parse);
    ObjectNode patch = bodies.readPatch(ctx, PATCHABLE);
    CategoryChanges changes = new CategoryChanges();
    if (patch.has("name")) {
      changes.name(JsonBodies.string(patch, "name", false));
    }
    if (patch.has("slug")) {
      changes.slug(JsonBodies.string(patch, "slug", false));
    }
    if (patch.has("parent_id")) {
      changes.parentId(JsonBodies.string(patch, "parent_id", true));
    }
    if (patch.has("description")) {
      changes.description(JsonBodies.string(patch, "description", true));
    }
    if (patch.has("active")) {
      changes.active(JsonBodies.bool(patch, "active"));
    }
    if (patch.has("sort_order")) {
      changes.sortOrder(CatalogQueries.integer(patch, "sort_order"));
    }
    ctx.json(CategoryResponse.of(useCases.update().updateCategory(caller, id, changes)));
  }

  private void remove(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    CategoryId id = PathIds.of(ctx, "id", "category", CategoryId::parse);
    useCases.delete().deleteCategory(caller, id);
    ctx.status(204);
  }
}

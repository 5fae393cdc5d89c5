package dev.duka.application.catalog;

import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.CategoryTree;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.in.CategoryNode;
import dev.duka.domain.port.in.CategoryView;
import dev.duka.domain.port.in.CreateCategoryUseCase;
import dev.duka.domain.port.in.DeleteCategoryUseCase;
import dev.duka.domain.port.in.GetCategoryUseCase;
import dev.duka.domain.port.in.ListCategoriesUseCase;
import dev.duka.domain.port.in.UpdateCategoryUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The category tree: browsing it, and administrators shaping it; every change audited. */
public final class CategoryService
    implements ListCategoriesUseCase,
        GetCategoryUseCase,
        CreateCategoryUseCase,
        UpdateCategoryUseCase,
        DeleteCategoryUseCase {
  private final CategoryRepository categories;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;

  public CategoryService(
      CategoryRepository categories,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids) {
    this.categories = categories;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public List<CategoryNode> listCategories(Optional<Caller> caller, boolean includeInactive) {
    if (includeInactive) {
      Admins.require(caller, "see inactive categories");
    }
    List<Category> all = categories.findAll();
    Collection<Category> shown = includeInactive ? all : visibleOnly(all);
    return CategoryTree.nest(shown).stream().map(CategoryNode::of).toList();
  }

  @Override
  public CategoryView getCategory(Optional<Caller> caller, CategoryId id) {
    Category category =
        categories.findById(id).orElseThrow(() -> new NotFoundException("category", id));
    if (!Admins.isAdmin(caller) && !CategoryTree.visible(categories.findAll()).contains(id)) {
      throw new NotFoundException("category", id);
    }
    return CategoryView.of(category);
  }

  @Override
  public CategoryView createCategory(Caller caller, CreateCategoryCommand command) {
    Admins.require(caller, "create categories");
    Fields fields = new Fields();
    String name = Text.clean(command.name());
    String description = Text.clean(command.description());
    Category.checkTexts(name, description, fields.violations());
    Slug given =
        command.slug() == null
            ? null
            : fields.read("slug", () -> new Slug(Text.clean(command.slug())));
    CategoryId parent =
        command.parentId() == null
            ? null
            : fields.read("parent_id", () -> CategoryId.parse(command.parentId()));
    fields.requireValid();
    return transactions.inTransaction(
        () -> {
          List<Category> all = categories.findAll();
          requireExisting(parent, all);
          Category category =
              new Category(
                  new CategoryId(ids.newId()),
                  parent,
                  name,
                  given != null ? given : freeSlug(Slug.from(name, "category"), all),
                  description,
                  command.active() == null || command.active(),
                  command.sortOrder() == null ? 0 : command.sortOrder());
          categories.insert(category);
          record(
              caller,
              "category.created",
              category.id(),
              Map.of("name", category.name(), "slug", category.slug().value()));
          return CategoryView.of(category);
        });
  }

  @Override
  public CategoryView updateCategory(Caller caller, CategoryId id, CategoryChanges changes) {
    Admins.require(caller, "change categories");
    return transactions.inTransaction(
        () -> {
          Category old =
              categories.findById(id).orElseThrow(() -> new NotFoundException("category", id));
          List<Category> all = categories.findAll();
          Fields fields = new Fields();
          String name = changes.name().map(Text::clean).orElse(old.name());
          String description = changes.description().map(Text::clean).orElse(old.description());
          Category.checkTexts(name, description, fields.violations());
          Slug slug =
              changes.slug().isEmpty()
                  ? old.slug()
                  : fields.read("slug", () -> new Slug(Text.clean(changes.slug().get())));
          CategoryId parent = old.parentId().orElse(null);
          if (changes.parentGiven()) {
            parent =
                changes.parentId().isEmpty()
                    ? null
                    : fields.read("parent_id", () -> CategoryId.parse(changes.parentId().get()));
          }
          fields.requireValid();
          requireExisting(parent, all);
          CategoryTree.checkMove(id, parent, all);
          Category edited =
              old.edited(
                  parent,
                  name,
                  slug,
                  description,
                  changes.active().orElse(old.active()),
                  changes.sortOrder().orElse(old.sortOrder()));
          Category stored = categories.update(edited);
          record(caller, "category.changed", id, Map.of("fields", changed(old, stored)));
          return CategoryView.of(stored);
        });
  }

  @Override
  public void deleteCategory(Caller caller, CategoryId id) {
    Admins.require(caller, "delete categories");
    transactions.run(
        () -> {
          Category category =
              categories.findById(id).orElseThrow(() -> new NotFoundException("category", id));
          categories.delete(id);
          record(caller, "category.deleted", id, Map.of("slug", category.slug().value()));
        });
  }

  private static List<Category> visibleOnly(List<Category> all) {
    Set<CategoryId> visible = CategoryTree.visible(all);
    return all.stream().filter(c -> visible.contains(c.id())).toList();
  }

  private static void requireExisting(CategoryId parent, List<Category> all) {
    if (parent != null && all.stream().noneMatch(c -> c.id().equals(parent))) {
      throw new InvalidValueException("parent_id", "no category has the id " + parent);
    }
  }

  /** The wanted slug, or the first of {@code wanted-2}, {@code wanted-3}… no category has. */
  private static Slug freeSlug(Slug wanted, List<Category> all) {
    Set<Slug> taken = all.stream().map(Category::slug).collect(Collectors.toSet());
    Slug slug = wanted;
    for (int n = 2; taken.contains(slug); n++) {
      slug = wanted.withSuffix(n);
    }
    return slug;
  }

  private static String changed(Category old, Category now) {
    List<String> fields = new ArrayList<>();
    if (!old.name().equals(now.name())) {
      fields.add("name");
    }
    if (!old.slug().equals(now.slug())) {
      fields.add("slug");
    }
    if (!old.parentId().equals(now.parentId())) {
      fields.add("parent_id");
    }
    if (!old.description().equals(now.description())) {
      fields.add("description");
    }
    if (old.active() != now.active()) {
      fields.add("active");
    }
    if (old.sortOrder() != now.sortOrder()) {
      fields.add("sort_order");
    }
    return String.join(",", fields);
  }

  private void record(Caller caller, String action, CategoryId id, Map<String, String> data) {
    audit.record(new AuditLog.Entry(caller.asActor(), action, id.toString(), data, clock.now()));
  }
}

package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueTables.Category;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferCategory;
import de.lagebild.platform.TenantScope;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** The tenant's own categories of offers, ordered. */
@Repository
public class CategoryRepository {

  private final TenantScope scope;
  private final CatalogueRevision revisions;

  CategoryRepository(TenantScope scope, CatalogueRevision revisions) {
    this.scope = scope;
    this.revisions = revisions;
  }

  public List<CategoryRow> categories() {
    return scope
        .dsl()
        .select(Category.ID, Category.PARENT_ID, Category.NAME, Category.POSITION)
        .from(scope.table(Category.T))
        .orderBy(Category.POSITION, Category.NAME)
        .fetch(r -> new CategoryRow(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  public void insertCategory(CategoryRow c) {
    revisions.structureChanged();
    scope
        .insertInto(Category.T)
        .set(Category.ID, c.id())
        .set(Category.PARENT_ID, c.parentId())
        .set(Category.NAME, c.name())
        .set(Category.POSITION, c.position())
        .set(Category.VERSION, 0)
        .execute();
  }

  /**
   * The order of categories under one parent: each gets its index in {@code ordered} as its
   * position. The search index does not hold the order, so this is no structural change.
   */
  public void orderCategories(List<UUID> ordered) {
    revisions.changed();
    for (int i = 0; i < ordered.size(); i++) {
      scope
          .update(Category.T)
          .set(Category.POSITION, i)
          .set(Category.VERSION, Category.VERSION.plus(1))
          .where(Category.ID.eq(ordered.get(i)))
          .execute();
    }
  }

  public void renameCategory(UUID id, String name) {
    revisions.structureChanged();
    scope
        .update(Category.T)
        .set(Category.NAME, name)
        .set(Category.VERSION, Category.VERSION.plus(1))
        .where(Category.ID.eq(id))
        .execute();
  }

  public int categoryUse(UUID id) {
    return scope.dsl().fetchCount(scope.table(OfferCategory.T), OfferCategory.CATEGORY_ID.eq(id))
        + scope.dsl().fetchCount(scope.table(Category.T), Category.PARENT_ID.eq(id));
  }

  public void deleteCategory(UUID id) {
    revisions.structureChanged();
    scope.deleteFrom(Category.T).where(Category.ID.eq(id)).execute();
  }
}

package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueTables.Member;
import de.lagebild.catalogue.internal.store.CatalogueTables.Organization;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Organisations (providers) and the provider accounts that keep their offers. */
@Repository
public class OrganizationRepository {

  private final TenantScope scope;
  private final CatalogueRevision revisions;

  OrganizationRepository(TenantScope scope, CatalogueRevision revisions) {
    this.scope = scope;
    this.revisions = revisions;
  }

  public List<OrganizationRow> organizations() {
    return scope
        .dsl()
        .select(Organization.ALL)
        .from(scope.table(Organization.T))
        .orderBy(Organization.NAME)
        .fetch(OrganizationRepository::organization);
  }

  public Optional<OrganizationRow> organization(UUID id) {
    return scope
        .dsl()
        .select(Organization.ALL)
        .from(scope.table(Organization.T))
        .where(Organization.ID.eq(id))
        .fetchOptional(OrganizationRepository::organization);
  }

  public void insertOrganization(OrganizationRow o, Instant now) {
    revisions.structureChanged();
    scope
        .insertInto(Organization.T)
        .set(Organization.ID, o.id())
        .set(Organization.NAME, o.name())
        .set(Organization.DESCRIPTION, o.description())
        .set(Organization.EMAIL, o.email())
        .set(Organization.PHONE, o.phone())
        .set(Organization.WEBSITE, o.website())
        .set(Organization.CREATED_AT, now)
        .set(Organization.VERSION, 0)
        .execute();
  }

  boolean updateOrganization(OrganizationRow o) {
    revisions.structureChanged();
    return scope
            .update(Organization.T)
            .set(Organization.NAME, o.name())
            .set(Organization.DESCRIPTION, o.description())
            .set(Organization.EMAIL, o.email())
            .set(Organization.PHONE, o.phone())
            .set(Organization.WEBSITE, o.website())
            .set(Organization.VERSION, o.version() + 1)
            .where(Organization.ID.eq(o.id()))
            .and(Organization.VERSION.eq(o.version()))
            .execute()
        == 1;
  }

  private static OrganizationRow organization(Record r) {
    return new OrganizationRow(
        r.get(Organization.ID),
        r.get(Organization.NAME),
        r.get(Organization.DESCRIPTION),
        r.get(Organization.EMAIL),
        r.get(Organization.PHONE),
        r.get(Organization.WEBSITE),
        r.get(Organization.VERSION));
  }

  /** The organisations a provider account acts for. */
  public List<UUID> organizationsOf(UUID user) {
    return scope
        .dsl()
        .select(Member.ORGANIZATION_ID)
        .from(scope.table(Member.T))
        .where(Member.USER_ID.eq(user))
        .fetch(Member.ORGANIZATION_ID);
  }

  /** The user ids of the provider accounts linked to an organisation. */
  public List<UUID> membersOf(UUID organization) {
    return scope
        .dsl()
        .select(Member.USER_ID)
        .from(scope.table(Member.T))
        .where(Member.ORGANIZATION_ID.eq(organization))
        .fetch(Member.USER_ID);
  }

  public void addMember(UUID user, UUID organization) {
    scope
        .insertInto(Member.T)
        .set(Member.USER_ID, user)
        .set(Member.ORGANIZATION_ID, organization)
        .onConflictDoNothing()
        .execute();
  }
}

package de.lagebild.identity.internal.state;

import de.lagebild.identity.SharedItem;
import de.lagebild.identity.StateDistricts;
import de.lagebild.identity.internal.tenants.TenantKind;
import de.lagebild.identity.internal.tenants.TenantRepository;
import de.lagebild.identity.internal.tenants.TenantRow;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Districts in a Land: the membership (kept by the platform administration), each district's
 * sharing settings (kept by the district, audited) and the Land's reads of shared items.
 */
@Service
public class StatePlatform implements StateDistricts, de.lagebild.identity.StateAtlas {

  private final StateMemberRepository members;
  private final SharingRepository sharing;
  private final SubscriptionRepository subscriptions;
  private final TenantRepository tenants;
  private final AuditLog audit;
  private final Clock clock;

  StatePlatform(
      StateMemberRepository members,
      SharingRepository sharing,
      SubscriptionRepository subscriptions,
      TenantRepository tenants,
      AuditLog audit,
      Clock clock) {
    this.members = members;
    this.sharing = sharing;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public boolean currentIsState() {
    return tenants
        .findById(TenantContext.require().value())
        .map(t -> t.kind() == TenantKind.LAND)
        .orElse(false);
  }

  @Override
  public List<District> districts() {
    if (!currentIsState()) {
      return List.of();
    }
    return members.districtsOf(TenantContext.require().value()).stream()
        .map(tenants::findById)
        .flatMap(Optional::stream)
        .map(t -> new District(t.id(), t.slug(), t.name(), t.officialKey(), sharedBy(t)))
        .sorted(Comparator.comparing(District::name))
        .toList();
  }

  @Override
  public <T> Optional<T> readShared(String districtSlug, SharedItem item, Supplier<T> read) {
    return reader(districtSlug).flatMap(r -> r.read(item, read));
  }

  @Override
  public Optional<SharedReader> reader(String districtSlug) {
    UUID state = TenantContext.require().value();
    Optional<TenantRow> district = tenants.findBySlug(districtSlug);
    if (district.isEmpty()
        || !currentIsState()
        || !members.stateOf(district.get().id()).map(state::equals).orElse(false)) {
      return Optional.empty();
    }
    TenantAccess scope = readerIn(district.get());
    Set<SharedItem> shared = sharedBy(district.get());
    return Optional.of(
        new SharedReader() {
          @Override
          public <T> Optional<T> read(SharedItem item, Supplier<T> work) {
            return shared.contains(item)
                ? Optional.ofNullable(TenantContext.callAs(scope, work))
                : Optional.empty();
          }
        });
  }

  /** The items the district shares, read in its own scope. */
  private Set<SharedItem> sharedBy(TenantRow district) {
    return TenantContext.callAs(readerIn(district), this::sharedItems);
  }

  /** The district's scope without any role: reads only, no member rights. */
  private static TenantAccess readerIn(TenantRow district) {
    return new TenantAccess(
        district.tenantId(),
        district.slug(),
        district.name(),
        district.publicVisible(),
        null,
        Set.of());
  }

  // --- the district's side ---

  /** The Land the current tenant belongs to, if any. */
  public Optional<TenantRow> stateOfCurrent() {
    return members.stateOf(TenantContext.require().value()).flatMap(tenants::findById);
  }

  /** The items the current tenant shares with its Land. */
  public Set<SharedItem> sharedItems() {
    Set<SharedItem> shared = EnumSet.noneOf(SharedItem.class);
    sharing.settings().values().stream()
        .filter(SharingRepository.Setting::shared)
        .forEach(s -> shared.add(s.item()));
    return shared;
  }

  Map<SharedItem, SharingRepository.Setting> settings() {
    return sharing.settings();
  }

  /**
   * Saves the current tenant's sharing settings; {@code versions} are those read with the form.
   * Each changed item is written and audited; unchanged ones are left alone.
   */
  @Transactional
  public int saveSettings(Set<SharedItem> shared, Map<SharedItem, Integer> versions) {
    Map<SharedItem, SharingRepository.Setting> before = sharing.settings();
    int changed = 0;
    for (SharedItem item : SharedItem.values()) {
      boolean now = shared.contains(item);
      SharingRepository.Setting old = before.get(item);
      int readVersion = versions.getOrDefault(item, old.version());
      if (readVersion != old.version()) {
        throw new de.lagebild.platform.ConcurrentEditException("Freigabe");
      }
      if (old.shared() == now) {
        continue;
      }
      sharing.save(item, now, old.version(), clock.instant());
      audit.record(
          "UPDATE",
          "Sharing",
          TenantContext.require().value(),
          "Freigabe für das Land " + (now ? "erteilt" : "entzogen") + ": " + item.name(),
          Map.of("item", item.name(), "shared", old.shared()),
          Map.of("item", item.name(), "shared", now));
      changed++;
    }
    return changed;
  }

  // --- the district's subscription to the Land's atlas ---

  /** Whether the current tenant subscribes to its Land's atlas, and the version of that setting. */
  public SubscriptionRepository.Setting subscriptionSetting() {
    return subscriptions.setting();
  }

  /** Subscribes the current tenant to its Land's atlas or ends that; audited. */
  @Transactional
  public void subscribe(boolean subscribed, int version) {
    SubscriptionRepository.Setting before = subscriptions.setting();
    if (before.version() != version) {
      throw new de.lagebild.platform.ConcurrentEditException("Abonnement");
    }
    if (before.subscribed() == subscribed) {
      return;
    }
    subscriptions.save(subscribed, version, clock.instant());
    audit.record(
        "UPDATE",
        "StateSubscription",
        TenantContext.require().value(),
        subscribed
            ? "Indikatoren des Landes abonniert"
            : "Abonnement der Indikatoren des Landes beendet",
        Map.of("subscribed", before.subscribed()),
        Map.of("subscribed", subscribed));
  }

  @Override
  public Optional<Subscription> subscription() {
    return subscribedLand().map(l -> new Subscription(l.name(), l.slug()));
  }

  @Override
  public <T> Optional<T> readLand(Supplier<T> read) {
    return subscribedLand().map(land -> TenantContext.callAs(readerIn(land), read));
  }

  private Optional<TenantRow> subscribedLand() {
    if (!subscriptions.setting().subscribed()) {
      return Optional.empty();
    }
    return stateOfCurrent();
  }

  // --- the platform's side ---

  /**
   * Makes the district a member of the Land ({@code stateSlug} null: of none). Audited in the
   * district and, where there is one, in the Land before and after.
   */
  @Transactional
  public void assign(String districtSlug, String stateSlug) {
    TenantRow district =
        tenants.findBySlug(districtSlug).orElseThrow(de.lagebild.platform.NotFoundException::new);
    if (district.kind() == TenantKind.LAND) {
      throw new DomainException("platform.states.assign.landInLand");
    }
    TenantRow state = null;
    if (stateSlug != null && !stateSlug.isBlank()) {
      state =
          tenants
              .findBySlug(stateSlug)
              .filter(t -> t.kind() == TenantKind.LAND)
              .orElseThrow(() -> new DomainException("platform.states.assign.noLand"));
    }
    Optional<TenantRow> previous = members.stateOf(district.id()).flatMap(tenants::findById);
    if (previous.map(TenantRow::id).equals(Optional.ofNullable(state).map(TenantRow::id))) {
      return;
    }
    members.assign(district.id(), state == null ? null : state.id(), clock.instant());
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("land", previous.map(TenantRow::name).orElse(null));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("land", state == null ? null : state.name());
    String summary =
        state == null
            ? district.name() + " gehört keinem Land mehr an"
            : district.name() + " gehört zum Land " + state.name();
    TenantContext.runAs(
        systemIn(district),
        () -> audit.record("UPDATE", "StateMember", district.id(), summary, before, after));
    for (TenantRow land : new TenantRow[] {previous.orElse(null), state}) {
      if (land != null) {
        TenantContext.runAs(
            systemIn(land),
            () -> audit.record("UPDATE", "StateMember", district.id(), summary, before, after));
      }
    }
  }

  /** The Lands a district can be assigned to, by name. */
  public List<TenantRow> lands() {
    return tenants.findAll().stream().filter(t -> t.kind() == TenantKind.LAND).toList();
  }

  /** The Land of each tenant that belongs to one, by tenant id. */
  public Map<UUID, UUID> stateIds(List<TenantRow> all) {
    Map<UUID, UUID> result = new LinkedHashMap<>();
    for (TenantRow t : all) {
      members.stateOf(t.id()).ifPresent(s -> result.put(t.id(), s));
    }
    return result;
  }

  private static TenantAccess systemIn(TenantRow t) {
    return new TenantAccess(
        t.tenantId(), t.slug(), t.name(), t.publicVisible(), Role.ADMIN, Set.of());
  }
}

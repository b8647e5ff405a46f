package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.internal.store.CatalogueRows.ChangeRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CatalogueTables;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferChangeRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing offers: new offers (coordinators publish directly or keep a draft; providers' offers wait
 * in review), changes (to a published offer a provider's change is a proposal), confirmation that
 * an offer is still current, status changes – each checked by the offer rules, in one transaction
 * with its audit entry.
 */
@Service
public class OfferEditing {

  private final LocationRepository locationRepository;
  private final OfferChangeRepository changeRepository;
  private final OfferRepository offerRepository;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;
  private final Catalogue catalogue;

  OfferEditing(
      LocationRepository locationRepository,
      OfferChangeRepository changeRepository,
      OfferRepository offerRepository,
      AuditLog audit,
      JsonMapper json,
      Clock clock,
      Catalogue catalogue) {
    this.locationRepository = locationRepository;
    this.changeRepository = changeRepository;
    this.offerRepository = offerRepository;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.catalogue = catalogue;
  }

  /**
   * Creates an offer of {@code organization}: published at once when a coordinator says so,
   * otherwise (providers) in review – or a draft when {@code draft}.
   */
  @Transactional
  UUID create(UUID organization, OfferContent content, boolean draft, boolean publish) {
    if (!catalogue.editableOrganizations().contains(organization)) {
      throw new NotFoundException();
    }
    OfferContent c = checked(organization, content);
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    boolean coordinator = Catalogue.isCoordinator();
    Status status =
        draft
            ? Status.DRAFT
            : coordinator && publish
                ? Status.PUBLISHED
                : coordinator ? Status.DRAFT : Status.IN_REVIEW;
    offerRepository.insertOffer(
        new OfferRow(
            id,
            organization,
            status,
            false,
            status == Status.PUBLISHED ? now : null,
            status == Status.PUBLISHED ? Catalogue.actor() : null,
            now,
            0,
            c),
        now);
    if (status == Status.IN_REVIEW) {
      submit(id, c, now);
    }
    audit.record(
        "CREATE",
        "Offer",
        id,
        "Angebot angelegt: " + c.name(),
        null,
        Map.of("status", status.name()));
    return id;
  }

  /** What happened to an edit. */
  enum Outcome {
    SAVED,
    SUBMITTED
  }

  /**
   * Saves an edit. A coordinator's edit is saved; a provider's edit of a published offer becomes a
   * proposal (the published offer unchanged); a provider's edit of an unpublished offer is saved
   * and sent to review again.
   */
  @Transactional
  Outcome update(UUID id, int version, OfferContent content, boolean draft) {
    OfferRow o = catalogue.editable(id);
    if (o.version() != version) {
      throw new ConcurrentEditException("Angebot");
    }
    OfferContent c = checked(o.organizationId(), content);
    Instant now = clock.instant();
    if (Catalogue.isCoordinator()) {
      if (!offerRepository.updateContent(id, version, c, now)) {
        throw new ConcurrentEditException("Angebot");
      }
      audit.record(
          "UPDATE",
          "Offer",
          id,
          "Angebot geändert: " + c.name(),
          null,
          Map.of("by", "coordinator"));
      return Outcome.SAVED;
    }
    if (o.status() == Status.PUBLISHED) {
      withdrawOpen(id, now);
      submit(id, c, now);
      audit.record("PROPOSE", "Offer", id, "Änderung vorgeschlagen: " + c.name(), null, Map.of());
      return Outcome.SUBMITTED;
    }
    if (!offerRepository.updateContent(id, version, c, now)) {
      throw new ConcurrentEditException("Angebot");
    }
    withdrawOpen(id, now);
    if (draft) {
      offerRepository.setStatus(id, Status.DRAFT, now);
      return Outcome.SAVED;
    }
    offerRepository.setStatus(id, Status.IN_REVIEW, now);
    submit(id, c, now);
    return Outcome.SUBMITTED;
  }

  private void submit(UUID offer, OfferContent c, Instant now) {
    changeRepository.insertChange(
        new ChangeRow(
            UUID.randomUUID(), offer, c, "SUBMITTED", null, Catalogue.actor(), now, null, null),
        json.writeValueAsString(c));
  }

  private void withdrawOpen(UUID offer, Instant now) {
    for (Record r : changeRepository.changesOf(offer)) {
      if ("SUBMITTED".equals(r.get(CatalogueTables.Change.STATE))) {
        changeRepository.decide(
            r.get(CatalogueTables.Change.ID),
            "WITHDRAWN",
            "durch neuere Fassung ersetzt",
            Catalogue.actor(),
            now);
      }
    }
  }

  /** The checked, cleaned content; errors are thrown with field and reason. */
  OfferContent checked(UUID organization, OfferContent content) {
    OfferContent c = OfferRules.clean(content);
    Set<UUID> locations =
        locationRepository.locations().stream()
            .filter(l -> l.organizationId().equals(organization))
            .map(LocationRow::id)
            .collect(Collectors.toSet());
    List<OfferRules.Problem> problems =
        OfferRules.check(c, catalogue.categoryMap().keySet(), locations);
    if (!problems.isEmpty()) {
      throw new InvalidOffer(problems);
    }
    return c;
  }

  /** An offer that breaks a rule: the problems with field and message. */
  static final class InvalidOffer extends DomainException {
    private final transient List<OfferRules.Problem> problems;

    InvalidOffer(List<OfferRules.Problem> problems) {
      super("catalogue.invalid", problems.size());
      this.problems = List.copyOf(problems);
    }

    List<OfferRules.Problem> problems() {
      return problems;
    }
  }

  /**
   * The provider or coordinator confirms the offer is still current (no review needed: nothing
   * changes).
   */
  @Transactional
  void confirmCurrent(UUID id) {
    catalogue.editable(id);
    offerRepository.setVerified(id, clock.instant(), Catalogue.actor());
    audit.record("VERIFY", "Offer", id, "Angaben bestätigt", null, Map.of());
  }

  @Transactional
  public void setStatus(UUID id, String statusName) {
    if (!Catalogue.isCoordinator()) {
      throw new NotFoundException();
    }
    OfferRow o = offerRepository.offer(id).orElseThrow(NotFoundException::new);
    Status status;
    try {
      status = Status.valueOf(statusName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DomainException("catalogue.rule.choice", statusName);
    }
    offerRepository.setStatus(id, status, clock.instant());
    if (status == Status.PUBLISHED && o.verifiedAt() == null) {
      offerRepository.setVerified(id, clock.instant(), Catalogue.actor());
    }
    audit.record(
        "STATUS",
        "Offer",
        id,
        "Status: " + status,
        Map.of("status", o.status().name()),
        Map.of("status", status.name()));
  }
}

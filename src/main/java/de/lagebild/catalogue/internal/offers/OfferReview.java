package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.internal.store.CatalogueRows.ChangeRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CatalogueTables;
import de.lagebild.catalogue.internal.store.OfferChangeRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The coordinator's review of new offers and proposed changes: the queue, accepting, returning. */
@Service
public class OfferReview {

  private final OfferChangeRepository changeRepository;
  private final OfferRepository offerRepository;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;
  private final Catalogue catalogue;
  private final OfferEditing editing;

  OfferReview(
      OfferChangeRepository changeRepository,
      OfferRepository offerRepository,
      AuditLog audit,
      JsonMapper json,
      Clock clock,
      Catalogue catalogue,
      OfferEditing editing) {
    this.changeRepository = changeRepository;
    this.offerRepository = offerRepository;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.catalogue = catalogue;
    this.editing = editing;
  }

  public record ReviewItem(ChangeRow change, OfferView offer, boolean isNew) {}

  public List<ReviewItem> reviewQueue() {
    List<ReviewItem> items = new ArrayList<>();
    for (Record r : changeRepository.changes("SUBMITTED")) {
      ChangeRow c = change(r);
      offerRepository
          .offer(c.offerId())
          .ifPresent(
              o -> items.add(new ReviewItem(c, catalogue.view(o), o.status() != Status.PUBLISHED)));
    }
    return items;
  }

  List<ChangeRow> changesOf(UUID offer) {
    return changeRepository.changesOf(offer).stream().map(this::change).toList();
  }

  ChangeRow change(Record r) {
    return new ChangeRow(
        r.get(CatalogueTables.Change.ID),
        r.get(CatalogueTables.Change.OFFER_ID),
        json.readValue(r.get(CatalogueTables.Change.PROPOSED), OfferContent.class),
        r.get(CatalogueTables.Change.STATE),
        r.get(CatalogueTables.Change.COMMENT),
        r.get(CatalogueTables.Change.SUBMITTED_BY),
        r.get(CatalogueTables.Change.SUBMITTED_AT),
        r.get(CatalogueTables.Change.DECIDED_BY),
        r.get(CatalogueTables.Change.DECIDED_AT));
  }

  /** Accepts a proposal: its content becomes the published offer (checked again), verified now. */
  @Transactional
  public void accept(UUID changeId) {
    ChangeRow c = submittedChange(changeId);
    OfferRow o = offerRepository.offer(c.offerId()).orElseThrow(NotFoundException::new);
    OfferContent content = editing.checked(o.organizationId(), c.proposed());
    Instant now = clock.instant();
    if (!changeRepository.decide(changeId, "ACCEPTED", null, Catalogue.actor(), now)) {
      throw new ConcurrentEditException("Änderungsvorschlag");
    }
    if (!offerRepository.updateContent(o.id(), o.version(), content, now)) {
      throw new ConcurrentEditException("Angebot");
    }
    offerRepository.setStatus(o.id(), Status.PUBLISHED, now);
    offerRepository.setVerified(
        o.id(), now, c.submittedBy() == null ? Catalogue.actor() : c.submittedBy());
    audit.record(
        "ACCEPT", "Offer", o.id(), "Änderung übernommen: " + content.name(), null, Map.of());
  }

  /**
   * Returns a proposal with a comment (required); a new offer goes back to draft, a published one
   * stays.
   */
  @Transactional
  public void returnChange(UUID changeId, String comment) {
    if (comment == null || comment.isBlank()) {
      throw new DomainException("catalogue.review.commentMissing");
    }
    ChangeRow c = submittedChange(changeId);
    OfferRow o = offerRepository.offer(c.offerId()).orElseThrow(NotFoundException::new);
    Instant now = clock.instant();
    if (!changeRepository.decide(changeId, "RETURNED", comment.strip(), Catalogue.actor(), now)) {
      throw new ConcurrentEditException("Änderungsvorschlag");
    }
    if (o.status() == Status.IN_REVIEW) {
      offerRepository.setStatus(o.id(), Status.DRAFT, now);
    }
    audit.record(
        "RETURN", "Offer", o.id(), "Änderung zurückgegeben: " + comment.strip(), null, Map.of());
  }

  private ChangeRow submittedChange(UUID id) {
    if (!Catalogue.isCoordinator()) {
      throw new NotFoundException();
    }
    ChangeRow c =
        changeRepository.changes(null).stream()
            .map(this::change)
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    if (!"SUBMITTED".equals(c.state())) {
      throw new DomainException("catalogue.review.decided");
    }
    return c;
  }
}

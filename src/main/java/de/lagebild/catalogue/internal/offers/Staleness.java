package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.ReminderRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Offers not confirmed for too long ({@code lagebild.catalogue.stale-after-days}, default 365). */
@Service
public class Staleness {

  private final OfferRepository offerRepository;
  private final ReminderRepository reminderRepository;
  private final Clock clock;
  private final Catalogue catalogue;
  private final Duration staleAfter;

  Staleness(
      OfferRepository offerRepository,
      ReminderRepository reminderRepository,
      Clock clock,
      Catalogue catalogue,
      de.lagebild.catalogue.CatalogueProperties settings) {
    this.offerRepository = offerRepository;
    this.reminderRepository = reminderRepository;
    this.clock = clock;
    this.catalogue = catalogue;
    this.staleAfter = Duration.ofDays(settings.staleAfterDays());
  }

  public record Stale(OfferView offer, long daysSince, Instant lastReminder) {}

  public Duration staleAfter() {
    return staleAfter;
  }

  /** Published offers not verified within {@link #staleAfter()}, oldest first. */
  public List<Stale> stale() {
    Instant limit = clock.instant().minus(staleAfter);
    Map<UUID, Instant> reminders = reminderRepository.lastReminders();
    List<OfferRow> offers =
        offerRepository.offers(Status.PUBLISHED).stream()
            .filter(o -> o.verifiedAt() == null || o.verifiedAt().isBefore(limit))
            .sorted(
                Comparator.comparing(o -> o.verifiedAt() == null ? Instant.EPOCH : o.verifiedAt()))
            .toList();
    return catalogue.views(offers).stream()
        .map(
            v ->
                new Stale(
                    v,
                    v.offer().verifiedAt() == null
                        ? -1
                        : Duration.between(v.offer().verifiedAt(), clock.instant()).toDays(),
                    reminders.get(v.offer().organizationId())))
        .toList();
  }
}

package de.lagebild.catalogue.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Rows of the catalogue and the editable content of an offer. */
public final class CatalogueRows {

  private CatalogueRows() {}

  public enum Status {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
  }

  public enum Cost {
    FREE,
    FEE,
    ON_REQUEST
  }

  /** Target groups (codes stored; labels in the message bundle under {@code catalogue.group.*}). */
  public static final List<String> TARGET_GROUPS =
      List.of(
          "ALLE",
          "KINDER",
          "JUGENDLICHE",
          "FAMILIEN",
          "ALLEINERZIEHENDE",
          "SCHWANGERE",
          "SENIOREN",
          "PFLEGENDE",
          "BEHINDERUNG",
          "MIGRATION",
          "GEFLUECHTETE",
          "ARBEITSUCHENDE",
          "FRAUEN",
          "MAENNER",
          "WOHNUNGSLOSE");

  /** Life situations, the same list as the strategy's. */
  public static final List<String> LIFE_SITUATIONS =
      List.of("FAMILIE", "BILDUNG", "WOHNEN", "GESUNDHEIT", "ARBEIT", "TEILHABE", "MIGRATION");

  /**
   * Languages (ISO 639-1, "gsg" for German Sign Language); labels under {@code
   * catalogue.language.*}.
   */
  public static final List<String> LANGUAGES =
      List.of(
          "de", "en", "ar", "uk", "ru", "tr", "fa", "ps", "ku", "ti", "pl", "ro", "bg", "fr", "es",
          "vi", "sq", "gsg");

  public record OrganizationRow(
      UUID id,
      String name,
      String description,
      String email,
      String phone,
      String website,
      int version) {}

  public record LocationRow(
      UUID id,
      UUID organizationId,
      String name,
      String street,
      String postalCode,
      String city,
      BigDecimal latitude,
      BigDecimal longitude,
      String accessibility,
      UUID areaId,
      int version) {
    public String address() {
      StringBuilder s = new StringBuilder();
      if (street != null) {
        s.append(street);
      }
      if (postalCode != null || city != null) {
        if (!s.isEmpty()) {
          s.append(", ");
        }
        s.append(postalCode == null ? "" : postalCode + " ").append(city == null ? "" : city);
      }
      return s.toString().strip();
    }

    public boolean hasCoordinates() {
      return latitude != null && longitude != null;
    }
  }

  public record CategoryRow(UUID id, UUID parentId, String name, int position) {}

  public record ScheduleRow(int weekday, String opens, String closes, String note) {}

  public record ContactRow(String name, String role, String email, String phone) {}

  /**
   * What a provider or coordinator edits; a provider's proposal is stored as this, as JSON.
   *
   * @param places the places (capacity) the offer states – Kita places, beds, group size; null when
   *     it states none
   */
  public record OfferContent(
      String name,
      String description,
      String cost,
      String costNote,
      Integer ageFrom,
      Integer ageTo,
      List<String> languages,
      List<String> targetGroups,
      List<String> lifeSituations,
      String url,
      String email,
      String phone,
      String applicationProcess,
      List<UUID> categories,
      List<UUID> locations,
      List<ScheduleRow> schedules,
      List<ContactRow> contacts,
      Integer places) {

    /** Without stated places. */
    public OfferContent(
        String name,
        String description,
        String cost,
        String costNote,
        Integer ageFrom,
        Integer ageTo,
        List<String> languages,
        List<String> targetGroups,
        List<String> lifeSituations,
        String url,
        String email,
        String phone,
        String applicationProcess,
        List<UUID> categories,
        List<UUID> locations,
        List<ScheduleRow> schedules,
        List<ContactRow> contacts) {
      this(
          name,
          description,
          cost,
          costNote,
          ageFrom,
          ageTo,
          languages,
          targetGroups,
          lifeSituations,
          url,
          email,
          phone,
          applicationProcess,
          categories,
          locations,
          schedules,
          contacts,
          null);
    }
  }

  public record OfferRow(
      UUID id,
      UUID organizationId,
      Status status,
      boolean demo,
      Instant verifiedAt,
      String verifiedBy,
      Instant updatedAt,
      int version,
      OfferContent content) {}

  /** An offer with what its pages show: organisation, locations, categories. */
  public record OfferView(
      OfferRow offer,
      OrganizationRow organization,
      List<LocationRow> locations,
      List<CategoryRow> categories) {
    public UUID id() {
      return offer.id();
    }

    public OfferContent content() {
      return offer.content();
    }
  }

  public record ChangeRow(
      UUID id,
      UUID offerId,
      OfferContent proposed,
      String state,
      String comment,
      String submittedBy,
      Instant submittedAt,
      String decidedBy,
      Instant decidedAt) {}
}

package de.lagebild.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The districts of a Land tenant and what each shares with it. A module that shows the Land a
 * district's data reads it through {@link #readShared}, which runs the read in the district's
 * tenant scope without any role – only when the district is a member of the current Land and shares
 * the item at that moment.
 */
public interface StateDistricts {

  /** A member district and the items it shares now. */
  record District(
      UUID tenantId, String slug, String name, String officialKey, Set<SharedItem> shared) {

    public District {
      shared = Set.copyOf(shared);
    }

    public boolean shares(SharedItem item) {
      return shared.contains(item);
    }
  }

  /** Whether the current tenant is a Land. */
  boolean currentIsState();

  /** The member districts of the current tenant (a Land), by name; empty for any other tenant. */
  List<District> districts();

  /**
   * Runs {@code read} in the scope of the district with the given slug, as a reader without a role,
   * when that district is a member of the current Land and shares {@code item}; otherwise empty.
   */
  <T> Optional<T> readShared(String districtSlug, SharedItem item, Supplier<T> read);

  /**
   * Reads of one district, its membership and settings checked once when the reader is made (for
   * the several items of one request); empty when the district is not a member of the current Land.
   */
  Optional<SharedReader> reader(String districtSlug);

  /** Reads of one district's shared items, in its scope, without any role. */
  interface SharedReader {
    /** Runs {@code read} when the district shares {@code item}; otherwise empty. */
    <T> Optional<T> read(SharedItem item, Supplier<T> read);
  }
}

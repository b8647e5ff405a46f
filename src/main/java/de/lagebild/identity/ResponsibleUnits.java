package de.lagebild.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The responsible units of the current tenant, for other modules (e.g. measures name their units).
 */
public interface ResponsibleUnits {

  List<ResponsibleUnit> list();

  Optional<ResponsibleUnit> find(UUID id);

  /**
   * Finds a unit by its exact name or creates it (audited); used by importers and the demo loader.
   */
  ResponsibleUnit findOrCreate(String name);
}

package de.lagebild.identity.internal.units;

import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.identity.internal.store.Snapshot;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UnitAdministration implements ResponsibleUnits {

  private final UnitRepository units;
  private final AuditLog audit;
  private final Clock clock;

  UnitAdministration(UnitRepository units, AuditLog audit, Clock clock) {
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<ResponsibleUnit> list() {
    return units.findAll();
  }

  @Override
  public Optional<ResponsibleUnit> find(UUID id) {
    return units.findById(id);
  }

  @Override
  @Transactional
  public ResponsibleUnit findOrCreate(String name) {
    String clean = name.strip();
    return units.findByName(clean).orElseGet(() -> create(clean, null, null));
  }

  @Transactional
  public ResponsibleUnit create(String name, String shortName, String description) {
    if (units.nameTaken(name, null)) {
      throw new DomainException("unit.nameTaken", name);
    }
    ResponsibleUnit unit =
        new ResponsibleUnit(UUID.randomUUID(), name, shortName, description, true, 0);
    units.insert(unit, clock.instant());
    audit.record(
        "CREATE",
        "ResponsibleUnit",
        unit.id(),
        "Organisationseinheit angelegt: " + name,
        null,
        snapshot(unit));
    return unit;
  }

  @Transactional
  void update(ResponsibleUnit changed) {
    ResponsibleUnit before = units.findById(changed.id()).orElseThrow(NotFoundException::new);
    if (units.nameTaken(changed.name(), changed.id())) {
      throw new DomainException("unit.nameTaken", changed.name());
    }
    units.update(changed);
    audit.record(
        "UPDATE",
        "ResponsibleUnit",
        changed.id(),
        "Organisationseinheit geändert: " + changed.name(),
        snapshot(before),
        snapshot(changed));
  }

  private static Map<String, Object> snapshot(ResponsibleUnit u) {
    return Snapshot.of("name", u.name())
        .and("shortName", u.shortName())
        .and("description", u.description())
        .and("active", u.active())
        .map();
  }
}

package de.lagebild.strategy.internal.report;

import de.lagebild.platform.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves a report imprint (a strategy's or the tenant's default) with its audit entry. */
@Service
class ImprintAdministration {

  private final ImprintRepository imprints;
  private final AuditLog audit;

  ImprintAdministration(ImprintRepository imprints, AuditLog audit) {
    this.imprints = imprints;
    this.audit = audit;
  }

  @Transactional
  void save(ImprintRepository.ImprintRow row, String strategyTitle) {
    ImprintRepository.ImprintRow before = imprints.find(row.strategyId()).orElse(null);
    imprints.save(row);
    audit.record(
        before == null ? "CREATE" : "UPDATE",
        "Imprint",
        row.strategyId(),
        row.strategyId() == null
            ? "Impressum des Mandanten gespeichert"
            : "Impressum gespeichert: " + strategyTitle,
        before == null ? null : fields(before),
        fields(row));
  }

  private static Map<String, String> fields(ImprintRepository.ImprintRow r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("publisher", nz(r.publisher()));
    m.put("editors", nz(r.editors()));
    m.put("contact", nz(r.contact()));
    m.put("editorialDeadline", nz(r.editorialDeadline()));
    m.put("fundingNote", nz(r.fundingNote()));
    m.put("introduction", nz(r.introduction()));
    return m;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

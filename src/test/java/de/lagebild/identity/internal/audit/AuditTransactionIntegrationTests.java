package de.lagebild.identity.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.identity.internal.tenants.TenantRepository;
import de.lagebild.identity.internal.tenants.TenantRow;
import de.lagebild.identity.internal.units.UnitAdministration;
import de.lagebild.identity.internal.units.UnitRepository;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** A change and its audit entry are committed together or not at all. */
@IntegrationTest
class AuditTransactionIntegrationTests extends DatabaseProperties {

  @Autowired UnitAdministration units;
  @Autowired UnitRepository unitRepository;
  @Autowired AuditLog audit;
  @Autowired TenantRepository tenants;
  @Autowired TransactionTemplate tx;

  @Test
  void aFailedChangeLeavesNeitherTheChangeNorItsAuditEntry() {
    TenantRow nordhausen = tenants.findBySlug("nordhausen").orElseThrow();
    TenantAccess access =
        new TenantAccess(
            nordhausen.tenantId(), "nordhausen", nordhausen.name(), true, Role.ADMIN, Set.of());
    TenantContext.runAs(
        access,
        () -> {
          int auditBefore = audit.count();
          assertThatThrownBy(
                  () ->
                      tx.executeWithoutResult(
                          s -> {
                            units.create("Kurzlebige Einheit", null, null);
                            assertThat(audit.count()).isEqualTo(auditBefore + 1);
                            throw new IllegalStateException("Abbruch nach dem Schreiben");
                          }))
              .hasMessage("Abbruch nach dem Schreiben");
          assertThat(unitRepository.findByName("Kurzlebige Einheit")).isEmpty();
          assertThat(audit.count()).isEqualTo(auditBefore);

          units.create("Bleibende Einheit", "BE", null);
          assertThat(unitRepository.findByName("Bleibende Einheit")).isPresent();
          assertThat(audit.recent(null, 0, 1).get(0).summary())
              .isEqualTo("Organisationseinheit angelegt: Bleibende Einheit");
        });
  }

  @Test
  void theAuditLogRefusesToWriteOutsideATransaction() {
    TenantRow nordhausen = tenants.findBySlug("nordhausen").orElseThrow();
    TenantAccess access =
        new TenantAccess(
            nordhausen.tenantId(), "nordhausen", nordhausen.name(), true, Role.ADMIN, Set.of());
    TenantContext.runAs(
        access,
        () ->
            assertThatThrownBy(
                    () -> audit.record("UPDATE", "X", null, "ohne Transaktion", null, null))
                .isInstanceOf(IllegalTransactionStateException.class));
  }

  @Test
  void tenantScopedCodeOutsideATenantFailsLoudly() {
    TenantContext.clear();
    assertThatThrownBy(() -> unitRepository.findAll())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No tenant in scope");
  }
}

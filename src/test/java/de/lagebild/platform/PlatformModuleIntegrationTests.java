package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The platform module alone: tenant-scoped SQL and the audit log work without any other module. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@TestPropertySource(properties = {"logging.file.name=target/test-logs/module.log"})
class PlatformModuleIntegrationTests extends DatabaseProperties {

  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;
  @Autowired DSLContext dsl;

  @Test
  void theAuditLogWritesIntoTheCurrentTenantOnly() {
    UUID tenant = UUID.randomUUID();
    dsl.execute(
        "insert into tenant (id, slug, name, kind, public_visible, version, created_at) "
            + "values (?, ?, 'Modultest', 'LANDKREIS', false, 0, current_timestamp)",
        tenant.toString(),
        "modul-" + tenant.toString().substring(0, 8));
    TenantAccess access =
        new TenantAccess(
            new TenantId(tenant), "modul", "Modultest", false, Role.ADMIN, java.util.Set.of());
    TenantContext.runAs(
        access,
        () ->
            tx.executeWithoutResult(
                s -> audit.record("TEST", "Test", null, "Modultest", null, Map.of())));
    assertThat(TenantContext.callAs(access, audit::count)).isEqualTo(1);
  }
}

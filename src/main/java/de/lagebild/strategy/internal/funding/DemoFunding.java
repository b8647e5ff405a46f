package de.lagebild.strategy.internal.funding;

import de.lagebild.identity.DemoTenantWork;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The funding of Saalfeld-Rudolstadt's planning coordinator as seed 001 (its concept for the
 * Landesrichtlinie Armutsprävention) plans it: 77,000 € a year, of which 51,500 € from the
 * programme and 25,500 € from the Kreis, for the project period 2016 to 2018.
 */
@Component
@Order(55)
class DemoFunding implements ApplicationRunner {

  private final Funding funding;
  private final DemoTenantWork demo;

  DemoFunding(Funding funding, DemoTenantWork demo) {
    this.funding = funding;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    demo.inTenant("saalfeld-rudolstadt", () -> !funding.grants().isEmpty(), this::load);
  }

  void load() {
    for (int year = 2016; year <= 2018; year++) {
      LocalDate from = LocalDate.of(year, 1, 1);
      LocalDate to = LocalDate.of(year, 12, 31);
      funding.add(
          "Landesrichtlinie Armutsprävention (ESF und Land)",
          new BigDecimal("51500"),
          from,
          to,
          "Zuschuss für die Planungskoordination (Seed 001, Kosten- und Finanzierungsplan)");
      funding.add(
          "Eigenmittel des Landkreises",
          new BigDecimal("25500"),
          from,
          to,
          "Eigenanteil an der Stelle der Planungskoordination (Seed 001)");
    }
  }
}

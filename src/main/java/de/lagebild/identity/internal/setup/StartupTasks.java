package de.lagebild.identity.internal.setup;

import de.lagebild.identity.internal.demo.DemoTenants;
import de.lagebild.platform.LagebildProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: demo data in demo mode, otherwise make sure there is a way to the first
 * administrator.
 */
@Component
@Order(10)
class StartupTasks implements ApplicationRunner {

  private final LagebildProperties properties;
  private final DemoTenants demo;
  private final FirstAdministrator firstAdministrator;

  StartupTasks(
      LagebildProperties properties, DemoTenants demo, FirstAdministrator firstAdministrator) {
    this.properties = properties;
    this.demo = demo;
    this.firstAdministrator = firstAdministrator;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.demo()) {
      demo.load();
    } else {
      firstAdministrator.ensure();
    }
  }
}

package de.lagebild.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The web module on its dependencies (all others): the start page and the German error page. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@AutoConfigureMockMvc
@TestPropertySource(
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/module.log"})
class WebModuleIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;

  @Test
  void theStartPageAndTheErrorPageAnswerInGerman() throws Exception {
    mvc.perform(get("/nordhausen"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Landkreis Nordhausen")));
    mvc.perform(get("/nordhausen/gibt-es-nicht")).andExpect(status().isNotFound());
  }
}

package de.lagebild.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** A full application on the database of this test run (see {@link TestDatabase}), with MockMvc. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/lagebild.log",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=3925"
    })
@AutoConfigureMockMvc
public @interface IntegrationTest {}

package de.lagebild.web.internal;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link GermanErrorReportValve} in place of Tomcat's English error report. */
@Configuration(proxyBeanMethods = false)
class ErrorReportConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> germanErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                // the host adds a valve of this class only if none is there: this instance is used
                host.setErrorReportValveClass(GermanErrorReportValve.class.getName());
                host.getPipeline().addValve(new GermanErrorReportValve());
              }
            });
  }
}

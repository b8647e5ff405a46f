package de.lagebild.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Realistic journeys against the demo data (bench/load.sh; not part of the suite):
 *
 * <ul>
 *   <li>citizens search offers (the page with a common term, which visitors share; the page with a
 *       query nobody asked before; the same search through the API – the bare search) and read
 *       the public atlas with its map data;
 *   <li>coordinators, logged in, open the strategy overview and dashboard;
 *   <li>contributors, logged in, open their measures and save an assessment.
 * </ul>
 *
 * Settings (system properties): {@code lagebild.base} (the proxy), {@code lagebild.citizens},
 * {@code lagebild.coordinators}, {@code lagebild.contributors}, {@code lagebild.seconds}.
 */
public class LagebildLoadSimulation extends Simulation {

  private static final String BASE = System.getProperty("lagebild.base", "http://127.0.0.1:8090");
  private static final int CITIZENS = Integer.getInteger("lagebild.citizens", 60);
  private static final int COORDINATORS = Integer.getInteger("lagebild.coordinators", 20);
  private static final int CONTRIBUTORS = Integer.getInteger("lagebild.contributors", 20);
  private static final Duration TIME = Duration.ofSeconds(Long.getLong("lagebild.seconds", 600));
  private static final Duration RAMP = Duration.ofSeconds(20);

  private static final List<String> TERMS =
      List.of(
          "Beratung",
          "Kinder",
          "Familie",
          "Senioren",
          "Sucht",
          "Schuldner",
          "Jugend",
          "Pflege",
          "Sprache",
          "Erziehung",
          "Wohnen",
          "Arbeit");

  private final Iterator<Map<String, Object>> terms =
      Stream.generate(
              () ->
                  Map.<String, Object>of(
                      "term",
                      TERMS.get(ThreadLocalRandom.current().nextInt(TERMS.size())),
                      "nonce",
                      UUID.randomUUID().toString().substring(0, 8)))
          .iterator();

  // a browser asks again with If-None-Match and gets 304 for an unchanged page (also counted as OK)
  private final HttpProtocolBuilder protocol =
      http.baseUrl(BASE)
          .acceptHeader("text/html,application/json;q=0.9,*/*;q=0.8")
          .acceptLanguageHeader("de-DE,de;q=0.9")
          .acceptEncodingHeader("gzip, deflate")
          .userAgentHeader("Lagebild load test (Gatling)");

  private static ChainBuilder login(String user) {
    return exec(http("Anmeldung (Formular)")
            .get("/login")
            .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
        .exec(
            http("Anmeldung")
                .post("/login")
                .formParam("username", user)
                .formParam("password", "demo")
                .formParam("_csrf", "#{csrf}")
                .check(status().in(200, 304)));
  }

  private final ScenarioBuilder citizens =
      scenario("Bürgerinnen und Bürger")
          .during(TIME)
          .on(
              feed(terms)
                  .exec(
                      http("Angebotssuche – Seite, häufiger Begriff")
                          .get("/nordhausen/angebote")
                          .queryParam("q", "#{term}")
                          .check(status().in(200, 304)))
                  .exec(
                      http("Angebotssuche – Seite, neue Anfrage")
                          .get("/nordhausen/angebote")
                          .queryParam("q", "#{term}")
                          .queryParam("v", "#{nonce}")
                          .check(status().in(200, 304)))
                  .exec(
                      http("Angebotssuche – API (bloße Suche)")
                          .get("/api/v1/nordhausen/services")
                          .queryParam("search", "#{term}")
                          .check(status().in(200, 304)))
                  .exec(
                      http("Sozialatlas öffentlich")
                          .get("/nordhausen/oeffentlich/atlas")
                          .check(
                              status().in(200, 304),
                              regex("karten-daten\\?indicator=([0-9a-f-]{36})").saveAs("indicator")))
                  .exec(
                      http("Kartendaten")
                          .get("/nordhausen/oeffentlich/atlas/karten-daten")
                          .queryParam("indicator", "#{indicator}")
                          .queryParam("period", "2020")
                          .queryParam("level", "kreis")
                          .check(status().in(200, 304)))
                  .pause(Duration.ofMillis(100), Duration.ofMillis(500)));

  private final ScenarioBuilder coordinators =
      scenario("Koordination")
          .exec(login("koordination"))
          .exec(
              http("Strategien")
                  .get("/nordhausen/strategien")
                  .check(
                      status().is(200),
                      regex("/nordhausen/strategien/([0-9a-f-]{36})").saveAs("strategy")))
          .during(TIME)
          .on(
              exec(http("Strategie – Übersicht")
                      .get("/nordhausen/strategien/#{strategy}")
                      .check(status().in(200, 304)))
                  .exec(
                      http("Strategie – Dashboard")
                          .get("/nordhausen/strategien/#{strategy}/dashboard")
                          .check(status().in(200, 304)))
                  .pause(Duration.ofMillis(200), Duration.ofMillis(800)));

  private final ScenarioBuilder contributors =
      scenario("Fachdienste")
          .exec(login("fachdienst"))
          .during(TIME)
          .on(
              exec(http("Meine Maßnahmen")
                      .get("/nordhausen/meine-massnahmen")
                      .check(
                          status().is(200),
                          regex("(/nordhausen/runden/[0-9a-f-]{36}/massnahmen/[0-9a-f-]{36})")
                              .findRandom()
                              .saveAs("form")))
                  .exec(
                      http("Einschätzung – Formular")
                          .get("#{form}")
                          .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                  .exec(
                      session ->
                          session.set(
                              "progress", ThreadLocalRandom.current().nextInt(0, 101)))
                  .exec(
                      http("Einschätzung – Speichern")
                          .post("#{form}")
                          .formParam("_csrf", "#{csrf}")
                          .formParam("statusCode", "IN_PROGRESS")
                          .formParam("progress", "#{progress}")
                          .formParam("narrative", "Lasttest: Stand #{progress} %")
                          // saved: redirected to the list with the message
                          .check(status().is(200), regex("Einschätzung wurde gespeichert")))
                  .pause(Duration.ofMillis(500), Duration.ofMillis(1500)));

  {
    setUp(
            citizens.injectOpen(rampUsers(CITIZENS).during(RAMP)),
            coordinators.injectOpen(rampUsers(COORDINATORS).during(RAMP)),
            contributors.injectOpen(rampUsers(CONTRIBUTORS).during(RAMP)))
        .protocols(protocol)
        .assertions(
            global().failedRequests().count().is(0L),
            global().responseTime().percentile(95.0).lt(500));
  }
}

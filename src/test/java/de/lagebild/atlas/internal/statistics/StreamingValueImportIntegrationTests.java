package de.lagebild.atlas.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Large long tables as a stream: batches, revisions through the history, one transaction. */
@IntegrationTest
class StreamingValueImportIntegrationTests extends DatabaseProperties {

  static final String[] KEYS = {
    "16051", "16052", "16053", "16054", "16055", "16061", "16062", "16063", "16064", "16065",
    "16066", "16067", "16068", "16069", "16070", "16071", "16072", "16073", "16074", "16075",
    "16076", "16077"
  };

  @Autowired StreamingValueImport streaming;
  @Autowired TenantDirectory tenants;
  @Autowired DSLContext dsl;

  IndicatorImport.Summary commit(TenantAccess access, Path file, String name) {
    return TenantContext.callAs(
        access,
        () -> {
          try {
            return streaming.commit(file, name);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void thousandsOfRowsInBatchesWithARevisionAndAllOrNothing() throws Exception {
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    String code = "strom-" + System.nanoTime();
    StringBuilder csv = new StringBuilder("Schlüssel;Indikator;Zeitraum;Wert\n");
    int rows = 0;
    for (int year = 1900; year < 2020; year++) {
      for (String key : KEYS) {
        csv.append(key)
            .append(';')
            .append(code)
            .append(';')
            .append(year)
            .append(';')
            .append(year % 7)
            .append(',')
            .append(year % 10)
            .append('\n');
        rows++;
      }
    }
    // the same value once more, revised: goes to the history
    csv.append("16062;").append(code).append(";2019;99,5\n");
    Path file = Files.createTempFile("long", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    IndicatorImport.Summary s = commit(access, file, "long.csv");
    assertThat(s.values()).isEqualTo(rows + 1);
    assertThat(s.created()).isEqualTo(rows);
    assertThat(s.changed()).isEqualTo(1);
    assertThat(s.indicatorsCreated()).isEqualTo(1);
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "indicator_value v join indicator i on i.id = v.indicator_id where "
                        + "i.code = '"
                        + code
                        + "'")))
        .isEqualTo(rows);
    assertThat(
            dsl.fetchValue(
                    "select v.value from indicator_value v join indicator i on i.id = v.indicator_id "
                        + "join area a on a.id = v.area_id where i.code = ? and a.official_key = '16062' and v.period = '2019'",
                    code)
                .toString())
        .startsWith("99.5");
    // Eisenach (16056) is not in the file; an error anywhere writes nothing
    String bad =
        "Schlüssel;Indikator;Zeitraum;Wert\n16062;"
            + code
            + "-x;2020;1\n16062;"
            + code
            + "-x;2020;eins\n";
    Files.writeString(file, bad, StandardCharsets.UTF_8);
    int before = dsl.fetchCount(dsl.selectFrom("indicator"));
    assertThatThrownBy(() -> commit(access, file, "bad.csv"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("atlas.importHasErrors");
    assertThat(dsl.fetchCount(dsl.selectFrom("indicator"))).isEqualTo(before);
    Files.deleteIfExists(file);
  }
}

package de.lagebild.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The German texts live in one bundle per module ({@code src/main/resources/messages/}); a key's
 * first part says its module. Every key the code or a template names literally exists, once.
 */
class MessageBundlesTests {

  static final Path BUNDLES = Path.of("src/main/resources/messages");

  /** The first part of a key, and the bundle it belongs in. */
  static final Map<String, String> HOMES = new HashMap<>();

  static {
    for (String p :
        "app nav footer error form validation common home module job progress typeMismatch lifeSituation"
            .split(" ")) {
      HOMES.put(p, "common");
    }
    for (String p :
        "audit users tenant token login settings user units unit imprint profile platform admin setup role tenantKind sharing"
            .split(" ")) {
      HOMES.put(p, "identity");
    }
    for (String p :
        "strategy measure goal round import review structure statusCatalogue report assessment milestone dashboard mine prevention export status chain funding"
            .split(" ")) {
      HOMES.put(p, "strategy");
    }
    HOMES.put("atlas", "atlas");
    HOMES.put("state", "state");
    HOMES.put("catalogue", "catalogue");
    for (String p : "need gap event survey".split(" ")) {
      HOMES.put(p, "planning");
    }
  }

  static final Map<String, String> KEYS = new HashMap<>();
  static final List<String> TWICE = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    try (Stream<Path> files = Files.list(BUNDLES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
        String bundle = f.getFileName().toString().replace(".properties", "");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          p.load(r);
        }
        // a key written twice in one file: Properties keeps the last, the first text is lost
        Set<String> seen = new java.util.HashSet<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          var m = java.util.regex.Pattern.compile("^([a-zA-Z][\\w.]*)\\s*=").matcher(line);
          if (m.find() && !seen.add(m.group(1))) {
            TWICE.add(m.group(1) + " (twice in " + bundle + ")");
          }
        }
        for (String key : p.stringPropertyNames()) {
          if (KEYS.put(key, bundle) != null) {
            TWICE.add(key);
          }
        }
      }
    }
  }

  @Test
  void everyKeyLivesInTheBundleOfItsModule() {
    assertThat(KEYS).hasSizeGreaterThan(1000);
    List<String> misplaced =
        KEYS.entrySet().stream()
            .filter(e -> !e.getValue().equals(HOMES.get(e.getKey().split("\\.")[0])))
            .map(e -> e.getKey() + " in " + e.getValue())
            .sorted()
            .toList();
    assertThat(misplaced).as("keys outside the bundle of their module").isEmpty();
    assertThat(TWICE).as("keys defined twice").isEmpty();
  }

  @Test
  void everyKeyNamedInTemplatesExists() throws IOException {
    Set<String> missing =
        missing(Path.of("src/main/resources/templates"), ".html", "#\\{([a-zA-Z][\\w.]*)");
    assertThat(missing).as("message keys in templates without a text").isEmpty();
  }

  @Test
  void everyKeyNamedInTheCodeExists() throws IOException {
    // a string literal that starts like a key ("atlas.", "measure." …) and does not end in a dot
    Set<String> missing =
        missing(Path.of("src/main/java"), ".java", "\"([a-zA-Z]+\\.[\\w.]*\\w)\"").stream()
            .filter(k -> HOMES.containsKey(k.split("\\.")[0]))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(missing).as("message keys in the code without a text").isEmpty();
  }

  private static Set<String> missing(Path root, String suffix, String regex) throws IOException {
    Pattern pattern = Pattern.compile(regex);
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        Matcher m = pattern.matcher(Files.readString(f));
        while (m.find()) {
          if (!KEYS.containsKey(m.group(1))) {
            missing.add(m.group(1) + " (" + f.getFileName() + ")");
          }
        }
      }
    }
    return missing;
  }
}

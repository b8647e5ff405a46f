package de.lagebild.platform;

import java.util.Arrays;
import java.util.List;

/**
 * Lebenslagen (PRODUCT.md glossary): the life situations by which goals, measures, indicators and
 * offers are grouped. German labels in the message bundle ({@code lifeSituation.<CODE>}).
 */
public enum LifeSituation {
  FAMILIE,
  BILDUNG,
  WOHNEN,
  GESUNDHEIT,
  ARBEIT,
  TEILHABE,
  MIGRATION;

  public String labelKey() {
    return "lifeSituation." + name();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}

package de.lagebild.planning.internal.surveys;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An imported survey: its title, period, the file it came from and how many responses were read,
 * used and left without an area, the minimum n applied, and the raw file if it is kept (until a
 * date).
 */
public record Survey(
    UUID id,
    String title,
    String period,
    String fileName,
    String areaQuestion,
    int responses,
    int used,
    int unmapped,
    int minN,
    String rawFileName,
    LocalDate rawKeepUntil,
    String authorName,
    boolean demo,
    int version,
    Instant createdAt) {

  public boolean rawKept() {
    return rawFileName != null;
  }

  /**
   * One figure of a survey with its cells per area and the total (null where suppressed); {@code
   * indicatorId} is the atlas indicator it was published as.
   */
  public record Figure(
      UUID id,
      int position,
      String questionCode,
      String questionText,
      String label,
      SurveyAggregation.Measure measure,
      UUID indicatorId,
      Integer totalN,
      BigDecimal totalValue,
      List<Cell> cells) {}

  /** What may be shown of one area's figure: n and value, or neither when suppressed. */
  public record Cell(UUID areaId, Integer n, BigDecimal value, boolean suppressed) {}

  /** A free-text answer, waiting for review or released. */
  public record FreeText(
      UUID id,
      UUID surveyId,
      int position,
      String questionCode,
      String questionText,
      UUID areaId,
      String text,
      String status) {}
}

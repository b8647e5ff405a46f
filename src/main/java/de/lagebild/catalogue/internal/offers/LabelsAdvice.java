package de.lagebild.catalogue.internal.offers;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the catalogue's templates the German labels of codes as {@code labels} (no class names in
 * templates).
 */
@ControllerAdvice(basePackages = "de.lagebild.catalogue")
class LabelsAdvice {

  /** The labels the offer templates need. */
  public static final class View {
    public String ages(Integer from, Integer to) {
      return Labels.ages(from, to);
    }

    public String editable(String html) {
      return Labels.editable(html);
    }

    public String day(int weekday) {
      return Labels.day(weekday);
    }
  }

  private static final View VIEW = new View();

  @ModelAttribute("labels")
  View labels() {
    return VIEW;
  }
}

package de.lagebild.planning.internal.surveys;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How a survey figure reads in German: "63,6 %", "1,5", "21" (templates call the bean {@code
 * surveyFormat}).
 */
@Component("surveyFormat")
public class SurveyFormat {

  /** The value as the templates show it. */
  public String format(BigDecimal v, SurveyAggregation.Measure m) {
    return value(v, m);
  }

  public static String value(BigDecimal v, SurveyAggregation.Measure m) {
    if (v == null) {
      return "";
    }
    NumberFormat f = NumberFormat.getNumberInstance(Locale.GERMANY);
    int digits = m == SurveyAggregation.Measure.RESPONSES ? 0 : 1;
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f.format(v) + (m == SurveyAggregation.Measure.SHARE ? " %" : "");
  }
}

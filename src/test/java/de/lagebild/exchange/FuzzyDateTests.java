package de.lagebild.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.exchange.FuzzyDate.Precision;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every date form of the seeds and PRODUCT.md, read with its original text kept. */
class FuzzyDateTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      September 2019           | 2019-09-01 | 2019-09-30 | MONTH
      III. Quartal 2019        | 2019-07-01 | 2019-09-30 | QUARTER
      II. Quartal 2020         | 2020-04-01 | 2020-06-30 | QUARTER
      IV. Quartal 2021         | 2021-10-01 | 2021-12-31 | QUARTER
      3. Quartal 2019          | 2019-07-01 | 2019-09-30 | QUARTER
      Q1 2022                  | 2022-01-01 | 2022-03-31 | QUARTER
      01.10.2019               | 2019-10-01 | 2019-10-01 | DAY
      1.7.2022                 | 2022-07-01 | 2022-07-01 | DAY
      2022-07-01               | 2022-07-01 | 2022-07-01 | DAY
      Ende 2020                | 2020-10-01 | 2020-12-31 | QUARTER
      bis Ende 2020            | -          | 2020-12-31 | QUARTER
      bis 2022                 | -          | 2022-12-31 | YEAR
      fortlaufend              | -          | -          | OPEN_ENDED
      ab 2019 fortlaufend      | 2019-01-01 | -          | OPEN_ENDED
      seit III. Quartal 2019   | 2019-07-01 | -          | OPEN_ENDED
      2019-2021                | 2019-01-01 | 2021-12-31 | RANGE
      2019 – 2021              | 2019-01-01 | 2021-12-31 | RANGE
      Zeitraum: 01.01.2016 – 30.06.2016 | 2016-01-01 | 2016-06-30 | RANGE
      III. Quartal 2019 bis Ende 2020 | 2019-07-01 | 2020-12-31 | RANGE
      2021                     | 2021-01-01 | 2021-12-31 | YEAR
      1. Halbjahr 2021         | 2021-01-01 | 2021-06-30 | HALF_YEAR
      II. Halbjahr 2020        | 2020-07-01 | 2020-12-31 | HALF_YEAR
      Mitte 2020               | 2020-04-01 | 2020-09-30 | HALF_YEAR
      Anfang 2021              | 2021-01-01 | 2021-03-31 | QUARTER
      03/2020                  | 2020-03-01 | 2020-03-31 | MONTH
      März 2020                | 2020-03-01 | 2020-03-31 | MONTH
      Juni 2022                | 2022-06-01 | 2022-06-30 | MONTH
      """)
  void readsTheFormsPlannersWrite(
      String text, LocalDate earliest, LocalDate latest, Precision precision) {
    FuzzyDate d = FuzzyDate.parse(text);
    assertThat(d.text()).isEqualTo(text.strip());
    assertThat(d.earliest()).isEqualTo(earliest);
    assertThat(d.latest()).isEqualTo(latest);
    assertThat(d.precision()).isEqualTo(precision);
    assertThat(d.understood()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nach Absprache", "31.02.2020", "2021-2019", "sobald Mittel da sind", "Quartal"})
  void keepsWhatItCannotReadAsText(String text) {
    FuzzyDate d = FuzzyDate.parse(text);
    assertThat(d.text()).isEqualTo(text);
    assertThat(d.understood()).isFalse();
    assertThat(d.earliest()).isNull();
    assertThat(d.latest()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyIsEmpty(String text) {
    assertThat(FuzzyDate.parse(text).isEmpty()).isTrue();
  }
}

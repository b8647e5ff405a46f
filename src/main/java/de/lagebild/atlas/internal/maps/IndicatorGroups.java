package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The atlas's indicators in groups for lists and menus: the statistics first, then one group per
 * survey whose results the planning module published (their source reads „Befragung „Titel“ …“), so
 * that a survey's ten or more figures do not bury the statistics. Used by the templates as
 * {@code @indicatorGroups.of(indicators)}.
 */
@Component("indicatorGroups")
public class IndicatorGroups {

  private static final Pattern SURVEY = Pattern.compile("^Befragung „(.+?)“");

  /** A group; {@code survey} is null for the statistics. */
  public record Group(String survey, List<IndicatorRow> indicators) {}

  public List<Group> of(List<IndicatorRow> indicators) {
    List<IndicatorRow> statistics = new ArrayList<>();
    Map<String, List<IndicatorRow>> surveys = new LinkedHashMap<>();
    for (IndicatorRow i : indicators) {
      Matcher m = SURVEY.matcher(i.source() == null ? "" : i.source());
      if (m.find()) {
        surveys.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(i);
      } else {
        statistics.add(i);
      }
    }
    List<Group> groups = new ArrayList<>();
    if (!statistics.isEmpty()) {
      groups.add(new Group(null, statistics));
    }
    surveys.forEach((title, list) -> groups.add(new Group(title, list)));
    return groups;
  }
}

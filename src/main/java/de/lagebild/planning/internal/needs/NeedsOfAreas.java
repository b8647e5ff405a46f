package de.lagebild.planning.internal.needs;

import de.lagebild.atlas.AreaContext;
import de.lagebild.atlas.AreaId;
import de.lagebild.strategy.StrategyGoals;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The needs recorded for an area, with the goals that answer them, for the area's profile. */
@Service
class NeedsOfAreas implements AreaContext {

  private final NeedRepository needs;
  private final NeedNames names;
  private final MessageSource messages;

  NeedsOfAreas(NeedRepository needs, NeedNames names, MessageSource messages) {
    this.needs = needs;
    this.names = names;
    this.messages = messages;
  }

  @Override
  public Section section(String tenant, AreaId area) {
    List<Need> found =
        needs.find(new NeedRepository.Filter(null, area.value(), null, null, null, null));
    NeedNames.Names n = found.isEmpty() ? null : names.read();
    List<Item> items =
        found.stream()
            .map(
                need -> {
                  String goals =
                      n.goalsOf(need).stream()
                          .map(StrategyGoals.GoalRef::code)
                          .collect(Collectors.joining(", "));
                  String meta =
                      label("need.status." + need.status())
                          + (goals.isEmpty() ? "" : " – " + label("need.area.goals") + " " + goals);
                  return new Item(need.title(), "/" + tenant + "/bedarfe/" + need.id(), meta);
                })
            .toList();
    return new Section(10, label("need.area.title"), items, label("need.area.none"));
  }

  private String label(String key) {
    return messages.getMessage(key, null, key, Locale.GERMAN);
  }
}

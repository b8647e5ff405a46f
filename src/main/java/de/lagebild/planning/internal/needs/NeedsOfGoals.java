package de.lagebild.planning.internal.needs;

import de.lagebild.strategy.GoalNeeds;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The needs a goal answers, for the goal's page (the first link of its chain). */
@Service
class NeedsOfGoals implements GoalNeeds {

  private final NeedRepository needs;
  private final NeedNames names;
  private final MessageSource messages;

  NeedsOfGoals(NeedRepository needs, NeedNames names, MessageSource messages) {
    this.needs = needs;
    this.names = names;
    this.messages = messages;
  }

  @Override
  public List<NeedRef> of(UUID goalId) {
    List<Need> found = needs.find(new NeedRepository.Filter(null, null, null, null, goalId, null));
    if (found.isEmpty()) {
      return List.of();
    }
    NeedNames.Names n = names.read();
    return found.stream()
        .map(
            need ->
                new NeedRef(
                    need.id(),
                    need.title(),
                    need.status().name(),
                    label("need.status." + need.status()),
                    label("need.sourceKind." + need.sourceKind())
                        + (need.sourceNote() == null ? "" : ": " + need.sourceNote()),
                    n.areaNames(need),
                    need.evidence().stream()
                        .map(e -> new Evidence(n.line(e), e.source()))
                        .toList()))
        .toList();
  }

  private String label(String key) {
    return messages.getMessage(key, null, key, Locale.GERMAN);
  }
}

package de.lagebild.planning.internal.needs;

import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.strategy.GoalNeeds;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The needs a goal answers, for the goal's page (the first link of its chain). */
@Service
class NeedsOfGoals implements GoalNeeds {

  private final NeedRepository needs;
  private final NeedNames names;
  private final MessageSource messages;
  private final AuditLog audit;

  NeedsOfGoals(NeedRepository needs, NeedNames names, MessageSource messages, AuditLog audit) {
    this.audit = audit;
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

  @Override
  public List<Choice> all() {
    return needs.find(NeedRepository.Filter.NONE).stream()
        .map(n -> new Choice(n.id(), n.title(), label("need.status." + n.status())))
        .toList();
  }

  @Override
  @Transactional
  public void answer(UUID goalId, Set<UUID> needIds) {
    Set<UUID> linked = new HashSet<>();
    Map<UUID, Need> known = new HashMap<>();
    for (Need n : needs.find(NeedRepository.Filter.NONE)) {
      known.put(n.id(), n);
      if (n.goalIds().contains(goalId)) {
        linked.add(n.id());
      }
    }
    for (UUID id : needIds) {
      if (!known.containsKey(id)) {
        throw new DomainException("need.unknown", id);
      }
    }
    if (linked.equals(needIds)) {
      return;
    }
    for (UUID id : needIds) {
      if (!linked.contains(id)) {
        needs.linkGoal(id, goalId);
      }
    }
    for (UUID id : linked) {
      if (!needIds.contains(id)) {
        needs.unlinkGoal(id, goalId);
      }
    }
    audit.record(
        "UPDATE",
        "GoalNeeds",
        goalId,
        "Bedarfe des Ziels geändert",
        Map.of("needs", titles(linked, known)),
        Map.of("needs", titles(needIds, known)));
  }

  private static String titles(Set<UUID> ids, Map<UUID, Need> known) {
    return ids.stream()
        .map(known::get)
        .filter(java.util.Objects::nonNull)
        .map(Need::title)
        .sorted()
        .collect(java.util.stream.Collectors.joining("; "));
  }

  private String label(String key) {
    return messages.getMessage(key, null, key, Locale.GERMAN);
  }
}

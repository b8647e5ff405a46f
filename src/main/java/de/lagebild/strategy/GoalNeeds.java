package de.lagebild.strategy;

import java.util.List;
import java.util.UUID;

/**
 * The needs (Bedarfe) a goal answers, shown on the goal's page as the first link of its chain.
 * Implemented by the module that keeps needs; the strategy module only reads it.
 */
public interface GoalNeeds {

  /** One piece of evidence as it reads ("Kinderarmut (SGB II), Nordhausen, 2020: 17,2 %"). */
  record Evidence(String text, String source) {}

  record NeedRef(
      UUID id,
      String title,
      String status,
      String statusLabel,
      String sourceLabel,
      String areas,
      List<Evidence> evidence) {}

  /** A need that a goal can be linked to, for the goal form. */
  record Choice(UUID id, String title, String statusLabel) {}

  List<NeedRef> of(UUID goalId);

  /** Every need of the current tenant, for the goal form. */
  List<Choice> all();

  /** Makes {@code needIds} exactly the needs the goal answers (audited). */
  void answer(UUID goalId, java.util.Set<UUID> needIds);
}

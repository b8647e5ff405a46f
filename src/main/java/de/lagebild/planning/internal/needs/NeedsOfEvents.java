package de.lagebild.planning.internal.needs;

import de.lagebild.planning.internal.events.EventNeeds;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The needs recorded from a conference or workshop, for the event's page. */
@Service
class NeedsOfEvents implements EventNeeds {

  private final NeedRepository needs;

  NeedsOfEvents(NeedRepository needs) {
    this.needs = needs;
  }

  @Override
  public List<Recorded> of(UUID event) {
    return needs.find(new NeedRepository.Filter(null, null, null, null, null, null, event)).stream()
        .map(n -> new Recorded(n.id(), n.title(), n.status().name()))
        .toList();
  }
}

package de.lagebild.catalogue.internal.admin;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.Staleness;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.catalogue.internal.store.ReminderRepository;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds an organisation by e-mail of its offers that have not been confirmed for too long,
 * through the SMTP server configured with {@code spring.mail.*} (environment: {@code
 * SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT} …). Without one, the coordinator is told so and
 * nothing is recorded. Each reminder sent is recorded with its date.
 */
@Service
class Reminders {

  private final ObjectProvider<JavaMailSender> mail;
  private final Catalogue catalogue;
  private final Staleness staleness;
  private final OrganizationRepository organizationRepository;
  private final ReminderRepository reminderRepository;
  private final TenantDirectory directory;
  private final String from;
  private final String baseUrl;
  private final AuditLog audit;

  Reminders(
      ObjectProvider<JavaMailSender> mail,
      Catalogue catalogue,
      Staleness staleness,
      OrganizationRepository organizationRepository,
      ReminderRepository reminderRepository,
      TenantDirectory directory,
      de.lagebild.platform.LagebildProperties lagebild,
      AuditLog audit) {
    this.audit = audit;
    this.mail = mail;
    this.catalogue = catalogue;
    this.staleness = staleness;
    this.organizationRepository = organizationRepository;
    this.reminderRepository = reminderRepository;
    this.directory = directory;
    this.from = lagebild.mail().from();
    this.baseUrl = lagebild.baseUrl();
  }

  /** Sends the reminder for the organisation's stale offers; returns the number of offers named. */
  @Transactional
  int remind(UUID organization) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new DomainException("catalogue.reminder.noServer");
    }
    OrganizationRow org =
        organizationRepository.organization(organization).orElseThrow(NotFoundException::new);
    List<Staleness.Stale> stale =
        staleness.stale().stream()
            .filter(s -> s.offer().offer().organizationId().equals(organization))
            .toList();
    if (stale.isEmpty()) {
      throw new DomainException("catalogue.reminder.nothing", org.name());
    }
    // the organisation's address and the provider accounts that keep its offers (each address once)
    Set<String> to = new LinkedHashSet<>();
    if (org.email() != null && !org.email().isBlank()) {
      to.add(org.email().strip());
    }
    Set<UUID> members = new HashSet<>(organizationRepository.membersOf(organization));
    directory.members(Role.PROVIDER).stream()
        .filter(m -> members.contains(m.userId()) && m.email() != null && !m.email().isBlank())
        .forEach(m -> to.add(m.email().strip()));
    if (to.isEmpty()) {
      throw new DomainException("catalogue.reminder.noAddress", org.name());
    }
    String tenant = TenantContext.access().map(a -> a.name()).orElse("");
    String slug = TenantContext.access().map(a -> a.slug()).orElse("");
    StringBuilder text =
        new StringBuilder("Guten Tag,\n\nim Angebotsverzeichnis ")
            .append(tenant)
            .append(" wurden folgende Angebote von ")
            .append(org.name())
            .append(" seit mehr als ")
            .append(staleness.staleAfter().toDays())
            .append(" Tagen nicht mehr als aktuell bestätigt:\n\n");
    for (Staleness.Stale s : stale) {
      text.append("- ")
          .append(s.offer().content().name())
          .append(
              s.daysSince() < 0
                  ? " (noch nie bestätigt)"
                  : " (zuletzt vor " + s.daysSince() + " Tagen)")
          .append('\n');
    }
    text.append("\nBitte prüfen Sie die Angaben und bestätigen oder ändern Sie sie unter\n")
        .append(baseUrl)
        .append('/')
        .append(slug)
        .append("/anbieter\n\nVielen Dank!\nIhre Sozialplanung\n\n")
        .append("(Diese Nachricht wurde von Lagebild versandt.)\n");
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to.toArray(String[]::new));
    message.setSubject(
        "Bitte prüfen: "
            + stale.size()
            + (stale.size() == 1 ? " Angebot" : " Angebote")
            + " von "
            + org.name());
    message.setText(text.toString());
    try {
      sender.send(message);
    } catch (MailException e) {
      throw new DomainException("catalogue.reminder.failed", e.getMostSpecificCause().getMessage());
    }
    String sentTo = String.join(", ", to);
    reminderRepository.insertReminder(
        organization,
        sentTo.length() > 300 ? sentTo.substring(0, 299) + "…" : sentTo,
        stale.size(),
        catalogue.now(),
        Catalogue.actor());
    audit.record(
        "REMIND",
        "Organization",
        organization,
        "Erinnerung an "
            + org.name()
            + " gesendet ("
            + stale.size()
            + (stale.size() == 1 ? " Angebot" : " Angebote")
            + ")",
        null,
        Map.of("to", sentTo, "offers", stale.size()));
    return stale.size();
  }
}

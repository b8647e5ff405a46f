package de.lagebild.catalogue.internal.admin;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.OfferReview;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's decision on a new offer or a proposed change: accept, or return with a comment.
 */
@Controller
class ReviewController {

  private final Catalogue catalogue;
  private final OfferReview review;

  ReviewController(Catalogue catalogue, OfferReview review) {
    this.catalogue = catalogue;
    this.review = review;
  }

  @PostMapping("/{tenant}/angebote/verwaltung/pruefung/{change}/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String accept(
      @PathVariable("tenant") String tenant,
      @PathVariable("change") UUID change,
      RedirectAttributes redirect) {
    review.accept(change);
    redirect.addFlashAttribute("success", "catalogue.review.accepted");
    return "redirect:/" + tenant + "/angebote/verwaltung#pruefung";
  }

  @PostMapping("/{tenant}/angebote/verwaltung/pruefung/{change}/zurueckgeben")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String giveBack(
      @PathVariable("tenant") String tenant,
      @PathVariable("change") UUID change,
      @RequestParam(name = "comment", required = false) String comment,
      RedirectAttributes redirect) {
    review.returnChange(change, comment);
    redirect.addFlashAttribute("success", "catalogue.review.returned");
    return "redirect:/" + tenant + "/angebote/verwaltung#pruefung";
  }
}

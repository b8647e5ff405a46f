package de.lagebild.strategy.internal;

import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard for strategy tables: 1 upload or paste, 2 preview with every warning and its line, 3 title and
 * round, 4 one transaction, 5 summary. Between preview and commit the text waits in the user's session, keyed by a
 * random token and the tenant; nothing is written before the last step.
 */
@Controller
class StrategyImportController {

  static final int MAX_TEXT = 5 * 1024 * 1024;
  static final String SESSION_KEY = StrategyImportController.class.getName();

  record Pending(String tenant, String text, String charset, String fileName) {}

  private final StrategyImport imports;

  StrategyImportController(StrategyImport imports) {
    this.imports = imports;
  }

  @GetMapping("/{tenant}/strategien/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant) {
    return "strategy/import";
  }

  @PostMapping("/{tenant}/strategien/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(@PathVariable("tenant") String tenant,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "text", required = false) String pasted, HttpSession session, Model model)
      throws IOException {
    byte[] bytes;
    String name;
    if (file != null && !file.isEmpty()) {
      if (file.getSize() > MAX_TEXT) {
        throw new DomainException("import.tooLarge", MAX_TEXT / 1024 / 1024);
      }
      bytes = file.getBytes();
      name = file.getOriginalFilename();
    } else {
      bytes = pasted == null ? new byte[0] : pasted.getBytes(StandardCharsets.UTF_8);
      name = null;
      if (bytes.length > MAX_TEXT) {
        throw new DomainException("import.tooLarge", MAX_TEXT / 1024 / 1024);
      }
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    TableFormatReader.Result result = imports.preview(decoded.text());
    String token = UUID.randomUUID().toString();
    pending(session).put(token, new Pending(tenant, decoded.text(), decoded.charset(), name));
    model.addAttribute("result", result);
    model.addAttribute("token", token);
    model.addAttribute("charset", decoded.charset());
    model.addAttribute("fileName", name);
    model.addAttribute("suggestedTitle", name == null ? "" : name.replaceFirst("\\.[^.]+$", ""));
    return "strategy/import-preview";
  }

  @PostMapping("/{tenant}/strategien/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(@PathVariable("tenant") String tenant, @RequestParam("token") String token,
      @RequestParam("title") String title, @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "round", required = false) String round, HttpSession session,
      RedirectAttributes redirect) {
    Pending p = pending(session).get(token);
    if (p == null || !p.tenant().equals(tenant)) {
      throw new DomainException("import.expired");
    }
    if (title == null || title.isBlank() || title.length() > 300) {
      throw new DomainException("import.titleRequired");
    }
    StrategyImport.Summary summary = imports.commit(p.text(), title, kind, round);
    pending(session).remove(token);
    redirect.addFlashAttribute("importSummary", summary);
    redirect.addFlashAttribute("success", "import.done");
    return "redirect:/" + tenant + "/strategien/" + summary.strategyId();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Pending> pending(HttpSession session) {
    Map<String, Pending> map = (Map<String, Pending>) session.getAttribute(SESSION_KEY);
    if (map == null) {
      // at most a few imports wait per session; the oldest is dropped
      map = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
          return size() > 3;
        }
      };
      session.setAttribute(SESSION_KEY, map);
    }
    return map;
  }
}

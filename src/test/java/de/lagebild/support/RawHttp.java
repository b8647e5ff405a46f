package de.lagebild.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to the test's server, so that odd paths and proxy headers arrive
 * exactly as written (client libraries would normalise or refuse them).
 */
public final class RawHttp {

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  public record Answer(int status, String head, String body) {

    public List<String> headers(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return head.lines()
          .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(l -> l.substring(prefix.length()).strip())
          .toList();
    }

    public String contentType() {
      return headers("Content-Type").stream().findFirst().orElse("").toLowerCase(Locale.ROOT);
    }
  }

  /** {@code headers}: complete header lines, each ending in CRLF. */
  public Answer send(String method, String target, String headers, String body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      out.write(
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + headers
                  + (content.length > 0 || method.equals("POST")
                      ? "Content-Length: " + content.length + "\r\n"
                      : "")
                  + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      s.getInputStream().transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      return new Answer(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
    }
  }
}

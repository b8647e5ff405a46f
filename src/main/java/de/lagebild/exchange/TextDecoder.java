package de.lagebild.exchange;

import de.lagebild.platform.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an uploaded text file into a string: UTF-8 with or without BOM, else Windows-1252 (a
 * superset of Latin-1 for printable characters, as Word and Excel on Windows write it). Any line
 * ending is normalised to {@code \n}. Binary and empty files are refused with a German message.
 */
public final class TextDecoder {

  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  public record Decoded(String text, String charset) {}

  private TextDecoder() {}

  public static Decoded decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new DomainException("import.empty");
    }
    int offset = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      offset = 3;
    }
    if (looksBinary(bytes, offset)) {
      throw new DomainException("import.binary");
    }
    String text;
    String charset;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString();
      charset = offset == 3 ? "UTF-8 (BOM)" : "UTF-8";
    } catch (CharacterCodingException notUtf8) {
      text = new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
      charset = "Windows-1252";
    }
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    if (text.isBlank()) {
      throw new DomainException("import.empty");
    }
    return new Decoded(text, charset);
  }

  /** NUL bytes or many control characters: not a text file (e.g. a renamed PDF, ZIP or image). */
  static boolean looksBinary(byte[] bytes, int offset) {
    int control = 0;
    int n = Math.min(bytes.length, offset + 8192);
    for (int i = offset; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
        control++;
      }
    }
    return control > (n - offset) / 20;
  }
}

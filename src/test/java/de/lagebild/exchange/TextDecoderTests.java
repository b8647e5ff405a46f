package de.lagebild.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.platform.DomainException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTests {

  static final String SAMPLE =
      "Leitziel: Armutsprävention für Familien\r\nMaßnahme\tVerantwortlich\r\n";

  @Test
  void readsUtf8WithAndWithoutBomAndNormalisesLineEndings() {
    TextDecoder.Decoded plain = TextDecoder.decode(SAMPLE.getBytes(StandardCharsets.UTF_8));
    assertThat(plain.text())
        .isEqualTo("Leitziel: Armutsprävention für Familien\nMaßnahme\tVerantwortlich\n");
    assertThat(plain.charset()).isEqualTo("UTF-8");
    byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    TextDecoder.Decoded bom = TextDecoder.decode(withBom);
    assertThat(bom.text()).startsWith("Leitziel: Armutsprävention");
    assertThat(bom.charset()).isEqualTo("UTF-8 (BOM)");
  }

  @Test
  void fallsBackToWindows1252ForLatin1Files() {
    TextDecoder.Decoded d =
        TextDecoder.decode(
            ("Maßnahme für Ältere – „Tagespflege“\rzweite Zeile")
                .getBytes(TextDecoder.WINDOWS_1252));
    assertThat(d.text()).isEqualTo("Maßnahme für Ältere – „Tagespflege“\nzweite Zeile");
    assertThat(d.charset()).isEqualTo("Windows-1252");
  }

  @Test
  void refusesBinaryAndEmptyFiles() {
    byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0x0a, 0x00, 0x01, 0x02, (byte) 0xff};
    assertThatThrownBy(() -> TextDecoder.decode(pdf))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("import.binary");
    assertThatThrownBy(() -> TextDecoder.decode(new byte[0]))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("import.empty");
    assertThatThrownBy(() -> TextDecoder.decode(" \n\t\n".getBytes(StandardCharsets.UTF_8)))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("import.empty");
  }
}

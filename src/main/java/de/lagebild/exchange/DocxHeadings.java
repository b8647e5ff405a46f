package de.lagebild.exchange;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Heading styles for Word documents written by POI: "Heading1" to "HeadingN" with outline levels,
 * so that Word's navigation pane and table of contents find them and screen readers announce them.
 */
public final class DocxHeadings {

  private DocxHeadings() {}

  /** Adds the styles Heading1 … Heading{@code levels} to the document. */
  public static void add(XWPFDocument doc, int levels) {
    XWPFStyles styles = doc.createStyles();
    for (int i = 1; i <= levels; i++) {
      add(styles, "Heading" + i, "heading " + i, i - 1);
    }
  }

  private static void add(XWPFStyles styles, String id, String name, int outline) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.addNewName().setVal(name);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewUiPriority().setVal(BigInteger.valueOf(9));
    style.addNewQFormat();
    CTPPrGeneral ppr = style.addNewPPr();
    ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
    ppr.addNewKeepNext();
    var rpr = style.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(outline == 0 ? 28 : outline == 1 ? 24 : 20));
    rpr.addNewColor().setVal("0B4F6C");
    styles.addStyle(new XWPFStyle(style));
  }
}

import de.lagebild.planning.internal.surveys.LimeSurveyExport;
import java.util.*;
import java.nio.file.*;
import java.nio.charset.Charset;
String[] names = {"Erfurt","Gera","Jena","Suhl","Weimar","Eisenach","Eichsfeld","Nordhausen","Wartburgkreis","Unstrut-Hainich-Kreis","Kyffhäuserkreis","Schmalkalden-Meiningen","Gotha","Sömmerda","Hildburghausen","Ilm-Kreis","Weimarer Land","Sonneberg","Saalfeld-Rudolstadt","Saale-Holzland-Kreis","Saale-Orla-Kreis","Greiz","Altenburger Land"};
int[] counts = {58,31,36,3,22,0,34,164,41,38,45,29,43,19,17,33,24,4,52,21,26,27,30};
String[] texts = {"Mehr Beratung am Nachmittag, wenn die Kita zu ist.","Die Busverbindung zur Familienberatung ist schlecht.","Ein Familienzentrum im Ort wäre gut.","Mehr Spielplätze, die auch für Kleinkinder geeignet sind.","Termine beim Jugendamt dauern zu lange.","Frau Beispiel aus der Lindenstraße braucht dringend Hilfe."};
LimeSurveyExport export = new LimeSurveyExport(List.of(names));
Random r = new Random(2025);
List<LimeSurveyExport.Response> out = new ArrayList<>();
int t = 0;
for (int a = 0; a < names.length; a++) {
  double satisfied = 0.45 + 0.3 * ((a * 7919) % 23) / 23.0;
  for (int i = 0; i < counts[a]; i++) {
    boolean complete = r.nextInt(25) != 0;
    String q1 = r.nextInt(12) == 0 ? "" : (r.nextDouble() < satisfied ? "A" + (1 + r.nextInt(2)) : "A" + (3 + r.nextInt(2)));
    boolean[] q2 = {r.nextDouble() < 0.7, r.nextDouble() < 0.25, r.nextDouble() < 0.08};
    String q3 = r.nextInt(10) == 0 ? "" : String.valueOf(1 + r.nextInt(3));
    String[] q4 = {r.nextInt(8) == 0 ? "" : "A" + (1 + r.nextInt(3)), "A" + (r.nextDouble() < (a == 7 ? 0.55 : 0.35) ? 3 : 1 + r.nextInt(2))};
    String q5 = (a == 7 && i % 23 == 4) || r.nextInt(40) == 0 ? texts[t++ % texts.length] : "";
    out.add(new LimeSurveyExport.Response(complete, "A" + (a + 1), q1, q2, q3, q4, q5));
  }
}
out.add(new LimeSurveyExport.Response(true, "", "A2", new boolean[]{true,false,false}, "2", new String[]{"A1","A2"}, ""));
Files.write(Path.of("/work/main/src/main/resources/demo/surveys/familienbefragung-demo.lss"), export.lss());
Files.write(Path.of("/work/main/src/main/resources/demo/surveys/familienbefragung-demo-antworten.csv"), export.csv(out, true, Charset.forName("windows-1252"), ';'));
System.out.println("responses " + out.size() + " texts " + t);
/exit

// Lucene 8.7 side of tools/bench: the settings of ../shared/peers/lucene/LucenePeer.java (EnglishAnalyzer,
// title and text in one "contents" field, RAM buffer 256 MB, forceMerge(1)) but BM25 with the k1 and b given (the
// bench passes paperdex's, so that both rank with the same parameters; the peer's own are 0.9/0.4), reusing its
// reader and JSON field extraction, but timed the way paperdex is: every query of the set (no qrels filter),
// top-K with the stored ids, one untimed warm-up pass, then PASSES timed passes, single thread.
// usage: java -cp LUCENE_JARS:PEER_CLASSES:. LuceneBench CORPUS QUERIES OUTDIR K PASSES K1 B
import java.io.*;
import java.nio.file.*;
import java.util.*;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.*;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

public class LuceneBench {
  public static void main(String[] a) throws Exception {
    String corpus = a[0], qf = a[1], out = a[2];
    int k = Integer.parseInt(a[3]), passes = Integer.parseInt(a[4]);
    float k1 = Float.parseFloat(a[5]), b = Float.parseFloat(a[6]);
    Path dir = Paths.get(out, "lucene.idx");
    Files.createDirectories(dir);
    for (File f : dir.toFile().listFiles()) f.delete();
    EnglishAnalyzer an = new EnglishAnalyzer();
    BM25Similarity sim = new BM25Similarity(k1, b);
    long t0 = System.nanoTime();
    IndexWriterConfig cfg = new IndexWriterConfig(an).setSimilarity(sim).setRAMBufferSizeMB(256);
    int n = 0;
    try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), cfg); BufferedReader r = LucenePeer.open(corpus)) {
      for (String line; (line = r.readLine()) != null;) {
        if (line.isBlank()) continue;
        Document d = new Document();
        d.add(new StringField("id", LucenePeer.field(line, "_id"), Field.Store.YES));
        d.add(new TextField("contents", LucenePeer.field(line, "title") + "\n" + LucenePeer.field(line, "text"), Field.Store.NO));
        w.addDocument(d); n++;
      }
      w.forceMerge(1);
    }
    double indexS = (System.nanoTime() - t0) / 1e9;
    long bytes = 0; for (File f : dir.toFile().listFiles()) bytes += f.length();

    List<String> texts = new ArrayList<>();
    try (BufferedReader r = LucenePeer.open(qf)) {
      for (String line; (line = r.readLine()) != null;) if (!line.isBlank()) texts.add(LucenePeer.field(line, "text"));
    }
    IndexSearcher s = new IndexSearcher(DirectoryReader.open(FSDirectory.open(dir)));
    s.setSimilarity(sim);
    QueryParser qp = new QueryParser("contents", an);
    List<Double> lat = new ArrayList<>();
    int errors = 0;
    for (int pass = 0; pass <= passes; pass++) {
      for (String text : texts) {
        long t = System.nanoTime();
        try {
          Query q = qp.parse(QueryParser.escape(text));
          TopDocs td = s.search(q, k);
          for (ScoreDoc sd : td.scoreDocs) s.doc(sd.doc).get("id");
        } catch (Exception e) { if (pass == 0) errors++; continue; }
        if (pass > 0) lat.add((System.nanoTime() - t) / 1e6);
      }
    }
    Collections.sort(lat);
    double p50 = lat.get(lat.size() / 2), p95 = lat.get(Math.min(lat.size() - 1, (int) (0.95 * lat.size()))),
           p99 = lat.get(Math.min(lat.size() - 1, (int) (0.99 * lat.size())));
    System.out.printf(Locale.ROOT, "{\"engine\": \"lucene-8.7\", \"k1\": %.2f, \"b\": %.2f, \"docs\": %d, \"index_s\": %.3f, \"docs_per_s\": %d, \"index_bytes\": %d, \"queries\": %d, \"errors\": %d, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f}%n",
        k1, b, n, indexS, (long) (n / indexS), bytes, texts.size(), errors, p50, p95, p99);
  }
}

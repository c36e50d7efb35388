package io.crystallize.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's cache of earlier versions' means: written and read back, as older releases wrote it, and damaged. */
class HistoryCacheTest {

    @TempDir
    Path dir;

    @Test
    void aPointWrittenIsReadBackForTheSameStampOnly() {
        Path file = dir.resolve("history-cache.json");
        HistoryCache cache = HistoryCache.none();
        History.Point point = new History.Point("v3", "2026-12-05T01:00:00Z", Map.of("baseline",
                Map.of("accuracy", new Moments(10, 0.5, Double.NaN, Double.POSITIVE_INFINITY))));
        cache.put("Exp", point, "123");
        cache.write(file);

        HistoryCache back = HistoryCache.read(file);
        History.Point read = back.get("Exp", "v3", "123");
        assertThat(read).isNotNull();
        assertThat(read.started()).isEqualTo("2026-12-05T01:00:00Z");
        Moments m = read.moments().get("baseline").get("accuracy");
        assertThat(m.n()).isEqualTo(10);
        assertThat(m.mean()).isEqualTo(0.5);
        assertThat(m.ciLow()).isNaN();
        assertThat(m.ciHigh()).isInfinite();
        assertThat(back.get("Exp", "v3", "124")).isNull();
        assertThat(back.get("Other", "v3", "123")).isNull();
    }

    @Test
    void aCacheAsEarlierReleasesWroteItIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("history-cache.json"), "{\"format\":1,\"experiments\":{\"Exp\":"
                + "{\"v0\":{\"stamp\":\"77\",\"started\":\"s\",\"moments\":{\"baseline\":{\"m\":[4.0,1.5,1.0,2.0]}}}}}}");

        History.Point read = HistoryCache.read(file).get("Exp", "v0", "77");

        assertThat(read).isNotNull();
        assertThat(read.moments().get("baseline").get("m")).isEqualTo(new Moments(4, 1.5, 1.0, 2.0));
    }

    @Test
    void aDamagedOrOtherFormatCacheIsIgnored() throws Exception {
        for (String text : new String[] {"{\"format\":1,\"experiments\":{\"Exp\":{\"v0\":{\"moments\":[1]}}}}",
                "{\"format\":2,\"experiments\":{}}", "{\"format\":1,\"exp", "[]"}) {
            Path file = Files.writeString(dir.resolve("history-cache.json"), text);
            assertThat(HistoryCache.read(file).get("Exp", "v0", "77")).as(text).isNull();
        }
    }
}

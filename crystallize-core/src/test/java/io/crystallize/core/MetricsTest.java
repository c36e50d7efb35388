package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** REFERENCE-BEHAVIOUR items 25 and 26, and recording under contention. */
class MetricsTest {

    @Test
    void valuesAppendInOrder() {
        Metrics metrics = new Metrics();
        metrics.record("a", 1);
        metrics.record("a", 2);

        assertThat(metrics.values("a")).containsExactly(1, 2);
        assertThat(metrics.count("a")).isEqualTo(2);
        assertThat(metrics.values("never")).isEmpty();
        double[] copy = metrics.values("a");
        copy[0] = 99;
        assertThat(metrics.values("a")).containsExactly(1, 2);
    }

    @Test
    void fourThreadsTimesHundredRecordsGiveFourHundredValues() throws Exception {
        Metrics metrics = new Metrics();
        assertThat(recordConcurrently(metrics, 4, 100)).isEqualTo(400);
    }

    @RepeatedTest(3)
    void eightThreadsTimesHundredThousandRecordsLoseNothing() throws Exception {
        Metrics metrics = new Metrics();
        int threads = 8;
        int each = 100_000;

        assertThat(recordConcurrently(metrics, threads, each)).isEqualTo(threads * each);
        double[] values = metrics.values("x");
        assertThat(values).hasSize(threads * each);
        // value t * each + i from each thread exactly once: the sum proves no value was lost or duplicated
        long n = (long) threads * each;
        assertThat(Arrays.stream(values).sum()).isEqualTo(n * (n - 1) / 2.0);
        assertThat(Arrays.stream(values).distinct().count()).isEqualTo(n);
    }

    private static int recordConcurrently(Metrics metrics, int threads, int each) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * each;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        metrics.record("x", offset + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return metrics.count("x");
    }

    @Test
    void tagsKeepTheirOrderAndUntaggedValuesHaveEmptyTags() {
        Metrics metrics = new Metrics();
        metrics.record("acc", 0.1);
        metrics.record("loss", 0.5, Map.of("epoch", 1));
        metrics.record("loss", 0.3, Map.of("epoch", 2));
        metrics.record("loss", 0.2);

        assertThat(metrics.values("loss")).containsExactly(0.5, 0.3, 0.2);
        assertThat(metrics.tags("loss")).containsExactly(Map.of("epoch", 1), Map.of("epoch", 2), Map.of());
        assertThat(metrics.tags("acc")).containsExactly(Map.of());
        assertThat(metrics.names()).containsExactly("acc", "loss");
    }

    @Test
    void invalidMetricNamesAreRejected() {
        Metrics metrics = new Metrics();

        assertThatThrownBy(() -> metrics.record("bad name", 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> metrics.record(null, 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("metric name is null");
        assertThatThrownBy(() -> metrics.record("", 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("metric name is empty");
    }
}

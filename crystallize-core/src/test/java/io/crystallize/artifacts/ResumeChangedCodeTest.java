package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.ExecutionCancelledException;
import io.crystallize.fingerprint.Fixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume continues only runs of the same code: the experiment is compiled by the real javac, stopped
 * half-way, then resumed from a fresh class loader with the same source or with a constant changed in
 * a helper its step calls.
 */
class ResumeChangedCodeTest {

    private static final int RUNS = 2 * 10;

    @TempDir
    Path temp;

    private static final String SOURCE = """
            package fx;
            import io.crystallize.core.*;
            import io.crystallize.artifacts.ArtifactPlugin;
            import java.nio.file.Path;
            import java.util.Map;
            import java.util.function.BooleanSupplier;
            import java.util.concurrent.atomic.AtomicInteger;
            public class Resumable {
                public static final AtomicInteger RUNS = new AtomicInteger();
                static final class Pricing {
                    static double price(double x) { return x * %d; }
                }
                static final class Score implements Step<Double, Double> {
                    public Double apply(Double in, Context context) {
                        RUNS.incrementAndGet();
                        context.metrics().record("y", Pricing.price(in) + (Integer) context.get("x"));
                        return in;
                    }
                    public String name() { return "score"; }
                }
                public static Result run(Path root, boolean resume, BooleanSupplier cancelled) {
                    return Experiment.builder("resumable")
                            .dataSource(c -> c.random().nextDouble())
                            .step(new Score())
                            .parameter("x", 0)
                            .treatment(Treatment.of("shifted", Map.of("x", 1)))
                            .replicates(10)
                            .plugin(new ArtifactPlugin(root))
                            .build().run(RunRequest.defaults().withResume(resume).withCancellation(cancelled));
                }
            }
            """;

    /** Runs the fixture compiled with {@code factor}; returns how many runs executed. */
    private int run(Path root, int factor, boolean resume, int cancelAfter) throws Exception {
        Path classes = Fixtures.compile(temp, Map.of("fx/Resumable.java", SOURCE.formatted(factor)));
        try (URLClassLoader loader = Fixtures.loader(classes)) {
            Class<?> type = loader.loadClass("fx.Resumable");
            AtomicInteger runs = (AtomicInteger) type.getField("RUNS").get(null);
            BooleanSupplier cancelled = () -> cancelAfter > 0 && runs.get() >= cancelAfter;
            Method run = type.getMethod("run", Path.class, boolean.class, BooleanSupplier.class);
            try {
                run.invoke(null, root, resume, cancelled);
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).isInstanceOf(ExecutionCancelledException.class);
            }
            return runs.get();
        }
    }

    @Test
    void theSameSourceCompiledAgainResumesInPlace() throws Exception {
        Path root = temp.resolve("results");
        int before = run(root, 2, false, 8);
        assertThat(ArtifactPlugin.versionStatus(root.resolve("resumable/v0"))).isEqualTo(VersionStatus.CANCELLED);

        int resumed = run(root, 2, true, 0);

        assertThat(resumed).as("runs executed by the resume").isLessThan(RUNS).isGreaterThanOrEqualTo(RUNS - before);
        assertThat(Layout.versions(root.resolve("resumable"))).containsExactly(0L);
        assertThat(ArtifactPlugin.versionStatus(root.resolve("resumable/v0"))).isEqualTo(VersionStatus.COMPLETE);
    }

    @Test
    void aConstantChangedInAHelperStartsANewVersionInsteadOfMixingRuns() throws Exception {
        Path root = temp.resolve("results");
        run(root, 2, false, 8);

        int resumed = run(root, 3, true, 0);

        assertThat(resumed).as("every run executed again").isEqualTo(RUNS);
        assertThat(Layout.versions(root.resolve("resumable"))).containsExactly(0L, 1L);
        assertThat(ArtifactPlugin.versionStatus(root.resolve("resumable/v0"))).isEqualTo(VersionStatus.CANCELLED);
        assertThat(ArtifactPlugin.versionStatus(root.resolve("resumable/v1"))).isEqualTo(VersionStatus.COMPLETE);
    }
}

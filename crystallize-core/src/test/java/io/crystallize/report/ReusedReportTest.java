package io.crystallize.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.Context;
import io.crystallize.core.ExecutionOptions;
import io.crystallize.core.Experiment;
import io.crystallize.core.ReusePolicy;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Hypothesis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of an execution that reused runs says which conditions, and from which version. */
class ReusedReportTest {

    @TempDir
    Path root;

    private Experiment experiment(double shift) {
        return Experiment.builder("reusing")
                .dataSource(context -> context.random().nextDouble())
                .step(Step.of("score", (Double x, Context context) -> {
                    context.metrics().record("score", x + (Double) context.get("shift"));
                    return x;
                }))
                .parameter("shift", 0.0)
                .treatment(Treatment.of("up", Map.of("shift", shift)))
                .hypothesis(Hypothesis.on("score").name("higher").treatments(List.of("up")).build())
                .replicates(8)
                .options(ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING))
                .plugin(new ArtifactPlugin(root))
                .build();
    }

    @Test
    void thePageNamesTheReusedConditionsAndTheirVersion(@TempDir Path out) throws Exception {
        experiment(1.0).run();
        experiment(2.0).run(); // the baseline is reused, the changed treatment runs

        Report.write(root.resolve("reusing/v1"), out);
        Document page = Jsoup.parse(out.resolve("experiments/reusing.html").toFile(), "UTF-8");

        assertThat(page.select("header").text()).contains("runs reused: baseline from v0")
                .doesNotContain("up from v0");
        assertThat(page.select("dt:contains(Reused runs) + dd").text()).startsWith("baseline from v0");
    }

    @Test
    void aPageWithoutReuseSaysEveryRunWasRun(@TempDir Path out) throws Exception {
        experiment(1.0).run();

        Report.write(root.resolve("reusing/v0"), out);
        Document page = Jsoup.parse(out.resolve("experiments/reusing.html").toFile(), "UTF-8");

        assertThat(page.select("header").text()).doesNotContain("runs reused");
        assertThat(page.select("dt:contains(Reused runs) + dd").text()).isEqualTo("none: every run was run");
    }
}

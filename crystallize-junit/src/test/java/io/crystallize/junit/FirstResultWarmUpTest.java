package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Result;
import io.crystallize.hypothesis.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The warm-up swallows its failures (the real execution reports them), so a warm-up that broke
 * would only make the first result slow again, silently: its walk must reach a verdict.
 */
class FirstResultWarmUpTest {

    @Test
    void walksAnExperimentToAVerdictAndItsJson() {
        Result result = FirstResultWarmUp.walk();

        assertThat(result.hypotheses()).singleElement().satisfies(hypothesis -> {
            Verdict verdict = hypothesis.verdicts("shifted").get(0);
            assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.SUPPORTED);
        });
        assertThat(result.toJsonWithoutMetrics()).contains("\"crystallize-warm-up\"");
    }
}

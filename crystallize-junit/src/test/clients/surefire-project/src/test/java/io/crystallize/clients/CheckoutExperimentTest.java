package io.crystallize.clients;

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Tag;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Context;
import io.crystallize.core.Metrics;
import java.util.SplittableRandom;

/** Upsell raises revenue; free shipping does not. Replicates come from crystallize.default.replicates. */
@Experiment(seed = 11)
@Tag("checkout")
@Treatment(name = "upsell", set = "uplift=8.0")
@Treatment(name = "free_shipping", set = "uplift=-8.0")
public class CheckoutExperimentTest {

    @Param
    double uplift = 0.0;

    @DataSource
    double basket() {
        return 100.0;
    }

    /** Revenue with noise that differs per condition, so paired differences vary. */
    @Step
    void revenue(double basket, Context context, Metrics metrics) {
        SplittableRandom noise = new SplittableRandom(context.seed() * 31 + context.condition().hashCode());
        metrics.record("revenue", basket + uplift + noise.nextGaussian());
    }

    @Hypothesis(metric = "revenue", treatments = "upsell")
    void upsellRaisesRevenue() {
    }

    @Hypothesis(metric = "revenue")
    void everyOfferRaisesRevenue() {
    }
}

package ${package};

import io.crystallize.annotation.DataSource;
import io.crystallize.annotation.Experiment;
import io.crystallize.annotation.Hypothesis;
import io.crystallize.annotation.Param;
import io.crystallize.annotation.Step;
import io.crystallize.annotation.Treatment;
import io.crystallize.core.Metrics;
import java.util.random.RandomGenerator;

/**
 * Does a discount raise revenue per visitor? Each replicate simulates 2,000 visitors for the
 * baseline (no discount) and for each treatment; the verdict is a test that passes or fails.
 */
@Experiment(replicates = 20, seed = 2026)
@Treatment(name = "ten_percent", set = "discount=0.10")
public class DiscountExperiment {

    @Param
    double discount = 0.0;

    @DataSource
    PriceModel model() {
        return new PriceModel(40.0);
    }

    @Step
    void sell(PriceModel model, RandomGenerator random, Metrics metrics) {
        metrics.record("revenue_per_visitor", model.revenuePerVisitor(discount, 2_000, random));
    }

    @Hypothesis(metric = "revenue_per_visitor")
    void discountRaisesRevenue() {
    }
}

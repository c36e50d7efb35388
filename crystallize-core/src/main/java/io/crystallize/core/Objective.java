package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.base.MetricSeries;
import io.crystallize.hypothesis.Aggregate;
import io.crystallize.hypothesis.Direction;

/**
 * What an optimizer maximises or minimises: a metric, aggregated over all values a trial recorded.
 */
public record Objective(String metric, Direction direction, Aggregate aggregate) {

    public static Objective maximize(String metric) {
        return new Objective(metric, Direction.HIGHER_IS_BETTER, Aggregate.MEAN);
    }

    public static Objective minimize(String metric) {
        return new Objective(metric, Direction.LOWER_IS_BETTER, Aggregate.MEAN);
    }

    public Objective aggregatedBy(Aggregate value) {
        return new Objective(metric, direction, value);
    }

    /** The objective's value for one condition of a result. */
    public double score(Result result, String condition) {
        MetricSeries series = result.metric(condition, metric);
        if (series.size() == 0) {
            throw new ConfigurationException("objective metric '" + metric + "' was not recorded by trial '" + condition
                    + "'" + (result.errors().isEmpty() ? "" : "; failures: " + result.errors().keySet()));
        }
        return aggregate.apply(series.values(), 0, series.size());
    }

    /** True when {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return direction.sign() > 0 ? a > b : a < b;
    }
}

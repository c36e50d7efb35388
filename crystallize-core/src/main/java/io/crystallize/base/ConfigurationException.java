package io.crystallize.base;

import java.util.List;

/**
 * An experiment is configured wrongly; raised before anything runs, or after the first complete run
 * of a condition when that run shows what every run would repeat (a metric a hypothesis needs that
 * it never recorded, or recorded several times without an aggregate). Carries every problem found,
 * each naming the thing at fault and how to fix it.
 */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    public ConfigurationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder message = new StringBuilder(problems.size() + " configuration problems:");
        for (String problem : problems) {
            message.append("\n  - ").append(problem);
        }
        return message.toString();
    }
}

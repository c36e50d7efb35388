package io.crystallize.base;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rule shared by experiments, treatments, steps, parameters and metrics: names become
 * directory names, unique-id segments and {@code <condition>_rep_<r>} keys, so they must match
 * {@code [A-Za-z0-9][A-Za-z0-9_.-]*}.
 */
public final class Names {

    /** The pattern every name must match. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** The reserved name of the baseline condition; no treatment may use it. */
    public static final String BASELINE = "baseline";

    // names are checked on hot paths (every run's first record of a metric): remember valid ones
    private static final java.util.Set<String> KNOWN_VALID = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Names() {
    }

    /**
     * Checks a name and returns it.
     *
     * @param kind what is named, e.g. "treatment", used in the error message
     * @throws ConfigurationException naming the kind, the name and the rule
     */
    public static String require(String kind, String name) {
        if (name != null && KNOWN_VALID.contains(name)) {
            return name;
        }
        String problem = problem(kind, name);
        if (problem != null) {
            throw new ConfigurationException(problem);
        }
        if (KNOWN_VALID.size() < 10_000) {
            KNOWN_VALID.add(name);
        }
        return name;
    }

    /** The problem with a name, or {@code null} when it is valid. */
    public static String problem(String kind, String name) {
        if (name == null) {
            return kind + " name is null: give it a name matching " + VALID.pattern();
        }
        if (name.isEmpty()) {
            return kind + " name is empty: give it a name matching " + VALID.pattern();
        }
        if (!VALID.matcher(name).matches()) {
            return kind + " name '" + name + "' is invalid: names must match " + VALID.pattern()
                    + " (they become directory names and test ids)";
        }
        if (name.startsWith("replicate_") || name.equals("metadata.json")) {
            return kind + " name '" + name + "' is reserved: 'replicate_*' and 'metadata.json' name result files";
        }
        return null;
    }

    /** The closest candidate to {@code name} by edit distance, if any is close enough to be a likely typo. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        if (name == null) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(c -> distance(name.toLowerCase(), c.toLowerCase()) <= Math.max(2, c.length() / 3))
                .min(Comparator.comparingInt((String c) -> distance(name.toLowerCase(), c.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** " (did you mean 'x'?)" or "" — to append to an unknown-name message. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

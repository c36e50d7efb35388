package io.crystallize.base;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naming rule shared by experiments, treatments, steps, parameters, metrics, hypotheses and
 * artifacts. Names become directory and file names in the results layout, unique-id segments and
 * {@code <condition>_rep_<r>} keys, so a valid name
 * <ul>
 * <li>matches {@code [A-Za-z0-9][A-Za-z0-9_.-]*} and is at most {@value #MAX_LENGTH} characters long;</li>
 * <li>does not end with {@code .} and is not a device name Windows reserves ({@code CON}, {@code PRN},
 * {@code AUX}, {@code NUL}, {@code COM0}–{@code COM9}, {@code LPT0}–{@code LPT9}, in any case, with or
 * without an extension);</li>
 * <li>is none of the layout's own file names ({@code result.json}, {@code results.json},
 * {@code metadata.json}) and does not start with {@code replicate_}, in any case.</li>
 * </ul>
 * A name that passes is a single path segment, never {@code .} or {@code ..}, and the same file name
 * on Linux, macOS and Windows. Two names that differ only in case are one directory on macOS and
 * Windows: {@link #caseClash} finds them.
 */
public final class Names {

    /** The pattern every name must match. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /**
     * The longest name, in characters (all ASCII, so also bytes). A name is one file or directory
     * name in the results layout, and the temporary file written beside it before the atomic rename
     * adds about 45 characters ({@code .<name>.<pid>.<thread>.tmp}): 100 keeps that within the
     * 255-byte file-name limit of ext4, APFS and NTFS with room to spare, and keeps a whole
     * artifact path ({@code <experiment>/v<n>/replicate_<r>/<condition>/<step>/<artifact>}) short
     * enough to read in a message.
     */
    public static final int MAX_LENGTH = 100;

    /** The reserved name of the baseline condition; no treatment may use it, in any case. */
    public static final String BASELINE = "baseline";

    private static final Set<String> LAYOUT_FILES = Set.of("result.json", "results.json", "metadata.json");

    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])");

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
        if (name.length() > MAX_LENGTH) {
            return kind + " name '" + name.substring(0, 40) + "...' is " + name.length() + " characters long: names are "
                    + "at most " + MAX_LENGTH + " characters (each becomes a file name in the results layout, "
                    + "which file systems limit to 255 bytes); shorten it";
        }
        if (!VALID.matcher(name).matches()) {
            return kind + " name '" + name + "' is invalid: names must match " + VALID.pattern()
                    + " (they become directory names and test ids)";
        }
        if (name.endsWith(".")) {
            return kind + " name '" + name + "' ends with '.', which Windows drops from file names: "
                    + "end it with a letter or digit";
        }
        int dot = name.indexOf('.');
        if (WINDOWS_DEVICE.matcher(dot < 0 ? name : name.substring(0, dot)).matches()) {
            return kind + " name '" + name + "' is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, "
                    + "also with an extension), which cannot be a file name there: choose another name";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("replicate_") || LAYOUT_FILES.contains(lower)) {
            return kind + " name '" + name + "' is reserved: 'replicate_*', 'result.json', 'results.json' and "
                    + "'metadata.json' (in any case) name the results layout's own files: choose another name";
        }
        return null;
    }

    /** True when {@code name} is the baseline's name in some case, which no treatment may take. */
    public static boolean isBaseline(String name) {
        return BASELINE.equalsIgnoreCase(name);
    }

    /**
     * The problem when {@code name} differs only in case from one of {@code taken} (so both would be
     * one directory on macOS and Windows), or {@code null}. Exact duplicates are not reported here.
     */
    public static String caseClash(String kind, String name, Collection<String> taken) {
        if (name == null) {
            return null;
        }
        for (String other : taken) {
            if (other != null && !other.equals(name) && other.equalsIgnoreCase(name)) {
                return kind + " names '" + other + "' and '" + name + "' differ only in case: they would be one "
                        + "directory on macOS and Windows file systems; rename one";
            }
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

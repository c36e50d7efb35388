package io.crystallize.stats;

/**
 * The alternative hypothesis of a test, always stated about the first sample {@code x} relative
 * to the second sample {@code y} (SciPy's convention): {@link #GREATER} means x tends to be larger
 * than y.
 *
 * <p>The Kolmogorov-Smirnov test is the exception SciPy inherits from the ECDF: its
 * {@code GREATER} means the CDF of x lies above that of y, i.e. x tends to be <em>smaller</em>;
 * see {@link KolmogorovSmirnov}.
 */
public enum Alternative {
    TWO_SIDED("two-sided"),
    GREATER("greater"),
    LESS("less");

    private static final Alternative[] ALL = values();

    private final String sciPyName;

    Alternative(String sciPyName) {
        this.sciPyName = sciPyName;
    }

    /** The alternative that states the same hypothesis with the samples swapped. */
    public Alternative swapped() {
        return switch (this) {
            case TWO_SIDED -> TWO_SIDED;
            case GREATER -> LESS;
            case LESS -> GREATER;
        };
    }

    /** SciPy's spelling: {@code two-sided}, {@code greater} or {@code less}. */
    public String sciPyName() {
        return sciPyName;
    }

    /**
     * Parses SciPy's spelling.
     *
     * @throws IllegalArgumentException on anything else
     */
    public static Alternative fromSciPyName(String name) {
        for (Alternative a : ALL) {
            if (a.sciPyName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown alternative: " + name);
    }
}

package io.crystallize.junit;

import io.crystallize.core.ReusePolicy;
import io.crystallize.artifacts.ResultWriter;
import io.crystallize.base.ConfigurationException;
import io.crystallize.base.Names;
import io.crystallize.definition.ExperimentSettings;
import io.crystallize.plugins.ProgressPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The {@code crystallize.*} configuration parameters, read and checked once: the settings given to
 * every experiment, and what the engine itself does with verdicts and time.
 */
record EngineConfiguration(ExperimentSettings settings, InconclusiveGate inconclusiveGate, Optional<Duration> timeout,
        boolean warnUnselected, boolean report, boolean resume, ForkSettings forks, ClusterKeys cluster) {

    /** A configuration whose executions start afresh (the default of {@link Constants#RESUME}), without forks. */
    EngineConfiguration(ExperimentSettings settings, InconclusiveGate inconclusiveGate, Optional<Duration> timeout,
            boolean warnUnselected, boolean report) {
        this(settings, inconclusiveGate, timeout, warnUnselected, report, false, null, null);
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final String PREFIX = "crystallize.";
    private static final String POSITIVE = "a positive integer, e.g. 10";
    private static final String SEED = "a whole number (a long), e.g. 42";

    /**
     * Reads every key.
     *
     * @throws InvalidConfigurationException naming every key whose value is invalid, with the
     *                                       value and what the key expects
     */
    static EngineConfiguration read(ConfigurationParameters parameters) {
        Reader reader = new Reader(parameters);
        ExperimentSettings defaults = ExperimentSettings.defaults();
        int defaultReplicates = reader.get(Constants.DEFAULT_REPLICATES, POSITIVE, EngineConfiguration::positiveInt)
                .orElse(defaults.defaultReplicates());
        Optional<Integer> replicatesOverride = reader.get(Constants.OVERRIDE_REPLICATES, POSITIVE,
                EngineConfiguration::positiveInt);
        long defaultSeed = reader.get(Constants.DEFAULT_SEED, SEED, Long::parseLong).orElse(defaults.defaultSeed());
        Optional<Long> seedOverride = reader.get(Constants.OVERRIDE_SEED, SEED, Long::parseLong);
        double alpha = reader.get(Constants.DEFAULT_ALPHA, "a number strictly between 0 and 1, e.g. 0.05",
                EngineConfiguration::alpha).orElse(defaults.defaultAlpha());
        Path root = reader.get(Constants.ARTIFACTS_ROOT, "a directory path, e.g. target/crystallize", Path::of)
                .orElse(defaults.artifactRoot());
        int parallelism = reader.get(Constants.PARALLELISM, "a positive integer or auto",
                EngineConfiguration::parallelism).orElse(defaults.parallelism());
        double tolerated = reader.get(Constants.TOLERATED_FAILURES, "a fraction in [0, 1), e.g. 0.1",
                EngineConfiguration::fraction).orElse(defaults.toleratedFailureFraction());
        InconclusiveGate gate = reader.get(Constants.INCONCLUSIVE_GATE, "abort or fail", EngineConfiguration::gate)
                .orElse(InconclusiveGate.ABORT);
        Optional<Duration> timeout = reader.get(Constants.TIMEOUT, "a positive duration, e.g. 90s, 500ms, 5m, 1h "
                + "or PT2M", EngineConfiguration::duration);
        boolean warnUnselected = reader.get(Constants.UNSELECTED, "warn or ignore", EngineConfiguration::warn)
                .orElse(true);
        boolean report = reader.get(Constants.REPORT_ENABLED, "true or false", EngineConfiguration::bool).orElse(true);
        boolean resume = reader.get(Constants.RESUME, "true or false", EngineConfiguration::bool).orElse(false);
        Optional<Duration> progress = reader.get(Constants.PROGRESS, "on, off, or a duration such as 10s",
                EngineConfiguration::progress).orElse(Optional.of(ProgressPlugin.DEFAULT_INTERVAL));
        ReusePolicy reuse = reader.get(Constants.REUSE, "unless-timing, always or never", EngineConfiguration::reuse)
                .orElse(ReusePolicy.UNLESS_TIMING);
        Optional<Integer> forkCount = reader.get(Constants.FORKS, POSITIVE, EngineConfiguration::positiveInt);
        List<String> jvmOptions = reader.get(Constants.FORK_JVM_OPTIONS, "JVM options separated by spaces, e.g. -Xmx1g",
                v -> List.of(v.trim().split("\\s+"))).orElse(List.of());
        int fresh = reader.get(Constants.FRESH_FORKS, "0 or a positive integer, e.g. 3", EngineConfiguration::count)
                .orElse(0);
        ClusterKeys cluster = null;
        Optional<String> clusterName = reader.raw(Constants.CLUSTER);
        if (clusterName.isPresent() && forkCount.isPresent()) {
            reader.problems.add(Constants.CLUSTER + " and " + Constants.FORKS + " are both set: runs go either to "
                    + "forks of this machine or to the cluster, leave one out");
        } else if (clusterName.isPresent() && reader.problems.isEmpty()) {
            try {
                cluster = ClusterKeys.connect(clusterName.get(), reader.raw(Constants.CLUSTER_MEMBERS),
                        reader.raw(Constants.CLUSTER_SECRET), reader.raw(Constants.CLUSTER_WORKERS),
                        Optional.ofNullable(System.getenv(ClusterKeys.ENVIRONMENT_SECRET)).filter(v -> !v.isBlank()));
            } catch (ConfigurationException e) {
                reader.problems.add(e.getMessage());
            }
        }
        if (!reader.problems.isEmpty()) {
            throw new InvalidConfigurationException(reader.problems);
        }
        ForkSettings forks = forkCount.map(n -> new ForkSettings(n, jvmOptions, fresh)).orElse(null);
        ExperimentSettings settings = new ExperimentSettings(defaultReplicates, replicatesOverride, defaultSeed,
                seedOverride, alpha, root, parallelism, tolerated).withProgress(progress.orElse(null)).withReuse(reuse);
        return new EngineConfiguration(settings, gate, timeout, warnUnselected, report, resume, forks, cluster);
    }

    /**
     * One warning per {@code crystallize.*} key this engine does not know (a typo is otherwise
     * silently ignored), with the closest known key.
     */
    static List<String> unknownKeys(ConfigurationParameters parameters) {
        Set<String> known = Constants.keys();
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(parameters.keySet())) {
            if (key.startsWith(PREFIX) && !known.contains(key)) {
                warnings.add("unknown configuration parameter " + key + Names.didYouMean(key, known)
                        + ": it is ignored; the keys are listed in io.crystallize.junit.Constants");
            }
        }
        return warnings;
    }

    /** This configuration with results written through {@code writer} while the next experiment runs. */
    EngineConfiguration withResultWriter(ResultWriter writer) {
        return new EngineConfiguration(settings.withResultWriter(writer), inconclusiveGate, timeout, warnUnselected,
                report, resume, forks, cluster);
    }

    /**
     * This configuration with its forks (when it has any) started for the engine run, which closes
     * them at its end with {@link #closeForks()}.
     */
    EngineConfiguration withForksStarted() {
        return forks == null ? this : new EngineConfiguration(settings, inconclusiveGate, timeout, warnUnselected,
                report, resume, forks.started(), cluster);
    }

    /** Ends the forks {@link #withForksStarted()} started, and leaves the cluster. */
    void closeWorkers() {
        try {
            if (forks != null) {
                forks.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private static int positiveInt(String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return n;
    }

    private static int count(String value) {
        int n = Integer.parseInt(value);
        if (n < 0) {
            throw new IllegalArgumentException("must be at least 0");
        }
        return n;
    }

    private static int parallelism(String value) {
        return "auto".equalsIgnoreCase(value) ? Runtime.getRuntime().availableProcessors() : positiveInt(value);
    }

    private static InconclusiveGate gate(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "abort" -> InconclusiveGate.ABORT;
            case "fail" -> InconclusiveGate.FAIL;
            default -> throw new IllegalArgumentException();
        };
    }

    private static boolean warn(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "warn" -> true;
            case "ignore" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** {@code on}: the default interval; {@code off}: none; else an interval. */
    private static ReusePolicy reuse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "unless-timing" -> ReusePolicy.UNLESS_TIMING;
            case "always" -> ReusePolicy.ALWAYS;
            case "never" -> ReusePolicy.NEVER;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static Optional<Duration> progress(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> Optional.of(ProgressPlugin.DEFAULT_INTERVAL);
            case "off", "false" -> Optional.empty();
            default -> {
                try {
                    yield Optional.of(duration(value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("expected on, off or an interval such as 10s or 500ms");
                }
            }
        };
    }

    private static double alpha(String value) {
        double a = Double.parseDouble(value);
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("must lie strictly between 0 and 1");
        }
        return a;
    }

    private static double fraction(String value) {
        double f = Double.parseDouble(value);
        if (!(f >= 0 && f < 1)) {
            throw new IllegalArgumentException("must lie in [0, 1)");
        }
        return f;
    }

    static Duration duration(String value) {
        Matcher m = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else {
            try {
                d = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException();
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return d;
    }

    /** Reads keys and collects one problem per invalid value. */
    private static final class Reader {
        private final ConfigurationParameters parameters;
        private final List<String> problems = new ArrayList<>();

        Reader(ConfigurationParameters parameters) {
            this.parameters = parameters;
        }

        Optional<String> raw(String key) {
            return parameters.get(key).map(String::trim).filter(v -> !v.isEmpty());
        }

        <T> Optional<T> get(String key, String expected, Function<String, T> parse) {
            Optional<String> raw = parameters.get(key).map(String::trim).filter(v -> !v.isEmpty());
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse.apply(raw.get()));
            } catch (RuntimeException e) {
                problems.add("configuration parameter " + key + "=" + raw.get() + " is invalid: expected " + expected
                        + " (see io.crystallize.junit.Constants)");
                return Optional.empty();
            }
        }
    }

    /** One or more {@code crystallize.*} values cannot be used. */
    static final class InvalidConfigurationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        InvalidConfigurationException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}

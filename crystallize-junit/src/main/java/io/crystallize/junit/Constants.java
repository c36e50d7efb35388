package io.crystallize.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every configuration parameter the {@code crystallize} engine reads. Set them in
 * {@code src/test/resources/junit-platform.properties}, as Surefire
 * {@code <configurationParameters>}, on the console launcher ({@code --config key=value}) or as
 * system properties ({@code -Dkey=value}).
 *
 * <p>Precedence per value: an {@code crystallize.override.*} key beats the annotation attribute,
 * which beats the {@code crystallize.default.*} key, which beats the built-in default. An invalid
 * value fails the {@code crystallize} engine's node once, naming the key, the value and what it
 * expects (other engines' tests still run); a {@code crystallize.*} key not listed here is
 * reported as a warning naming the closest known key.
 */
public final class Constants {

    /**
     * Replicates per condition for experiments whose {@code @Experiment} leaves {@code replicates}
     * unset. Default: {@code 10}. Example: {@code crystallize.default.replicates=30}.
     */
    public static final String DEFAULT_REPLICATES = "crystallize.default.replicates";

    /**
     * Master seed for experiments whose {@code @Experiment} leaves {@code seed} unset. Default:
     * {@code 42}, the core's fixed {@code Seeds.DEFAULT_MASTER_SEED} (never random). Example:
     * {@code crystallize.default.seed=1234}.
     */
    public static final String DEFAULT_SEED = "crystallize.default.seed";

    /**
     * Significance level for hypotheses that leave {@code alpha} unset. Default: {@code 0.05}.
     * Must lie strictly between 0 and 1. Example: {@code crystallize.default.alpha=0.01}.
     */
    public static final String DEFAULT_ALPHA = "crystallize.default.alpha";

    /**
     * Replicates that beat every annotation and default, like a {@code run(replicates)} argument:
     * for a quick CI smoke run. Default: none. Example: {@code crystallize.override.replicates=3}.
     */
    public static final String OVERRIDE_REPLICATES = "crystallize.override.replicates";

    /**
     * Master seed that beats every annotation and default. Default: none. Example:
     * {@code crystallize.override.seed=99}.
     */
    public static final String OVERRIDE_SEED = "crystallize.override.seed";

    /**
     * Root directory of results and artifacts ({@code <root>/<experiment>/v<n>/...}), relative to
     * the working directory unless absolute. Default: {@code target/crystallize}. Example:
     * {@code crystallize.artifacts.root=build/crystallize}.
     */
    public static final String ARTIFACTS_ROOT = "crystallize.artifacts.root";

    /**
     * Worker threads for the runs of one experiment: a positive integer, or {@code auto} for the
     * number of available processors. Default: {@code 1} (serial). Results are identical either
     * way. Example: {@code crystallize.execution.parallelism=auto}.
     */
    public static final String PARALLELISM = "crystallize.execution.parallelism";

    /**
     * Wall-clock limit per experiment execution, upstream experiments it runs first included. When
     * it passes, no further run starts, runs in progress are interrupted, and a run still going a
     * second later is abandoned (sleeping, blocked or spinning: its daemon thread is left to itself
     * and its later output ignored); the finished runs are written, and the experiment fails with a
     * {@code TimeoutException} naming the stuck runs and how far it got. Other tests go on. Accepts
     * ISO-8601 ({@code PT2M}) or a number with unit {@code ms}, {@code s}, {@code m} or {@code h}.
     * Default: none. Example: {@code crystallize.execution.timeout=90s}.
     */
    public static final String TIMEOUT = "crystallize.execution.timeout";

    /**
     * Whether an experiment continues the version an interrupted execution (killed, timed out or
     * cancelled) left, running only the runs it did not finish: {@code true} or {@code false}. Only
     * the newest version is continued, and only when it was started with the same seed, replicate
     * count, conditions, parameters and code; otherwise a new version starts and the log says why.
     * The identity includes each condition's code fingerprint, so runs of changed code are never
     * continued. Upstream experiments the engine runs first resume too. Default: {@code false}
     * (every execution starts a new version). Example: {@code crystallize.resume=true}.
     */
    public static final String RESUME = "crystallize.resume";

    /**
     * Child JVMs that run an experiment's runs, instead of this JVM's threads: a positive integer.
     * Each fork is started with {@code java} from {@code java.home} and this JVM's class path and
     * rebuilds the annotated experiment; results are identical to in-process execution. A fork
     * that exits or is killed while running a run turns that run into a recorded failure and is
     * replaced. Default: none (runs stay in this JVM). Example: {@code crystallize.execution.forks=2}.
     */
    public static final String FORKS = "crystallize.execution.forks";

    /**
     * JVM options of every fork (with {@link #FORKS}), separated by spaces. Default: none. Example:
     * {@code crystallize.execution.forks.jvmOptions=-Xmx1g -XX:+UseSerialGC}.
     */
    public static final String FORK_JVM_OPTIONS = "crystallize.execution.forks.jvmOptions";

    /**
     * For timing experiments (with {@link #FORKS}): spread each condition's replicates over this
     * many fresh forks that run only that condition and then exit, as JMH does, recording metric
     * {@code fork} per run. Default: {@code 0} (forks are reused). Example:
     * {@code crystallize.execution.forks.fresh=3}.
     */
    public static final String FRESH_FORKS = "crystallize.execution.forks.fresh";

    /**
     * The name of a Crystallize cluster whose workers run the experiments' runs instead of this JVM
     * (needs {@code io.crystallize:crystallize-hazelcast} on the test class path, and
     * {@link #CLUSTER_MEMBERS} and {@link #CLUSTER_SECRET}). This JVM joins as a lite member at
     * the first experiment and leaves when the run ends; results are identical to in-process
     * execution. Default: none (runs stay in this JVM). Example: {@code crystallize.execution.cluster=lab}.
     */
    public static final String CLUSTER = "crystallize.execution.cluster";

    /**
     * Addresses of the cluster's members ({@code host} or {@code host:port}), separated by commas.
     * Default: none. Example: {@code crystallize.execution.cluster.members=10.0.0.5:5701,10.0.0.6:5701}.
     */
    public static final String CLUSTER_MEMBERS = "crystallize.execution.cluster.members";

    /**
     * The cluster's shared secret (at least 16 characters). Default: none (then the environment
     * variable {@code CRYSTALLIZE_CLUSTER_SECRET}). Example:
     * {@code crystallize.execution.cluster.secret=...}.
     */
    public static final String CLUSTER_SECRET = "crystallize.execution.cluster.secret";

    /**
     * How many cluster workers to wait for (up to a minute) before an experiment's first run.
     * Default: {@code 1}. Example: {@code crystallize.execution.cluster.workers=3}.
     */
    public static final String CLUSTER_WORKERS = "crystallize.execution.cluster.workers";

    /**
     * What an INCONCLUSIVE verdict does to its test: {@code abort} (reported as aborted/skipped)
     * or {@code fail} (for strict gates). Default: {@code abort}. Example:
     * {@code crystallize.gate.inconclusive=fail}.
     */
    public static final String INCONCLUSIVE_GATE = "crystallize.gate.inconclusive";

    /**
     * Fraction of runs, in [0, 1), a hypothesis may miss (because they failed) and still be
     * verified on the rest. Default: {@code 0} (any failed run makes the verdict ERROR). Example:
     * {@code crystallize.failures.tolerated=0.1}.
     */
    public static final String TOLERATED_FAILURES = "crystallize.failures.tolerated";

    /**
     * Whether to warn about experiments on the test class path that a launch left out because of
     * a build tool's class-name filter (Surefire's {@code <includes>}, the console launcher's
     * {@code --include-classname}): {@code warn} or {@code ignore}, for launches that leave them
     * out on purpose (e.g. Failsafe, or a Surefire execution beside the one that runs them).
     * A launch that chose its tests ({@code -Dtest}, an IDE, a method or unique-id selector) never
     * warns. Default: {@code warn}. Example: {@code crystallize.discovery.unselected=ignore}.
     */
    public static final String UNSELECTED = "crystallize.discovery.unselected";

    /**
     * Whether the engine writes an HTML report of the run (one page per experiment: verdicts,
     * plots, history, configuration, failed runs) and a Markdown summary to
     * {@code <artifacts root>/report/} when it ends, and prints the report's path. It keeps each
     * experiment's result in memory until then. Default: {@code true}. Example:
     * {@code crystallize.report.enabled=false}.
     */
    public static final String REPORT_ENABLED = "crystallize.report.enabled";

    /**
     * Progress lines of long executions on standard output (runs done of the total, rate, time
     * left): {@code on}, {@code off}, or the least time between two lines, e.g. {@code 10s}.
     * Executions shorter than the interval, or than two seconds, print nothing. Default: {@code on}
     * (a line every 5 seconds at most). Example: {@code crystallize.progress=off}.
     */
    public static final String PROGRESS = "crystallize.progress";

    /**
     * Whether a condition whose fingerprint (the code its runs execute, transitively; parameters;
     * seeds; replicates; upstream inputs) equals that of a complete earlier version under the
     * artifacts root takes that version's runs instead of running again: {@code unless-timing}
     * (reuse, except for experiments with warm-ups, interleaving or {@code timed = true}),
     * {@code always}, or {@code never}. {@code @Experiment(reuse = ...)} beats it. Default:
     * {@code unless-timing}. Example: {@code crystallize.reuse=never}.
     */
    public static final String REUSE = "crystallize.reuse";

    private Constants() {
    }

    /** Every key above: the public constant fields, so a new key cannot be left out. */
    static Set<String> keys() {
        return Known.KEYS;
    }

    private static final class Known {
        static final Set<String> KEYS = read();

        private static Set<String> read() {
            Set<String> keys = new TreeSet<>();
            for (Field field : Constants.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        keys.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return Collections.unmodifiableSet(keys);
        }
    }
}

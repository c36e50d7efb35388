package io.crystallize.junit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine node. It holds the configuration, read once at discovery: when a value is invalid,
 * this node fails when executed, once, naming every invalid key, and nothing below it runs (other
 * engines' tests are not affected). Experiments' results are written in the background while the
 * next experiment runs; this node finishes only when all are on disk, and fails, naming each
 * experiment and its version directory, when some could not be written. On platforms without
 * discovery issues it also fails, before any experiment runs, with the errors discovery found.
 * When the run ends it writes the run's report.
 */
final class CrystallizeEngineDescriptor extends EngineDescriptor implements Node<ExecutionContext> {

    private static final Logger LOG = Logger.getLogger("io.crystallize.junit");

    private final EngineConfiguration configuration;
    private final List<String> problems;
    private final Set<String> nameFiltered = new TreeSet<>();
    private SurefireIncludes surefireIncludes;
    private List<String> discoveryErrors = List.of();

    CrystallizeEngineDescriptor(UniqueId uniqueId, ConfigurationParameters parameters) {
        super(uniqueId, "Crystallize");
        EngineConfiguration read = null;
        List<String> invalid = List.of();
        try {
            read = EngineConfiguration.read(parameters);
        } catch (EngineConfiguration.InvalidConfigurationException e) {
            invalid = e.problems();
        }
        this.configuration = read;
        this.problems = invalid;
    }

    /** The configuration, empty when a value is invalid. */
    Optional<EngineConfiguration> configuration() {
        return Optional.ofNullable(configuration);
    }

    /** Experiments the discovery's class-name filters rejected; filled while resolving. */
    Set<String> nameFiltered() {
        return nameFiltered;
    }

    /** Checks at execution, not at discovery: Surefire also discovers each class alone, before it runs them all. */
    void checkSurefireIncludes(SurefireIncludes check) {
        this.surefireIncludes = check;
    }

    @Override
    public ExecutionContext before(ExecutionContext context) {
        if (discoveryFailed()) {
            throw new CannotRunException(discoveryErrors);
        }
        if (configuration == null) {
            throw new EngineConfiguration.InvalidConfigurationException(problems);
        }
        if (surefireIncludes != null) {
            surefireIncludes.warning().filter(Warnings::firstTime).ifPresent(warning -> {
                LOG.warning(warning);
                context.listener().reportingEntryPublished(this, ReportEntry.from("warning", warning));
            });
        }
        return context;
    }

    /** Executing this node fails with {@code errors} (when there are any) before any experiment runs. */
    void failWhenExecuted(List<String> errors) {
        discoveryErrors = List.copyOf(errors);
    }

    boolean discoveryFailed() {
        return !discoveryErrors.isEmpty();
    }

    @Override
    public void after(ExecutionContext context) throws Exception {
        if (context.configuration() == null) {
            return;
        }
        try {
            context.configuration().closeWorkers();
            context.configuration().settings().resultWriter().close();
        } finally {
            RunReport.write(context, System.out, System.err);
        }
    }

    /**
     * Discovery found why the engine cannot run: errors the platform had no way to report, or the
     * platform itself.
     */
    static final class CannotRunException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotRunException(List<String> errors) {
            super(errors.size() == 1 ? errors.get(0)
                    : "crystallize discovery found " + errors.size() + " errors:\n- " + String.join("\n- ", errors));
        }
    }
}

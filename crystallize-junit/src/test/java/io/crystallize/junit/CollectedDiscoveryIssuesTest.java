package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.artifacts.ResultWriter;
import io.crystallize.definition.ExperimentSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** What platforms before 1.13 get instead of discovery issues. */
class CollectedDiscoveryIssuesTest {

    @Test
    void errorsAreKeptOnceEachAndWarningsLoggedOnceEach() {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(CrystallizeTestEngine.class.getName());
        logger.addHandler(handler);
        try {
            CollectedDiscoveryIssues issues = new CollectedDiscoveryIssues();
            issues.error("experiment A cannot run: x", ClassSource.from(String.class), new IllegalStateException());
            issues.error("experiment A cannot run: x", ClassSource.from(String.class), null);
            issues.error("configuration parameter crystallize.default.alpha=2 is invalid", null, null);
            issues.warning("experiment B was compiled without crystallize-processor", null);
            issues.warning("experiment B was compiled without crystallize-processor", null);

            assertThat(issues.undeliveredErrors()).containsExactly("experiment A cannot run: x",
                    "configuration parameter crystallize.default.alpha=2 is invalid");
            assertThat(logged).containsExactly("WARNING crystallize: experiment B was compiled without crystallize-processor");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void theEngineNodeFailsWithTheErrorsBeforeAnyExperimentRuns() throws Exception {
        CrystallizeEngineDescriptor engine = new CrystallizeEngineDescriptor(UniqueId.forEngine("crystallize"),
                new ConfigurationTest.Parameters(java.util.Map.of(), new java.util.concurrent.atomic.AtomicInteger()));
        ExecutionContext context = new ExecutionContext(
                new EngineConfiguration(ExperimentSettings.defaults(), InconclusiveGate.ABORT, Optional.empty(), true,
                        false)
                        .withResultWriter(new ResultWriter()),
                EngineExecutionListener.NOOP, () -> false, Set.of(), null, null);
        assertThat(engine.before(context)).isSameAs(context);

        engine.failWhenExecuted(List.of("first problem", "second problem"));

        assertThat(engine.discoveryFailed()).isTrue();
        assertThatThrownBy(() -> engine.before(context))
                .isInstanceOf(CrystallizeEngineDescriptor.CannotRunException.class)
                .hasMessage("crystallize discovery found 2 errors:\n- first problem\n- second problem");
        context.configuration().settings().resultWriter().close();
    }
}

package io.crystallize.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine node. Experiments' results are written in the background while the next experiment
 * runs; this node finishes only when all are on disk, and fails, naming each experiment and its
 * version directory, when some could not be written. Then it writes the run's report.
 */
final class CrystallizeEngineDescriptor extends EngineDescriptor implements Node<ExecutionContext> {

    CrystallizeEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Crystallize");
    }

    @Override
    public void after(ExecutionContext context) throws Exception {
        try {
            context.configuration().settings().resultWriter().close();
        } finally {
            RunReport.write(context, System.out, System.err);
        }
    }
}

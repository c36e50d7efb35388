package io.crystallize.junit;

import io.crystallize.definition.ExperimentDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** {@code [experiment:<class>]}: runs the experiment for the hypotheses still below it. */
final class ExperimentDescriptor extends AbstractTestDescriptor implements Node<ExecutionContext> {

    static final String SEGMENT = "experiment";

    private final ExperimentDefinition definition;
    private final Set<TestTag> tags;

    ExperimentDescriptor(UniqueId parent, ExperimentDefinition definition) {
        super(parent.append(SEGMENT, definition.experimentClass().getName()), definition.name(),
                ClassSource.from(definition.experimentClass()));
        this.definition = definition;
        this.tags = Tags.of(definition);
    }

    ExperimentDefinition definition() {
        return definition;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return new LinkedHashSet<>(tags);
    }

    @Override
    public String getLegacyReportingName() {
        return definition.experimentClass().getName();
    }

    @Override
    public SkipResult shouldBeSkipped(ExecutionContext context) {
        return definition.disabledReason().map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }

    @Override
    public ExecutionContext execute(ExecutionContext context, DynamicTestExecutor dynamicTestExecutor) throws Exception {
        return context.withRun(new ExperimentExecution(this, context).run());
    }

    @Override
    public void after(ExecutionContext context) throws Exception {
        if (context.hasRun()) {
            printVerdicts(context.run());
            ExperimentExecution.failIfEveryRunFailed(context.run());
        }
    }

    /** The verdict table of the treatment tests below this node, printed and published. */
    private void printVerdicts(ExecutionContext.ExperimentRun run) {
        List<VerdictTable.Test> tests = new ArrayList<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof HypothesisDescriptor hypothesis) {
                for (TestDescriptor grandchild : hypothesis.getChildren()) {
                    if (grandchild instanceof TreatmentDescriptor treatment) {
                        tests.add(new VerdictTable.Test(hypothesis.declaration().name(),
                                hypothesis.declaration().method(), treatment.treatment()));
                    }
                }
            }
        }
        if (!tests.isEmpty()) {
            System.out.print(VerdictTable.of(run.result(), tests));
            System.out.flush();
        }
    }
}

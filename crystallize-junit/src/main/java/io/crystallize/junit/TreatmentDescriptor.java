package io.crystallize.junit;

import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * {@code [treatment:<name>]}: one test per treatment a hypothesis covers, passing only when every
 * metric's verdict for that treatment is SUPPORTED.
 *
 * <p>Its source is the hypothesis method with the treatment in the parameter-types slot
 * ({@link #sourceOf}). Build tools name a test whose method source has parameter types by its
 * legacy reporting name, {@code method[treatment]}, as they do Jupiter's parameterized tests; with
 * the bare method source Surefire named every treatment test of a hypothesis by the method alone
 * and took them for reruns of one test. IDEs find the method by class and name: hypothesis methods
 * cannot be overloaded.
 */
final class TreatmentDescriptor extends AbstractTestDescriptor implements Node<ExecutionContext> {

    static final String SEGMENT = "treatment";

    private final HypothesisDescriptor hypothesis;
    private final String treatment;

    TreatmentDescriptor(HypothesisDescriptor parent, String treatment) {
        super(parent.getUniqueId().append(SEGMENT, treatment), treatment,
                sourceOf(parent.getSource().map(MethodSource.class::cast).orElseThrow(), treatment));
        this.hypothesis = parent;
        this.treatment = treatment;
    }

    /** The hypothesis method's source, its parameter types replaced by the treatment. */
    static MethodSource sourceOf(MethodSource hypothesis, String treatment) {
        return MethodSource.from(hypothesis.getClassName(), hypothesis.getMethodName(), treatment);
    }

    String treatment() {
        return treatment;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return hypothesis.declaration().method() + "[" + treatment + "]";
    }

    @Override
    public Set<TestTag> getTags() {
        return hypothesis.getTags();
    }

    @Override
    public ExecutionContext execute(ExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        ExecutionContext.ExperimentRun run = context.run();
        String name = hypothesis.declaration().name();
        HypothesisResult result = run.result().getHypothesis(name).orElseThrow(() -> new IllegalStateException(
                "the execution of " + run.definition().name() + " verified no hypothesis '" + name + "'"));
        List<Verdict> verdicts = result.verdicts(treatment);
        VerdictReport.publish(this, verdicts, run.result(), context.listener());
        VerdictReport.print(getLegacyReportingName(), verdicts, run.result());
        VerdictGate.enforce(treatment, result, run.result(), context.configuration().inconclusiveGate());
        return context;
    }
}

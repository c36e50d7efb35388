package io.crystallize.junit;

import io.crystallize.definition.HypothesisDeclaration;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** {@code [hypothesis:<method>]}: groups the treatment tests of one hypothesis. */
final class HypothesisDescriptor extends AbstractTestDescriptor implements Node<ExecutionContext> {

    static final String SEGMENT = "hypothesis";

    private final HypothesisDeclaration declaration;
    private final Method method;

    HypothesisDescriptor(ExperimentDescriptor parent, HypothesisDeclaration declaration, Method method) {
        super(parent.getUniqueId().append(SEGMENT, declaration.method()), declaration.method(),
                MethodSource.from(parent.definition().experimentClass(), method));
        this.declaration = declaration;
        this.method = method;
    }

    HypothesisDeclaration declaration() {
        return declaration;
    }

    Method method() {
        return method;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return getParent().map(p -> p.getTags()).map(t -> Set.<TestTag>copyOf(t)).orElse(Set.of());
    }
}

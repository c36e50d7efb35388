package io.crystallize.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentSettings;
import io.crystallize.definition.HypothesisDeclaration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A class shaped like one crystallize-processor generates (its name and interface) but without
 * what the processor puts in one (its model hash, an experiment class of its name) is not taken on
 * its word: its class file is read and what its data source runs is walked, as for any class.
 */
class GeneratedShapeFingerprintTest {

    private static final String ORPHAN = Traversal.internalName(Orphan_CrystallizePipeline.class);

    @Test
    void aClassShapedLikeAGeneratedOneWithoutItsModelIsReadFromItsClassFile() {
        Map<String, String> parts = CodeFingerprint.ofObjects(new Orphan_CrystallizePipeline()).parts();

        assertThat(parts.keySet()).noneSatisfy(k -> assertThat(k).startsWith("generated "));
        assertThat(parts.keySet()).anySatisfy(k -> assertThat(k).startsWith("method " + ORPHAN + ".fetch("));
        // what its data source runs, read from its body
        assertThat(parts.keySet()).anySatisfy(k -> assertThat(k)
                .startsWith("method " + Traversal.internalName(GeneratedShapeFingerprintTest.class) + ".helper("));
    }

    static int helper(int replicate) {
        return replicate * 31 + 7;
    }

    /** No {@code MODEL_HASH} field and no class {@code GeneratedShapeFingerprintTest$Orphan}. */
    public static final class Orphan_CrystallizePipeline implements ExperimentDefinition, DataSource<Integer> {

        @Override
        public Integer fetch(Context context) {
            return helper(context.replicate());
        }

        @Override
        public Class<?> experimentClass() {
            return Orphan_CrystallizePipeline.class;
        }

        @Override
        public String name() {
            return "orphan";
        }

        @Override
        public Set<String> tags() {
            return Set.of();
        }

        @Override
        public Optional<String> disabledReason() {
            return Optional.empty();
        }

        @Override
        public List<String> treatments() {
            return List.of();
        }

        @Override
        public List<HypothesisDeclaration> hypotheses() {
            return List.of();
        }

        @Override
        public List<Class<?>> upstream() {
            return List.of();
        }

        @Override
        public String modelHash() {
            return "none";
        }

        @Override
        public boolean generated() {
            return true;
        }

        @Override
        public Experiment experiment(ExperimentSettings settings) {
            throw new UnsupportedOperationException("a shape only");
        }
    }
}

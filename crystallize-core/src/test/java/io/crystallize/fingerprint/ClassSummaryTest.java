package io.crystallize.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.internal.classfile.ClassFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Method bodies read one at a time, as a traversal asks for them, are those read all at once. */
class ClassSummaryTest {

    @Test
    void methodsReadWhenAskedForEqualThoseReadTogether() {
        byte[] classFile = ClassFiles.read(Traversal.class);
        ClassSummary together = ClassSummary.read(classFile);
        ClassSummary oneByOne = ClassSummary.read(classFile);

        List<ClassSummary.MethodBody> all = together.allMethods();
        assertThat(all).hasSize(together.methods.size()).hasSizeGreaterThan(10);
        List<String> keys = new ArrayList<>(oneByOne.methods.keySet());
        java.util.Collections.reverse(keys);
        for (String key : keys) {
            ClassSummary.MethodBody single = oneByOne.method(key);
            ClassSummary.MethodBody batch = together.method(key);
            assertThat(single.digest()).as(key).isEqualTo(batch.digest());
            assertThat(single.references()).as(key).isEqualTo(batch.references());
            assertThat(single.access()).isEqualTo(oneByOne.methods.get(key));
        }
        assertThat(oneByOne.method("noSuchMethod()V")).isNull();
    }

    @Test
    void readingAheadPassesOverUnknownNamesAndLeavesTheRestToRead() {
        ClassSummary summary = ClassSummary.read(ClassFiles.read(Traversal.class));
        String first = summary.methods.keySet().iterator().next();
        summary.readAhead(List.of(first, "noSuchMethod()V"));
        assertThat(summary.method(first)).isNotNull();
        assertThat(summary.allMethods()).hasSize(summary.methods.size()).doesNotContainNull();
    }
}

package io.crystallize.junit;

import io.crystallize.definition.ExperimentDefinition;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/** An experiment's tags as JUnit tags; invalid ones are reported at discovery, never silently dropped. */
final class Tags {

    private Tags() {
    }

    static Set<TestTag> of(ExperimentDefinition definition) {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (String tag : definition.tags()) {
            if (TestTag.isValid(tag)) {
                tags.add(TestTag.create(tag));
            }
        }
        return tags;
    }

    static Set<String> invalid(ExperimentDefinition definition) {
        Set<String> invalid = new LinkedHashSet<>();
        for (String tag : definition.tags()) {
            if (!TestTag.isValid(tag)) {
                invalid.add(tag);
            }
        }
        return invalid;
    }
}

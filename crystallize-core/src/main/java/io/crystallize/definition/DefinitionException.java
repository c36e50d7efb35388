package io.crystallize.definition;

import java.util.List;

/** An experiment class is declared wrongly; each problem names the element at fault and the fix. */
public final class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Class<?> experimentClass;
    private final List<String> problems;

    public DefinitionException(Class<?> experimentClass, String problem) {
        this(experimentClass, List.of(problem));
    }

    public DefinitionException(Class<?> experimentClass, List<String> problems) {
        super(experimentClass.getName() + ": " + String.join("; ", problems));
        this.experimentClass = experimentClass;
        this.problems = List.copyOf(problems);
    }

    public Class<?> experimentClass() {
        return experimentClass;
    }

    public List<String> problems() {
        return problems;
    }
}

package io.crystallize.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints of fixture classes compiled here with javac and loaded in fresh class loaders. */
class CodeFingerprintTest {

    @TempDir
    Path temp;

    private static final String EXPERIMENT = """
            package fx;
            public class Exp {
                public double run(int x) {
                    int local = x + 1;
                    return Helper.twice(local);
                }
            }
            """;

    private static final String EXPERIMENT_REFORMATTED = """
            package fx;

            public class Exp
            {
                // a comment, blank lines, another name for the local
                public double run(int x)
                {

                    int renamedLocal =
                            x + 1;

                    return Helper.twice(
                            renamedLocal);
                }
            }
            """;

    private static final String HELPER = """
            package fx;
            class Helper {
                static double twice(int v) {
                    return Deep.add(v) * 2;
                }
            }
            """;

    private static String deep(int constant) {
        return """
                package fx;
                class Deep {
                    static double add(int v) {
                        return v + %d;
                    }
                }
                """.formatted(constant);
    }

    private CodeFingerprint fingerprint(String experiment, String deep) throws Exception {
        Path classes = Fixtures.compile(temp, Map.of("fx/Exp.java", experiment, "fx/Helper.java", HELPER,
                "fx/Deep.java", deep));
        try (URLClassLoader loader = Fixtures.loader(classes)) {
            return CodeFingerprint.ofMethod(loader.loadClass("fx.Exp"), "run");
        }
    }

    @Test
    void aConstantChangedTwoCallsDownChangesTheFingerprint() throws Exception {
        CodeFingerprint before = fingerprint(EXPERIMENT, deep(42));
        CodeFingerprint after = fingerprint(EXPERIMENT, deep(43));

        assertThat(after).isNotEqualTo(before);
        // the difference is the helper's helper, which the walk reached
        assertThat(before.parts()).containsKey("method fx/Deep.add(I)D");
        assertThat(after.parts().get("method fx/Deep.add(I)D")).isNotEqualTo(before.parts().get("method fx/Deep.add(I)D"));
        assertThat(after.parts().get("method fx/Exp.run(I)D")).isEqualTo(before.parts().get("method fx/Exp.run(I)D"));
    }

    @Test
    void reformattedSourceAndARenamedLocalKeepTheFingerprint() throws Exception {
        CodeFingerprint original = fingerprint(EXPERIMENT, deep(42));
        CodeFingerprint reformatted = fingerprint(EXPERIMENT_REFORMATTED, deep(42));

        assertThat(reformatted).isEqualTo(original);
        assertThat(reformatted.parts()).isEqualTo(original.parts());
    }

    @Test
    void compilingTheSameSourceTwiceGivesTheSameFingerprint() throws Exception {
        assertThat(fingerprint(EXPERIMENT, deep(42))).isEqualTo(fingerprint(EXPERIMENT, deep(42)));
    }

    @Test
    void aChangedDependencyVersionChangesTheFingerprintWithoutReadingTheJar() throws Exception {
        String lib = """
                package lib;
                public class Lib {
                    public static int f(int v) { return v * %d; }
                }
                """;
        Path v1 = Fixtures.jar(temp, Fixtures.compile(temp, Map.of("lib/Lib.java", lib.formatted(3))), "lib-1.0.jar");
        Path v2 = Fixtures.jar(temp, Fixtures.compile(temp, Map.of("lib/Lib.java", lib.formatted(3))), "lib-1.1.jar");
        String user = """
                package fx;
                public class UsesLib {
                    public int run(int x) { return lib.Lib.f(x) + 1; }
                }
                """;
        Path classes1 = Fixtures.compile(temp, Map.of("fx/UsesLib.java", user), v1);
        Path classes2 = Fixtures.compile(temp, Map.of("fx/UsesLib.java", user), v2);
        CodeFingerprint withV1;
        CodeFingerprint withV1Again;
        CodeFingerprint withV2;
        try (URLClassLoader loader = Fixtures.loader(classes1, v1)) {
            withV1 = CodeFingerprint.ofMethod(loader.loadClass("fx.UsesLib"), "run");
        }
        try (URLClassLoader loader = Fixtures.loader(classes1, v1)) {
            withV1Again = CodeFingerprint.ofMethod(loader.loadClass("fx.UsesLib"), "run");
        }
        try (URLClassLoader loader = Fixtures.loader(classes2, v2)) {
            withV2 = CodeFingerprint.ofMethod(loader.loadClass("fx.UsesLib"), "run");
        }

        assertThat(withV1).isEqualTo(withV1Again);
        assertThat(withV2).isNotEqualTo(withV1);
        assertThat(withV1.parts().keySet()).anyMatch(k -> k.startsWith("library jar lib-1.0.jar"))
                .noneMatch(k -> k.startsWith("method lib/"));
    }

    @Test
    void codeReachedThroughAnInterfaceOfAnInstantiatedClassCounts() throws Exception {
        String source = """
                package fx;
                public class Poly {
                    interface Shape { double area(); }
                    static final class Square implements Shape {
                        public double area() { return %d.0; }
                    }
                    public double run() {
                        Shape s = new Square();
                        return s.area();
                    }
                }
                """;
        Path one = Fixtures.compile(temp, Map.of("fx/Poly.java", source.formatted(4)));
        Path two = Fixtures.compile(temp, Map.of("fx/Poly.java", source.formatted(9)));
        CodeFingerprint first;
        CodeFingerprint second;
        try (URLClassLoader loader = Fixtures.loader(one)) {
            first = CodeFingerprint.ofMethod(loader.loadClass("fx.Poly"), "run");
        }
        try (URLClassLoader loader = Fixtures.loader(two)) {
            second = CodeFingerprint.ofMethod(loader.loadClass("fx.Poly"), "run");
        }
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aLambdaIsFingerprintedByItsOwnBodyWhenItsShapeIsUnique() throws Exception {
        String source = """
                package fx;
                import java.util.function.IntUnaryOperator;
                import java.util.function.DoubleSupplier;
                public class Lambdas {
                    public static IntUnaryOperator first() { return v -> v + %d; }
                    public static DoubleSupplier second() { return () -> %d.5; }
                }
                """;
        Path a = Fixtures.compile(temp, Map.of("fx/Lambdas.java", source.formatted(1, 2)));
        Path b = Fixtures.compile(temp, Map.of("fx/Lambdas.java", source.formatted(1, 3)));
        CodeFingerprint firstA;
        CodeFingerprint secondA;
        CodeFingerprint firstB;
        CodeFingerprint secondB;
        try (URLClassLoader loader = Fixtures.loader(a)) {
            Class<?> type = loader.loadClass("fx.Lambdas");
            firstA = CodeFingerprint.ofObjects(type.getMethod("first").invoke(null));
            secondA = CodeFingerprint.ofObjects(type.getMethod("second").invoke(null));
        }
        try (URLClassLoader loader = Fixtures.loader(b)) {
            Class<?> type = loader.loadClass("fx.Lambdas");
            firstB = CodeFingerprint.ofObjects(type.getMethod("first").invoke(null));
            secondB = CodeFingerprint.ofObjects(type.getMethod("second").invoke(null));
        }
        assertThat(firstB).as("the unchanged lambda").isEqualTo(firstA);
        assertThat(secondB).as("the changed lambda").isNotEqualTo(secondA);
    }
    @Test
    void codeTakenFromTheLoadersEarlierWalksEqualsAFreshWalk() throws Exception {
        String one = """
                package fx;
                public class One {
                    public double run(int x) { return Helper.twice(x); }
                }
                """;
        String two = """
                package fx;
                public class Two {
                    public double run(int x) { return Helper.twice(x) + Deep.add(x); }
                }
                """;
        Path classes = Fixtures.compile(temp, Map.of("fx/One.java", one, "fx/Two.java", two,
                "fx/Helper.java", HELPER, "fx/Deep.java", deep(42)));
        try (URLClassLoader loader = Fixtures.loader(classes)) {
            Object first = loader.loadClass("fx.One").getConstructor().newInstance();
            Object second = loader.loadClass("fx.Two").getConstructor().newInstance();
            CodeFingerprint secondAlone = CodeFingerprint.ofObjects(second);
            CodeFingerprint firstAlone = CodeFingerprint.ofObjects(first);
            CodeFingerprint both = CodeFingerprint.ofObjects(first, second);
            CodeFingerprint firstAgain = CodeFingerprint.ofObjects(first);

            // ofClass walks the class files every time: the remembered walks must give what it gives
            CodeFingerprint firstWalked = CodeFingerprint.ofClass(first.getClass());
            CodeFingerprint secondWalked = CodeFingerprint.ofClass(second.getClass());
            assertThat(firstAlone.parts()).isEqualTo(firstWalked.parts());
            assertThat(firstAlone).isEqualTo(firstWalked);
            assertThat(firstAgain).isEqualTo(firstAlone);
            assertThat(secondAlone.parts()).isEqualTo(secondWalked.parts()).containsKey("method fx/Deep.add(I)D");
            Map<String, String> union = new java.util.TreeMap<>(firstWalked.parts());
            union.putAll(secondWalked.parts());
            assertThat(both.parts()).isEqualTo(union);
            assertThat(both).isNotEqualTo(firstAlone).isNotEqualTo(secondAlone);

            // the digest continued from the index's digest of the roots' code, with values after it,
            // is the digest of all parts' lines
            Traversal withValues = new Traversal(ClassIndex.of(loader)).object(second).object(first)
                    .value("replicates", "10").value("experiment", "fx");
            StringBuilder lines = new StringBuilder();
            withValues.parts().forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
            assertThat(withValues.parts()).containsKeys("value replicates", "method fx/One.run(I)D");
            assertThat(withValues.digest()).isEqualTo(Digests.sha256(lines.toString()));
            assertThat(new Traversal(ClassIndex.of(loader)).object(first).object(second).value("replicates", "11")
                    .value("experiment", "fx").digest()).isNotEqualTo(withValues.digest());
        }
    }
}

package io.crystallize.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mvn test} costs a developer, Maven included: a module of 20 experiments (compiled
 * with the processor, run by the engine under Surefire, results written under {@code target})
 * against a module of 20 equivalent Jupiter classes, the same plugins and versions in both. Both
 * are compiled first, so the measured {@code mvn -q test} is a run of an up-to-date build; then the
 * two alternate, one of each per repetition, after one unmeasured pair.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.crystallize.benchmarks.MavenColdStart <work dir>
 * <repetitions> [mvn arguments, e.g. -o -Dmaven.repo.local=...]}. The crystallize artifacts of the
 * version this jar was built from must be installed in the local repository Maven uses
 * ({@code mvn install -DskipTests -pl crystallize-junit -am}; {@code benchmarks/run.sh} does it).
 */
public final class MavenColdStart {

    static final int CLASSES = 20;
    private static final String JUNIT_VERSION = "6.1.3";

    private MavenColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        int repetitions = Integer.parseInt(args[1]);
        String version = crystallizeVersion();
        List<String> mavenArgs = List.of(args).subList(2, args.length);
        Path experiments = project(work.resolve("experiments-module"), version, true);
        Path jupiter = project(work.resolve("jupiter-module"), version, false);
        Processes.run(maven("test-compile", mavenArgs), experiments);
        Processes.run(maven("test-compile", mavenArgs), jupiter);
        String loadBefore = ColdStart.loadAverage();
        Processes.Pair pair = alternate(repetitions, maven("test", mavenArgs), experiments, jupiter);
        pair.print("maven.test_" + CLASSES, "crystallize", "jupiter");
        System.out.println("maven.load_average " + loadBefore + " -> " + ColdStart.loadAverage());
    }

    /** The version of crystallize-core this jar holds, from the Maven metadata the build put in it. */
    static String crystallizeVersion() throws IOException {
        try (var in = MavenColdStart.class.getResourceAsStream("/META-INF/maven/io.crystallize/crystallize-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("no crystallize-core pom.properties on the class path: run from benchmarks.jar");
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private static Processes.Pair alternate(int repetitions, List<String> command, Path candidate, Path baseline)
            throws IOException, InterruptedException {
        Processes.run(command, candidate);
        Processes.run(command, baseline);
        double[] candidateTimes = new double[repetitions];
        double[] baselineTimes = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            candidateTimes[i] = Processes.run(command, candidate);
            baselineTimes[i] = Processes.run(command, baseline);
        }
        return new Processes.Pair(candidateTimes, baselineTimes);
    }

    private static List<String> maven(String phase, List<String> mavenArgs) {
        // every repetition computes its runs, as a first pass does: no reuse of the previous repetition's
        // results (what reuse saves is measured by Rerun)
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-q", phase, "-Dcrystallize.reuse=never"));
        command.addAll(mavenArgs);
        return command;
    }

    static Path project(Path dir, String version, boolean crystallize) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/test/java/bench"));
        for (int i = 0; i < CLASSES; i++) {
            if (crystallize) {
                Files.writeString(sources.resolve("Bench" + i + "Experiment.java"), EngineBenchmark.experimentSource(i)
                        .replace("class Experiment" + i + " ", "class Bench" + i + "Experiment "));
            } else {
                Files.writeString(sources.resolve("Jupiter" + i + "Test.java"), EngineBenchmark.jupiterSource(i));
            }
        }
        Files.writeString(dir.resolve("pom.xml"),
                pom(crystallize ? "experiments-module" : "jupiter-module", version, crystallize));
        return dir;
    }

    /** A test-only module: crystallize's engine and processor, or (without) Jupiter and crystallize-core. */
    static String pom(String artifactId, String version, boolean crystallize) {
        String dependencies = crystallize ? dependency("io.crystallize", "crystallize-junit", "${crystallize.version}")
                : dependency("io.crystallize", "crystallize-core", "${crystallize.version}")
                        + dependency("org.junit.jupiter", "junit-jupiter", null);
        String processor = crystallize ? """
                                <configuration>
                                    <annotationProcessorPaths>
                                        <path>
                                            <groupId>io.crystallize</groupId>
                                            <artifactId>crystallize-processor</artifactId>
                                            <version>${crystallize.version}</version>
                                        </path>
                                    </annotationProcessorPaths>
                                </configuration>
                """ : "";
        String includes = crystallize ? """
                                <configuration>
                                    <includes>
                                        <include>**/*Experiment.java</include>
                                    </includes>
                                </configuration>
                """ : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>bench</groupId>
                    <artifactId>%s</artifactId>
                    <version>1</version>
                    <properties>
                        <maven.compiler.release>17</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                        <crystallize.version>%s</crystallize.version>
                    </properties>
                    <dependencyManagement>
                        <dependencies>
                            <dependency>
                                <groupId>org.junit</groupId>
                                <artifactId>junit-bom</artifactId>
                                <version>%s</version>
                                <type>pom</type>
                                <scope>import</scope>
                            </dependency>
                        </dependencies>
                    </dependencyManagement>
                    <dependencies>
                %s    </dependencies>
                    <build>
                        <plugins>
                            <plugin>
                                <groupId>org.apache.maven.plugins</groupId>
                                <artifactId>maven-resources-plugin</artifactId>
                                <version>3.3.1</version>
                            </plugin>
                            <plugin>
                                <groupId>org.apache.maven.plugins</groupId>
                                <artifactId>maven-compiler-plugin</artifactId>
                                <version>3.14.0</version>
                %s            </plugin>
                            <plugin>
                                <groupId>org.apache.maven.plugins</groupId>
                                <artifactId>maven-surefire-plugin</artifactId>
                                <version>3.5.4</version>
                %s            </plugin>
                        </plugins>
                    </build>
                </project>
                """.formatted(artifactId, version, JUNIT_VERSION,
                dependencies, processor, includes);
    }

    private static String dependency(String group, String artifact, String version) {
        return """
                        <dependency>
                            <groupId>%s</groupId>
                            <artifactId>%s</artifactId>
                %s            <scope>test</scope>
                        </dependency>
                """.formatted(group, artifact, version == null ? "" : "            <version>" + version + "</version>\n");
    }
}

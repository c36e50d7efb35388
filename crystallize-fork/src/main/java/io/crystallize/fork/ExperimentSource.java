package io.crystallize.fork;

import io.crystallize.base.ConfigurationException;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Plugin;
import io.crystallize.core.Step;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.ExperimentSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a worker JVM builds the same experiment as the JVM that runs it: an annotated
 * {@code @Experiment} class, loaded by name (with the results root its upstream artifacts are read
 * from), or a factory class with a public no-arg constructor implementing
 * {@code Supplier<Experiment>} for experiments built in code. Only class names travel to workers:
 * a worker runs nothing but classes on its own class path.
 *
 * @param kind      {@code annotated} or {@code factory}
 * @param className the annotated experiment class, or the factory class
 * @param root      results root of an annotated experiment (where its upstream artifacts are), or {@code null}
 */
public record ExperimentSource(String kind, String className, String root) {

    static final String ANNOTATED = "annotated";
    static final String FACTORY = "factory";

    public ExperimentSource {
        if (!ANNOTATED.equals(kind) && !FACTORY.equals(kind)) {
            throw new ConfigurationException("experiment source kind '" + kind + "' is unknown: use "
                    + "ExperimentSource.annotated(...) or ExperimentSource.factory(...)");
        }
        if (className == null || className.isBlank()) {
            throw new ConfigurationException("an experiment source needs a class name");
        }
    }

    /** An annotated experiment class, its upstream artifacts read from {@code root}. */
    public static ExperimentSource annotated(Class<?> experimentClass, Path root) {
        return new ExperimentSource(ANNOTATED, experimentClass.getName(), root == null ? null : root.toString());
    }

    /** A factory building the experiment in code: a public class with a public no-arg constructor. */
    public static ExperimentSource factory(Class<? extends Supplier<Experiment>> factoryClass) {
        return new ExperimentSource(FACTORY, factoryClass.getName(), null);
    }

    /**
     * Builds the experiment in this JVM.
     *
     * @throws ConfigurationException naming the class and the fix when it cannot be built
     */
    public Experiment rebuild() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type;
        try {
            type = Class.forName(className, true, loader != null ? loader : ExperimentSource.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException(kind + " class " + className + " cannot be loaded in the worker (" + e
                    + "): start workers with the class path of the tests that hold it");
        }
        if (ANNOTATED.equals(kind)) {
            if (!ExperimentDefinitions.isExperiment(type)) {
                throw new ConfigurationException(className + " is not annotated @Experiment: name an annotated "
                        + "experiment class, or use ExperimentSource.factory(...) for an experiment built in code");
            }
            ExperimentSettings settings = ExperimentSettings.defaults();
            if (root != null) {
                settings = settings.withArtifactRoot(Path.of(root));
            }
            return ExperimentDefinitions.load(type).definition().experiment(settings);
        }
        if (!Supplier.class.isAssignableFrom(type)) {
            throw new ConfigurationException("factory class " + className + " does not implement "
                    + "Supplier<Experiment>: implement it, returning the experiment built as in the calling JVM");
        }
        Object factory;
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            factory = constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigurationException("factory class " + className + " has no no-arg constructor: give it "
                    + "one, so a worker JVM can make it");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigurationException("factory class " + className + " could not be made in the worker ("
                    + cause + "): its no-arg constructor must work in a fresh JVM");
        }
        Object built = ((Supplier<?>) factory).get();
        if (!(built instanceof Experiment experiment)) {
            throw new ConfigurationException("factory class " + className + " returned "
                    + (built == null ? "null" : built.getClass().getName()) + " instead of an Experiment");
        }
        return experiment;
    }

    /**
     * A hash of the class files the experiment runs: the source class, each step's, the data
     * source's and each plugin's class. Two JVMs with the same hash run the same build of the
     * experiment; classes without a class file (lambdas) are covered by the class that defines them.
     */
    public static String fingerprint(Experiment experiment, String sourceClass) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            classes.add(Class.forName(sourceClass, false, loader != null ? loader : ExperimentSource.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            // hashed from the classes below alone
        }
        for (Step<?, ?> step : experiment.pipeline().steps()) {
            classes.add(step.getClass());
        }
        DataSource<?> source = experiment.dataSource();
        classes.add(source.getClass());
        for (Plugin plugin : experiment.plugins()) {
            classes.add(plugin.getClass());
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> type : classes) {
            if (type.isHidden()) {
                continue; // a lambda: its name differs per JVM, and its code is in the class that defines it
            }
            digest.update(type.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String resource = type.getName().replace('.', '/') + ".class";
            ClassLoader owner = type.getClassLoader();
            try (InputStream in = owner == null ? ClassLoader.getSystemResourceAsStream(resource)
                    : owner.getResourceAsStream(resource)) {
                if (in != null) {
                    digest.update(in.readAllBytes());
                }
            } catch (IOException e) {
                digest.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}

package io.crystallize.internal.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An annotated experiment class. Members are in declaration order.
 *
 * @param type           the class (canonical name)
 * @param binaryName     the class's binary name ({@code Class.getName()})
 * @param packageName    its package, empty for the unnamed package
 * @param name           the experiment's name ({@code @Experiment.name()} or the simple name)
 * @param replicates     as annotated, possibly {@link io.crystallize.annotation.Experiment#UNSET}
 * @param seed           as annotated, possibly {@link io.crystallize.annotation.Experiment#UNSET_SEED}
 * @param warmupReplicates replicates run first and left out of the results
 * @param interleaved    whether the condition order rotates per replicate
 * @param disabledReason the {@code @Disabled} reason, or {@code null} when enabled
 * @param instantiable   whether each run can make a fresh instance: a concrete, non-private,
 *                       non-generic top-level or static nested class with a non-private
 *                       no-argument constructor
 */
public record ExperimentModel(TypeRef type, String binaryName, String packageName, String name, int replicates,
        long seed, int warmupReplicates, boolean interleaved, List<String> tags, String disabledReason, boolean instantiable, List<ParamModel> params,
        List<DataSourceModel> dataSources, List<StepModel> steps, List<TreatmentModel> treatments,
        List<HypothesisModel> hypotheses) {

    /** Suffix of the class the processor generates for each experiment. */
    public static final String GENERATED_SUFFIX = "_CrystallizePipeline";

    public ExperimentModel {
        tags = List.copyOf(tags);
        params = List.copyOf(params);
        dataSources = List.copyOf(dataSources);
        steps = List.copyOf(steps);
        treatments = List.copyOf(treatments);
        hypotheses = List.copyOf(hypotheses);
    }

    /** The simple name of the generated class ({@code Outer$Inner_CrystallizePipeline} for nested classes). */
    public String generatedSimpleName() {
        String binary = packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1);
        return binary + GENERATED_SUFFIX;
    }

    public List<String> treatmentNames() {
        return treatments.stream().map(TreatmentModel::name).toList();
    }

    /**
     * A stable hash of everything in this model: two front ends reading the same class give the
     * same hash; a generated class whose hash differs from the class's current model is stale.
     */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ModelText.of(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

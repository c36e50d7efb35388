package io.crystallize.hazelcast;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.crystallize.core.RunTask;
import io.crystallize.fork.ExperimentSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One run sent to a worker member: which execution, how to rebuild the experiment (class names
 * only), the driver's build fingerprint, the task, and an HMAC of all that under the cluster's
 * secret. Serialized field by field (no Java serialization), so a worker constructs nothing but
 * this class from what arrives.
 */
final class RunOnMember implements Callable<byte[]>, IdentifiedDataSerializable {

    static final int FACTORY_ID = 0x43525953; // "CRYS"
    static final int CLASS_ID = 1;

    String execution;
    String kind;
    String className;
    String root;
    String experiment;
    List<String> conditions;
    String fingerprint;
    long maxOutcomeBytes;
    int index;
    String condition;
    int replicate;
    long seed;
    String mac;

    RunOnMember() {
    }

    RunOnMember(String execution, ExperimentSource source, String experiment, List<String> conditions,
            String fingerprint, long maxOutcomeBytes, RunTask task, ClusterSettings settings) {
        this.execution = execution;
        this.kind = source.kind();
        this.className = source.className();
        this.root = source.root();
        this.experiment = experiment;
        this.conditions = List.copyOf(conditions);
        this.fingerprint = fingerprint;
        this.maxOutcomeBytes = maxOutcomeBytes;
        this.index = task.index();
        this.condition = task.condition();
        this.replicate = task.replicate();
        this.seed = task.seed();
        this.mac = settings.sign(content());
    }

    /** Everything the MAC covers, unambiguously joined. */
    String content() {
        return String.join("\u0000", execution, kind, className, String.valueOf(root), experiment,
                String.join("\u0001", conditions), fingerprint, Long.toString(maxOutcomeBytes), Integer.toString(index),
                condition, Integer.toString(replicate), Long.toString(seed));
    }

    RunTask task() {
        return new RunTask(index, condition, replicate, seed);
    }

    ExperimentSource source() {
        return new ExperimentSource(kind, className, root);
    }

    @Override
    public byte[] call() {
        return ClusterWorker.current().run(this);
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(execution);
        out.writeString(kind);
        out.writeString(className);
        out.writeString(root);
        out.writeString(experiment);
        out.writeInt(conditions.size());
        for (String c : conditions) {
            out.writeString(c);
        }
        out.writeString(fingerprint);
        out.writeLong(maxOutcomeBytes);
        out.writeInt(index);
        out.writeString(condition);
        out.writeInt(replicate);
        out.writeLong(seed);
        out.writeString(mac);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        execution = in.readString();
        kind = in.readString();
        className = in.readString();
        root = in.readString();
        experiment = in.readString();
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("a task with " + n + " conditions is not one a driver sends");
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readString());
        }
        conditions = List.copyOf(names);
        fingerprint = in.readString();
        maxOutcomeBytes = in.readLong();
        index = in.readInt();
        condition = in.readString();
        replicate = in.readInt();
        seed = in.readLong();
        mac = in.readString();
    }

    /** Makes {@link RunOnMember}s, and only them, from the wire. */
    static final class Factory implements DataSerializableFactory {
        @Override
        public IdentifiedDataSerializable create(int typeId) {
            return typeId == CLASS_ID ? new RunOnMember() : null;
        }
    }
}

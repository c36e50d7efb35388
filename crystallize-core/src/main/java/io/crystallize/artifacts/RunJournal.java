package io.crystallize.artifacts;

import io.crystallize.core.FinishedRun;
import io.crystallize.core.RunIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The runs of one version that finished so far, kept as they finish in an append-only file in the
 * version directory: a header record with the execution's {@link RunIdentity} and conditions, then
 * one record per finished run (and one per metric name, the first time a name appears).
 *
 * <p>Each record is {@code [length][CRC-32 of the payload][payload]}. The file is written through
 * a shared memory mapping, so a record is in the operating system's page cache as soon as it is
 * copied there, without a system call per run: a killed process loses nothing it wrote. The length
 * is written last; a reader stops at the first record whose length is zero, runs past the end of
 * the file or whose checksum does not match (a torn record of a process killed while writing it),
 * and takes every record before it. The journal is removed once the version is complete, and kept
 * when the execution was stopped, so that it can be resumed.
 */
final class RunJournal implements AutoCloseable {

    static final String FILE = ".crystallize_runs";

    private static final byte HEADER = 1;
    private static final byte NAME = 2;
    private static final byte RUN = 3;
    private static final int FORMAT = 1;
    private static final int FIRST_REGION = 16 * 1024;
    private static final int LARGEST_REGION = 64 * 1024 * 1024;
    /** A guess of a run's record: a few metrics of one value each. */
    private static final int BYTES_PER_RUN = 64;
    /** A payload larger than this is not one of ours: the reader stops there. */
    private static final int LARGEST_RECORD = 64 * 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Integer> conditions = new HashMap<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final CRC32 crc = new CRC32();
    private ByteBuffer scratch = ByteBuffer.allocate(256);
    private int[] nameIds = new int[4];
    private MappedByteBuffer region;
    private long regionStart;
    private int regionSize = FIRST_REGION;
    /** The file offset where the next record goes. */
    private long end;
    private boolean closed;

    private RunJournal(Path file, FileChannel channel, List<String> conditionNames) {
        this.file = file;
        this.channel = channel;
        for (int c = 0; c < conditionNames.size(); c++) {
            conditions.put(conditionNames.get(c), c);
        }
    }

    /**
     * Starts the journal of a version, replacing any there, with room mapped for about
     * {@code expectedRuns} runs: mapping is the costly part of growing it (a run's record is copied
     * in tens of nanoseconds, a mapping takes hundreds of microseconds on a loaded machine), and
     * pages are only allocated when written.
     */
    static RunJournal create(Path versionDir, RunIdentity identity, List<String> conditions, int expectedRuns)
            throws IOException {
        Path file = versionDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        RunJournal journal = new RunJournal(file, channel, conditions);
        journal.regionSize = (int) Math.min(LARGEST_REGION, Math.max(FIRST_REGION, (long) expectedRuns * BYTES_PER_RUN));
        try {
            // written and read without Jackson: a resume reads it before anything else needs a JSON reader
            List<byte[]> texts = new ArrayList<>();
            identity.fields().forEach((name, value) -> {
                texts.add(name.getBytes(StandardCharsets.UTF_8));
                texts.add(value.getBytes(StandardCharsets.UTF_8));
            });
            conditions.forEach(condition -> texts.add(condition.getBytes(StandardCharsets.UTF_8)));
            int size = 1 + 4 + 4 + 4;
            for (byte[] text : texts) {
                size += 4 + text.length;
            }
            ByteBuffer payload = journal.payload(size);
            payload.put(HEADER).putInt(FORMAT).putInt(identity.fields().size()).putInt(conditions.size());
            for (byte[] text : texts) {
                payload.putInt(text.length).put(text);
            }
            journal.append(payload);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /** What a journal holds: the identity of its execution and the runs it kept. */
    record Contents(RunIdentity identity, List<String> conditions, List<FinishedRun> runs, long validEnd,
            Map<String, Integer> names) {
    }

    /**
     * Reads the journal of {@code versionDir}; {@code null} when it has none or its header cannot
     * be read. Records after the first damaged one (a torn tail) are ignored.
     */
    static Contents read(Path versionDir) throws IOException {
        Path file = versionDir.resolve(FILE);
        ByteBuffer in;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                return null;
            }
            // mapped, not read: a journal is mostly the zeros after its last record
            in = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
        } catch (NoSuchFileException e) {
            return null;
        }
        CRC32 check = new CRC32();
        RunIdentity identity = null;
        List<String> conditions = null;
        Map<Integer, String> nameById = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, FinishedRun> runs = new LinkedHashMap<>(); // a run kept twice is one run
        long validEnd = 0;
        while (in.remaining() >= 8) {
            int start = in.position();
            int length = in.getInt();
            int sum = in.getInt();
            if (length <= 0 || length > LARGEST_RECORD || length > in.remaining()) {
                break;
            }
            check.reset();
            check.update(in.slice(in.position(), length));
            if ((int) check.getValue() != sum) {
                break;
            }
            ByteBuffer payload = in.slice(in.position(), length);
            in.position(in.position() + length);
            try {
                byte type = payload.get();
                if (identity == null) {
                    if (type != HEADER) {
                        return null;
                    }
                    if (payload.getInt() != FORMAT) {
                        return null;
                    }
                    int fieldCount = payload.getInt();
                    int conditionCount = payload.getInt();
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 0; i < fieldCount; i++) {
                        fields.put(string(payload), string(payload));
                    }
                    List<String> conditionNames = new ArrayList<>(conditionCount);
                    for (int i = 0; i < conditionCount; i++) {
                        conditionNames.add(string(payload));
                    }
                    identity = RunIdentity.of(fields);
                    conditions = List.copyOf(conditionNames);
                } else if (type == NAME) {
                    int id = payload.getInt();
                    String name = string(payload);
                    nameById.put(id, name);
                    names.put(name, id);
                } else if (type == RUN) {
                    FinishedRun run = run(payload, conditions, nameById);
                    runs.put(run.replicate() + "/" + run.condition(), run);
                } else {
                    break;
                }
            } catch (RuntimeException damaged) {
                in.position(start);
                break; // a record that checks out but cannot be read is not ours: stop as at a torn one
            }
            validEnd = in.position();
        }
        if (identity == null) {
            return null;
        }
        return new Contents(identity, conditions, List.copyOf(runs.values()), validEnd, names);
    }

    private static FinishedRun run(ByteBuffer payload, List<String> conditions, Map<Integer, String> nameById) {
        String condition = conditions.get(payload.getInt());
        int replicate = payload.getInt();
        int metricCount = payload.getInt();
        List<String> metricNames = new ArrayList<>(metricCount);
        List<double[]> values = new ArrayList<>(metricCount);
        for (int i = 0; i < metricCount; i++) {
            String name = nameById.get(payload.getInt());
            if (name == null) {
                throw new IllegalStateException("a run names a metric the journal never defined");
            }
            double[] v = new double[payload.getInt()];
            for (int j = 0; j < v.length; j++) {
                v[j] = Double.longBitsToDouble(payload.getLong());
            }
            metricNames.add(name);
            values.add(v);
        }
        int artifactCount = payload.getInt();
        List<Path> artifacts = new ArrayList<>(artifactCount);
        for (int i = 0; i < artifactCount; i++) {
            artifacts.add(Path.of(string(payload)));
        }
        return FinishedRun.of(condition, replicate, metricNames, values, artifacts);
    }

    /**
     * Continues the journal {@code contents} was read from: records go after its last valid one,
     * and whatever followed it (a torn record) is cleared.
     */
    static RunJournal reopen(Path versionDir, Contents contents, int expectedRuns) throws IOException {
        Path file = versionDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        RunJournal journal = new RunJournal(file, channel, contents.conditions());
        journal.regionSize = (int) Math.min(LARGEST_REGION, Math.max(FIRST_REGION, (long) expectedRuns * BYTES_PER_RUN));
        try {
            channel.truncate(contents.validEnd());
            journal.end = contents.validEnd();
            journal.names.putAll(contents.names());
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /** Keeps a finished run: when this returns, a kill of the process no longer loses it. */
    synchronized void append(FinishedRun run) throws IOException {
        if (closed) {
            return;
        }
        Integer condition = conditions.get(run.condition());
        if (condition == null) {
            throw new IllegalArgumentException("condition '" + run.condition() + "' is not one of this version's");
        }
        int metricCount = run.metricCount();
        int size = 1 + 12 + 4;
        if (nameIds.length < metricCount) {
            nameIds = new int[Math.max(metricCount, nameIds.length * 2)];
        }
        for (int i = 0; i < metricCount; i++) {
            String name = run.metricName(i);
            Integer id = names.get(name);
            nameIds[i] = id != null ? id : defineName(name);
            size += 8 + 8 * run.valueCount(i);
        }
        List<Path> artifacts = run.artifacts();
        List<byte[]> artifactBytes = artifacts.isEmpty() ? List.of() : new ArrayList<>(artifacts.size());
        for (Path artifact : artifacts) {
            byte[] text = artifact.toString().getBytes(StandardCharsets.UTF_8);
            artifactBytes.add(text);
            size += 4 + text.length;
        }
        ByteBuffer payload = payload(size);
        payload.put(RUN).putInt(condition).putInt(run.replicate()).putInt(metricCount);
        for (int i = 0; i < metricCount; i++) {
            int count = run.valueCount(i);
            payload.putInt(nameIds[i]).putInt(count);
            for (int j = 0; j < count; j++) {
                payload.putLong(Double.doubleToRawLongBits(run.value(i, j)));
            }
        }
        payload.putInt(artifactBytes.size());
        for (byte[] text : artifactBytes) {
            payload.putInt(text.length).put(text);
        }
        append(payload);
    }

    private int defineName(String name) throws IOException {
        int id = names.size();
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = payload(1 + 4 + 4 + text.length);
        payload.put(NAME).putInt(id).putInt(text.length).put(text);
        append(payload);
        names.put(name, id);
        return id;
    }

    private static String string(ByteBuffer payload) {
        byte[] text = new byte[payload.getInt()];
        payload.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private ByteBuffer payload(int size) {
        if (scratch.capacity() < size) {
            scratch = ByteBuffer.allocate(Math.max(size, scratch.capacity() * 2));
        }
        scratch.clear();
        return scratch;
    }

    /** Copies a record into the mapping: payload and checksum first, the length last. */
    private void append(ByteBuffer payload) throws IOException {
        int length = payload.position();
        crc.reset();
        crc.update(payload.array(), 0, length);
        int record = 8 + length;
        if (region == null || end + record > regionStart + region.capacity()) {
            map(record);
        }
        int at = (int) (end - regionStart);
        region.put(at + 8, payload.array(), 0, length);
        region.putInt(at + 4, (int) crc.getValue());
        region.putInt(at, length);
        end += record;
    }

    /** Maps the next part of the file, at least {@code bytes} long (the file grows with it). */
    private void map(int bytes) throws IOException {
        if (region != null) {
            regionSize = (int) Math.min(LARGEST_REGION, regionSize * 2L);
        }
        // regions follow each other in the file; what lies beyond the last record is zeros: where a reader stops
        int size = Math.max(regionSize, bytes + 8);
        region = channel.map(FileChannel.MapMode.READ_WRITE, end, size);
        regionStart = end;
    }

    /** Stops writing; the file stays (the execution may be resumed). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        region = null;
        try {
            channel.close();
        } catch (IOException e) {
            // closing fails only with the file system; what was copied into the mapping is written anyway
        }
    }

    /** Stops writing and removes the file: the version is complete, its results are the record now. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }
}

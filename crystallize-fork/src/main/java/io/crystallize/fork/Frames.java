package io.crystallize.fork;

import io.crystallize.core.RunTask;
import io.crystallize.internal.json.Json;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire between a parent and a forked worker: frames of a kind byte, a length and that many
 * bytes. Control frames carry JSON objects; outcome frames carry what {@code RunHost} encoded.
 */
final class Frames {

    /** Parent to worker: the experiment source and the conditions. */
    static final byte OPEN = 1;
    /** Parent to worker: one task. */
    static final byte TASK = 2;
    /** Parent to worker: tear down and exit. */
    static final byte CLOSE = 3;
    /** Parent to worker: the execution is over; tear its steps down and wait for the next {@link #OPEN}. */
    static final byte END = 4;
    /** Worker to parent: ready, with its process id and build fingerprint. */
    static final byte READY = 11;
    /** Worker to parent: the experiment could not be rebuilt, with why. */
    static final byte REFUSED = 12;
    /** Worker to parent: one task's outcome. */
    static final byte OUTCOME = 13;

    /** Frames larger than this are refused: a corrupt length must not allocate the heap away. */
    static final int MAX_FRAME = 512 * 1024 * 1024;

    private Frames() {
    }

    record Frame(byte kind, byte[] body) {
        Map<String, Object> json() {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.MAPPER.readValue(body, Map.class);
            return map;
        }
    }

    static void write(DataOutputStream out, byte kind, byte[] body) throws IOException {
        out.writeByte(kind);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /** One task as a {@link #TASK} frame's body. */
    static Map<String, Object> task(RunTask task) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("index", task.index());
        t.put("condition", task.condition());
        t.put("replicate", task.replicate());
        t.put("seed", task.seed());
        return t;
    }

    static void writeJson(DataOutputStream out, byte kind, Object value) throws IOException {
        write(out, kind, Json.MAPPER.writeValueAsBytes(value));
    }

    /** The next frame, or {@code null} at the end of the stream. */
    static Frame read(DataInputStream in) throws IOException {
        int kind = in.read();
        if (kind < 0) {
            return null;
        }
        if (kind != OPEN && kind != TASK && kind != CLOSE && kind != END && kind != READY && kind != REFUSED && kind != OUTCOME) {
            // not a frame: the JVM or native code wrote to standard output (e.g. "Terminating due to ...")
            byte[] text = new byte[Math.min(400, Math.max(0, in.available()))];
            int n = in.read(text);
            throw new IOException("standard output outside the protocol: " + (char) kind
                    + new String(text, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.UTF_8).strip());
        }
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a frame of " + length + " bytes (kind " + kind + ") is not part of the protocol: "
                    + "something else wrote to the worker's standard output stream");
        }
        byte[] body = new byte[length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            return null;
        }
        return new Frame((byte) kind, body);
    }
}

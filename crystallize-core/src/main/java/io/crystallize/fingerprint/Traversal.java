package io.crystallize.fingerprint;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Walks from root code to everything of the project's own it can reach and collects, sorted, each
 * reached method's digest and each library's identity. Reached means: called (resolved up the
 * project's super classes), referred to by a method handle or lambda, or — for a class that is
 * instantiated or whose members are used — its static part (field constants, static initializer);
 * a class that is instantiated brings all its instance methods, since any of them may be called
 * through an interface or a super class. Classes whose file cannot be read (hidden classes) are
 * reached through their host class where possible.
 */
final class Traversal {

    private final ClassIndex index;
    /** What this traversal walked itself. */
    private final Map<String, String> parts = new TreeMap<>();
    /** What the roots it took from its index reach, by root. */
    private final Map<String, Map<String, String>> included = new TreeMap<>();
    /** Named values ({@code value <name>}): these sort after every part of code. */
    private final Map<String, String> values = new TreeMap<>();
    private final Set<String> visited = new HashSet<>();
    private final Deque<String[]> pending = new ArrayDeque<>();

    Traversal(ClassIndex index) {
        this.index = index;
    }

    /**
     * Adds an object's code: its class's, or for a lambda the body it was made from. What a class
     * (or a lambda's shape in its host) reaches is walked once per index and then taken from it:
     * it depends only on class files, which do not change while their loader lives.
     */
    Traversal object(Object code) {
        if (code == null) {
            return this;
        }
        Class<?> type = code.getClass();
        if (type.isHidden() || type.isSynthetic() && type.getName().contains("$$Lambda")) {
            String host = lambdaHost(type);
            String functional = type.getInterfaces().length == 0 ? "" : internalName(type.getInterfaces()[0]);
            String captured = capturedDescriptor(type);
            include("lambda " + host + " " + functional + " " + captured,
                    t -> t.lambda(host, functional, captured));
        } else {
            type(type);
        }
        if (code instanceof CachedStep<?, ?> cached) {
            // a library class: what it runs is the step it wraps, read through that step's own loader
            Object wrapped = cached.step();
            parts.putAll(new Traversal(ClassIndex.of(wrapped.getClass().getClassLoader())).object(wrapped).parts());
        }
        return this;
    }

    /** Adds the code of an object of this (not hidden) class. */
    Traversal type(Class<?> type) {
        String name = internalName(type);
        include("class " + name, t -> t.wholeClass(name));
        return this;
    }

    /** Adds what a root reaches, walked by {@code walk} in a traversal of its own the first time the index sees it. */
    private void include(String root, Consumer<Traversal> walk) {
        if (!included.containsKey(root)) {
            included.put(root, index.reached(root, () -> {
                Traversal own = new Traversal(index);
                walk.accept(own);
                return own.parts();
            }));
        }
    }

    /** Adds every method of a class (and what they reach). */
    Traversal wholeClass(String internalName) {
        Optional<ClassIndex.Entry> entry = index.entry(internalName);
        if (entry.isEmpty()) {
            parts.put("unreadable " + internalName, "?");
            return this;
        }
        if (!entry.get().isProject()) {
            parts.put("library " + entry.get().library(), "");
            return this;
        }
        ClassSummary summary = entry.get().summary();
        staticPart(summary);
        for (String method : summary.methods.keySet()) {
            pending.add(new String[] {internalName, method});
        }
        drain();
        return this;
    }

    /** Adds every method of a class but those named (name + descriptor), and what they reach. */
    Traversal wholeClassExcept(String internalName, Set<String> skipped) {
        include("class " + internalName + " except " + new TreeSet<>(skipped),
                t -> t.walkClassExcept(internalName, skipped));
        return this;
    }

    private void walkClassExcept(String internalName, Set<String> skipped) {
        Optional<ClassIndex.Entry> entry = index.entry(internalName);
        if (entry.isEmpty() || !entry.get().isProject()) {
            wholeClass(internalName);
            return;
        }
        ClassSummary summary = entry.get().summary();
        staticPart(summary);
        for (String method : summary.methods.keySet()) {
            if (!skipped.contains(method)) {
                pending.add(new String[] {internalName, method});
            }
        }
        drain();
    }

    /** Adds one method of a class (and what it reaches). */
    Traversal method(String internalName, String nameAndDescriptor) {
        pending.add(new String[] {internalName, nameAndDescriptor});
        drain();
        return this;
    }

    /** Adds a named value (parameters, seeds, identities) to the digest. */
    Traversal value(String name, String value) {
        values.put("value " + name, value);
        return this;
    }

    /**
     * SHA-256 over every part, sorted, one {@code key=value} line each. Values sort after all code
     * ({@code value} after {@code fields}, {@code library}, {@code method} and {@code unreadable}),
     * so when all code came from roots the index knows, the digest continues the index's digest of
     * those roots' code with the values' lines.
     */
    String digest() {
        if (!parts.isEmpty()) {
            return Digests.hex(Digests.sha256().digest(text(parts()).getBytes(StandardCharsets.UTF_8)));
        }
        MessageDigest digest = index.codeDigest(String.join("\n", included.keySet()), () -> {
            Map<String, String> code = new TreeMap<>();
            included.values().forEach(code::putAll);
            return text(code);
        });
        digest.update(text(values).getBytes(StandardCharsets.UTF_8));
        return Digests.hex(digest.digest());
    }

    private static String text(Map<String, String> sorted) {
        StringBuilder all = new StringBuilder();
        sorted.forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        return all.toString();
    }

    /** What went into the digest, sorted: for tests and for people comparing two fingerprints. */
    Map<String, String> parts() {
        if (included.isEmpty() && values.isEmpty()) {
            return parts;
        }
        Map<String, String> all = new TreeMap<>(parts);
        included.values().forEach(all::putAll);
        all.putAll(values);
        return all;
    }

    private static String lambdaHost(Class<?> hidden) {
        String name = hidden.getName();
        int cut = name.indexOf("$$Lambda");
        return (cut < 0 ? name : name.substring(0, cut)).replace('.', '/');
    }

    private void lambda(String host, String functional, String captured) {
        Optional<ClassIndex.Entry> entry = index.entry(host);
        if (entry.isEmpty() || !entry.get().isProject()) {
            parts.put(entry.isEmpty() ? "unreadable " + host : "library " + entry.get().library(), "");
            return;
        }
        ClassSummary summary = entry.get().summary();
        List<ClassSummary.LambdaSite> candidates = new ArrayList<>();
        for (ClassSummary.MethodBody method : summary.methods.values()) {
            for (ClassSummary.LambdaSite site : method.lambdas()) {
                if (site.functionalInterface().equals(functional) && site.capturedDescriptor().equals(captured)) {
                    candidates.add(site);
                }
            }
        }
        if (candidates.isEmpty()) {
            wholeClass(host); // made in a way we cannot tell apart: every method of its host
            return;
        }
        // one site when the lambda's shape is unique in its host; otherwise all that fit (never too few)
        for (ClassSummary.LambdaSite site : candidates) {
            pending.add(new String[] {site.implOwner(), site.implName() + site.implDescriptor()});
        }
        drain();
    }

    private static String capturedDescriptor(Class<?> hidden) {
        List<Type> types = new ArrayList<>();
        for (Field field : hidden.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                types.add(Type.getType(field.getType()));
            }
        }
        return Type.getMethodDescriptor(Type.VOID_TYPE, types.toArray(new Type[0]));
    }

    private void drain() {
        while (!pending.isEmpty()) {
            String[] next = pending.poll();
            resolve(next[0], next[1]);
        }
    }

    /** Finds a method in the class or its project super classes; a library on the way stands for it. */
    private void resolve(String owner, String nameAndDescriptor) {
        String current = owner;
        while (current != null) {
            if (current.startsWith("[")) {
                parts.put("library jdk " + Runtime.version(), "");
                return;
            }
            Optional<ClassIndex.Entry> entry = index.entry(current);
            if (entry.isEmpty()) {
                parts.put("unreadable " + current, "?");
                return;
            }
            if (!entry.get().isProject()) {
                parts.put("library " + entry.get().library(), "");
                return;
            }
            ClassSummary summary = entry.get().summary();
            staticPart(summary);
            ClassSummary.MethodBody body = summary.method(nameAndDescriptor);
            if (body != null) {
                add(current, body);
                return;
            }
            for (String itf : summary.interfaces) {
                // default methods: look in the project's interfaces as well
                Optional<ClassIndex.Entry> declared = index.entry(itf);
                if (declared.isPresent() && declared.get().isProject()
                        && declared.get().summary().method(nameAndDescriptor) != null) {
                    pending.add(new String[] {itf, nameAndDescriptor});
                }
            }
            current = summary.superName;
        }
    }

    private void add(String owner, ClassSummary.MethodBody body) {
        if (!visited.add(owner + "." + body.key())) {
            return;
        }
        parts.put("method " + keyOf(owner, body), HexFormat.of().formatHex(body.digest()));
        for (ClassSummary.Reference reference : body.references()) {
            switch (reference.kind()) {
                case CALL, LAMBDA -> {
                    if ("<init>".equals(reference.name())) {
                        instantiated(reference.owner());
                    }
                    pending.add(new String[] {reference.owner(), reference.name() + reference.descriptor()});
                }
                case FIELD -> touch(reference.owner());
                case TYPE -> instantiated(reference.owner());
            }
        }
    }

    /** Lambda bodies are named by position in their class ({@code lambda$main$0}): keep only the stable part. */
    private static String keyOf(String owner, ClassSummary.MethodBody body) {
        String key = body.key();
        if (!key.startsWith("lambda$")) {
            return owner + "." + key;
        }
        String digest = HexFormat.of().formatHex(body.digest(), 0, 8);
        return owner + ".lambda$" + key.substring(key.indexOf('(')) + "#" + digest;
    }

    private void touch(String owner) {
        if (owner.startsWith("[")) {
            return;
        }
        Optional<ClassIndex.Entry> entry = index.entry(owner);
        if (entry.isPresent()) {
            if (entry.get().isProject()) {
                staticPart(entry.get().summary());
            } else {
                parts.put("library " + entry.get().library(), "");
            }
        }
    }

    private void instantiated(String owner) {
        String type = Type.getObjectType(owner).getSort() == Type.ARRAY
                ? Type.getObjectType(owner).getElementType().getInternalName() : owner;
        if (type.length() == 1 || !visited.add("new " + type)) {
            return; // a primitive array, or seen
        }
        Optional<ClassIndex.Entry> entry = index.entry(type);
        if (entry.isEmpty()) {
            return;
        }
        if (!entry.get().isProject()) {
            parts.put("library " + entry.get().library(), "");
            return;
        }
        ClassSummary summary = entry.get().summary();
        staticPart(summary);
        for (ClassSummary.MethodBody body : summary.methods.values()) {
            if ((body.access() & Opcodes.ACC_STATIC) == 0) {
                pending.add(new String[] {type, body.key()});
            }
        }
    }

    private void staticPart(ClassSummary summary) {
        if (!visited.add("static " + summary.name)) {
            return;
        }
        parts.put("fields " + summary.name, Digests.sha256(summary.fields));
        if (summary.superName != null) {
            touch(summary.superName);
        }
        if (summary.method("<clinit>()V") != null) {
            pending.add(new String[] {summary.name, "<clinit>()V"});
        }
    }

    static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}

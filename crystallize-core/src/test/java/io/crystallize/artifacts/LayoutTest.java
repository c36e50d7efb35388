package io.crystallize.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes and the environment recorded in metadata. */
class LayoutTest {

    @TempDir
    Path temp;

    @Test
    void readersNeverSeeAPartlyWrittenFile() throws Exception {
        Path target = temp.resolve("results.json");
        int size = 256 * 1024;
        byte[] a = filled(size, (byte) 'a');
        byte[] b = filled(size, (byte) 'b');
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 150; i++) {
                    Layout.writeAtomically(target, i % 2 == 0 ? a : b);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                writing.set(false);
            }
        });
        int reads = 0;
        while (writing.get() || reads == 0) {
            byte[] seen;
            try {
                seen = Files.readAllBytes(target);
            } catch (NoSuchFileException notYet) {
                continue;
            }
            reads++;
            assertThat(seen.length).isEqualTo(size);
            assertThat(seen[0] == 'a' ? Arrays.equals(seen, a) : Arrays.equals(seen, b)).isTrue();
        }
        writer.get(60, TimeUnit.SECONDS);
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.json");
        }
    }

    @Test
    void gitCommitIsReadFromARepositoryOrALinkedWorktree() throws Exception {
        String commit = "0123456789abcdef0123456789abcdef01234567";
        Path repo = temp.resolve("repo");
        Path git = Files.createDirectories(repo.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("refs/heads/main"), commit + "\n");
        Path worktreeGit = Files.createDirectories(git.resolve("worktrees/feature"));
        Files.writeString(worktreeGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(worktreeGit.resolve("commondir"), "../..\n");
        Files.writeString(git.resolve("packed-refs"), "# pack-refs\n" + commit.replace('0', 'f') + " refs/heads/feature\n");
        Path worktree = Files.createDirectories(temp.resolve("feature/module"));
        Files.writeString(temp.resolve("feature/.git"), "gitdir: " + worktreeGit + "\n");

        assertThat(Environment.gitCommit(Files.createDirectories(repo.resolve("sub")))).isEqualTo(commit);
        assertThat(Environment.gitCommit(worktree)).isEqualTo(commit.replace('0', 'f'));
        assertThat(Environment.gitCommit(Files.createDirectories(temp.resolve("elsewhere")))).isNull();
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }
}

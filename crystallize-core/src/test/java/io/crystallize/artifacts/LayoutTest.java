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

    @Test
    void headThatLeadsOutOfTheGitDirectoryYieldsNoCommitAndReadsNothingThere() throws Exception {
        Path secret = Files.writeString(temp.resolve("hostname"), "secret-host\n");
        Path repo = temp.resolve("repo");
        Path git = Files.createDirectories(repo.resolve(".git"));
        Path head = git.resolve("HEAD");

        Files.writeString(head, "ref: ../../hostname\n");
        assertThat(Environment.gitCommit(repo)).isNull();
        Files.writeString(head, "ref: refs/heads/../../../hostname\n");
        assertThat(Environment.gitCommit(repo)).isNull();
        Files.writeString(head, "ref: " + secret + "\n");
        assertThat(Environment.gitCommit(repo)).isNull();

        // a ref that is a link out of .git, even to a file holding a commit id
        Path outsideRef = Files.writeString(temp.resolve("outside-ref"), "0123456789abcdef0123456789abcdef01234567\n");
        Files.createDirectories(git.resolve("refs/heads"));
        Files.createSymbolicLink(git.resolve("refs/heads/main"), outsideRef);
        Files.writeString(head, "ref: refs/heads/main\n");
        assertThat(Environment.gitCommit(repo)).isNull();
    }

    @Test
    void onlyACommitIdIsEverTakenFromGitFiles() throws Exception {
        Path repo = temp.resolve("repo");
        Path git = Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");

        Files.writeString(git.resolve("refs/heads/main"), "root:x:0:0:root:/root:/bin/bash\n");
        assertThat(Environment.gitCommit(repo)).isNull();
        Files.writeString(git.resolve("HEAD"), "whatever the file holds\n");
        assertThat(Environment.gitCommit(repo)).isNull();
        String sha256 = "ab".repeat(32);
        Files.writeString(git.resolve("HEAD"), sha256 + "\n");
        assertThat(Environment.gitCommit(repo)).isEqualTo(sha256);
    }

    @Test
    void specialAndOversizedGitFilesAreNeverRead() throws Exception {
        Path repo = temp.resolve("repo");
        Path git = Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createSymbolicLink(git.resolve("refs/heads/main"), Path.of("/dev/zero"));
        assertThat(Environment.gitCommit(repo)).isNull();

        Files.delete(git.resolve("HEAD"));
        Files.createSymbolicLink(git.resolve("HEAD"), Path.of("/dev/zero"));
        assertThat(Environment.gitCommit(repo)).isNull();

        Files.delete(git.resolve("HEAD"));
        Files.writeString(git.resolve("HEAD"), "0123456789abcdef0123456789abcdef01234567" + " ".repeat(
                Environment.SMALL_FILE_LIMIT));
        assertThat(Environment.gitCommit(repo)).as("longer than a HEAD file can be").isNull();

        Path pointer = temp.resolve("linked");
        Files.createDirectories(pointer);
        Files.createSymbolicLink(pointer.resolve(".git"), Path.of("/dev/zero"));
        assertThat(Environment.gitCommit(pointer)).isNull();
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }
}

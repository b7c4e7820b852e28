package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A start never loads a torn or damaged snapshot: it takes the newest one whose every file and body
 * matches the manifest, names each one it skips, and never looks at unfinished temporary directories.
 */
class SnapshotVerificationTest {

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();
    private Path older;
    private Path newer;

    /** Two snapshots: the older holds object "a" and one message, the newer also object "b" and a second message. */
    @BeforeEach
    void two_snapshots() {
        DataDirectory data = DataDirectory.open(dir);
        try (Stack stack = data.start(StackConfig.defaults().withClock(ClockSpec.manual()), warnings::add);
                SqsClient sqs = Clients.sqs(stack); S3Client s3 = Clients.s3(stack)) {
            String url = sqs.createQueue(b -> b.queueName("q")).queueUrl();
            s3.createBucket(b -> b.bucket("bucket"));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
            s3.putObject(b -> b.bucket("bucket").key("a"), RequestBody.fromString("body a"));
            older = data.save(stack).snapshot();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));
            s3.putObject(b -> b.bucket("bucket").key("b"), RequestBody.fromString("body b"));
            newer = data.save(stack).snapshot();
        }
    }

    private String loadedMessages() {
        DataDirectory data = DataDirectory.open(dir);
        try (Stack stack = data.start(StackConfig.defaults().withClock(ClockSpec.manual()), warnings::add)) {
            return data.loaded().map(DataDirectory.Loaded::counts).orElse("nothing");
        }
    }

    @Test
    void the_newest_good_snapshot_is_loaded() {
        assertThat(loadedMessages()).contains("2 messages", "2 object versions");
        assertThat(warnings).isEmpty();
    }

    @Test
    void a_truncated_manifest_falls_back_to_the_previous_snapshot() throws IOException {
        Path manifest = newer.resolve("manifest.json");
        byte[] bytes = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(loadedMessages()).contains("1 messages", "1 object versions");
        assertThat(warnings).singleElement().asString().contains(newer.getFileName().toString(), "manifest");
    }

    @Test
    void a_file_whose_checksum_does_not_match_falls_back_to_the_previous_snapshot() throws IOException {
        Path sqs = newer.resolve("sqs.json");
        String text = Files.readString(sqs);
        Files.writeString(sqs, text.replace("\"two\"", "\"TWO\""));

        assertThat(loadedMessages()).contains("1 messages");
        assertThat(warnings).singleElement().asString().contains(newer.getFileName().toString(), "sqs.json",
                "checksum");
    }

    @Test
    void a_damaged_body_falls_back_to_the_previous_snapshot() throws IOException {
        Path body = blobHolding("body b");
        Files.writeString(body, "body B");

        assertThat(loadedMessages()).contains("1 object versions");
        assertThat(warnings).singleElement().asString().contains(newer.getFileName().toString(), "body");
    }

    @Test
    void a_missing_file_falls_back_to_the_previous_snapshot() throws IOException {
        Files.delete(newer.resolve("dynamodb.json"));

        assertThat(loadedMessages()).contains("1 messages");
        assertThat(warnings).singleElement().asString().contains("dynamodb.json");
    }

    @Test
    void a_leftover_temporary_directory_is_never_loaded_and_the_next_save_removes_it() throws IOException {
        Path leftover = dir.resolve("tmp-3-123456");
        copy(newer, leftover);
        Files.writeString(leftover.resolve("sqs.json"), "{\"queues\":[");  // torn mid-write by a kill

        assertThat(loadedMessages()).contains("2 messages");
        assertThat(warnings).isEmpty();

        DataDirectory data = DataDirectory.open(dir);
        try (Stack stack = data.start(StackConfig.defaults().withClock(ClockSpec.manual()), warnings::add)) {
            data.save(stack);
        }
        assertThat(leftover).doesNotExist();
    }

    @Test
    void a_snapshot_that_verifies_but_cannot_be_imported_falls_back_to_the_previous_one() throws Exception {
        rewrite(newer, "sqs.json", "\"name\":\"q\"", "\"name\":\"not a queue name!\"");

        assertThat(loadedMessages()).contains("1 messages");
        assertThat(warnings).singleElement().asString().contains(newer.getFileName().toString(), "cannot be loaded");
    }

    /** Changes a snapshot file and its manifest entry alike, as a snapshot written by another version would be. */
    private static void rewrite(Path snapshot, String file, String from, String to) throws Exception {
        byte[] before = Files.readAllBytes(snapshot.resolve(file));
        String text = new String(before, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        byte[] after = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        Files.write(snapshot.resolve(file), after);
        String manifest = Files.readString(snapshot.resolve("manifest.json"))
                .replace("\"" + file + "\":{\"size\":" + before.length + ",\"sha256\":\"" + sha256(before) + "\"",
                        "\"" + file + "\":{\"size\":" + after.length + ",\"sha256\":\"" + sha256(after) + "\"");
        assertThat(manifest).contains(sha256(after));
        Files.writeString(snapshot.resolve("manifest.json"), manifest);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void with_no_good_snapshot_the_stack_starts_empty_and_says_why() throws IOException {
        Files.delete(newer.resolve("manifest.json"));
        Files.writeString(older.resolve("stack.json"), "{}");

        assertThat(loadedMessages()).isEqualTo("nothing");
        assertThat(warnings).hasSize(2);
    }

    @Test
    void saves_keep_two_snapshots_and_only_the_bodies_they_reference() throws IOException {
        DataDirectory data = DataDirectory.open(dir);
        try (Stack stack = data.start(StackConfig.defaults().withClock(ClockSpec.manual()), warnings::add);
                S3Client s3 = Clients.s3(stack)) {
            s3.deleteObject(b -> b.bucket("bucket").key("a"));
            data.save(stack);
            data.save(stack);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot-")))
                    .containsExactlyInAnyOrder("snapshot-000000000003", "snapshot-000000000004");
        }
        try (Stream<Path> blobs = Files.list(dir.resolve("blobs"))) {
            assertThat(blobs).hasSize(1);   // "body a" went with the snapshots that held it
        }
        assertThat(blobHolding("body b")).exists();
    }

    private Path blobHolding(String content) throws IOException {
        try (Stream<Path> blobs = Files.list(dir.resolve("blobs"))) {
            for (Path blob : blobs.toList()) {
                if (new String(Files.readAllBytes(blob), StandardCharsets.UTF_8).equals(content)) {
                    return blob;
                }
            }
        }
        throw new AssertionError("no blob holds " + content);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}

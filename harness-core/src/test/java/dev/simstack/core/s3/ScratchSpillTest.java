package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Objects over a megabyte live in a scratch directory of the stack, not in the heap, and the directory
 * goes when the stack stops; overwritten and deleted objects free their files at once.
 */
class ScratchSpillTest {

    private static final int SIZE = 3 * 1024 * 1024 + 17;

    @Test
    void large_objects_spill_to_the_stack_scratch_directory_which_goes_at_stop() throws Exception {
        Path scratch;
        try (Stack stack = S3TestSupport.stack(); S3Client s3 = S3TestSupport.client(stack)) {
            s3.createBucket(b -> b.bucket("spill"));
            s3.putObject(p -> p.bucket("spill").key("large"), RequestBody.fromBytes(new byte[SIZE]));
            scratch = scratchHolding(SIZE);
            assertThat(scratch).as("a scratch directory holding the object").isNotNull();
            assertThat(s3.getObjectAsBytes(g -> g.bucket("spill").key("large")).asByteArray()).hasSize(SIZE);

            s3.putObject(p -> p.bucket("spill").key("large"), RequestBody.fromBytes(new byte[SIZE + 1]));
            assertThat(objectFiles(scratch)).containsExactly((long) SIZE + 1); // the overwritten file is gone
            s3.deleteObject(d -> d.bucket("spill").key("large"));
            assertThat(objectFiles(scratch)).isEmpty();
            s3.putObject(p -> p.bucket("spill").key("again"), RequestBody.fromBytes(new byte[SIZE]));
        }
        assertThat(scratch).doesNotExist();
    }

    /** The scratch directory (in java.io.tmpdir) holding an object file of {@code size} bytes. */
    private static Path scratchHolding(long size) throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("simstack-")).toList()) {
                if (objectFiles(dir).contains(size)) {
                    return dir;
                }
            }
        }
        return null;
    }

    /** The sizes of the files in the scratch directory: request bodies on disk become object files as they are. */
    private static List<Long> objectFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bin")).map(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return -1L;
                }
            }).toList();
        }
    }
}

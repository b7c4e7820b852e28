package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.nio.file.Path;
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
            scratch = ScratchFiles.directoryHolding(SIZE);
            assertThat(scratch).as("a scratch directory holding the object").isNotNull();
            assertThat(s3.getObjectAsBytes(g -> g.bucket("spill").key("large")).asByteArray()).hasSize(SIZE);

            s3.putObject(p -> p.bucket("spill").key("large"), RequestBody.fromBytes(new byte[SIZE + 1]));
            assertThat(ScratchFiles.sizes(scratch)).containsExactly((long) SIZE + 1); // the overwritten file is gone
            s3.deleteObject(d -> d.bucket("spill").key("large"));
            assertThat(ScratchFiles.sizes(scratch)).isEmpty();
            s3.putObject(p -> p.bucket("spill").key("again"), RequestBody.fromBytes(new byte[SIZE]));
        }
        assertThat(scratch).doesNotExist();
    }
}

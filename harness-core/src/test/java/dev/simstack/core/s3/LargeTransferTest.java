package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * A 50 MiB file up and down through the Transfer Manager on the SDK's Java multipart client (no CRT):
 * multipart upload with 8 MiB parts and checksums, multipart download by part number. The one big test.
 */
class LargeTransferTest {

    private static final long SIZE = 50L * 1024 * 1024;

    private Stack stack;
    private S3AsyncClient async;
    private S3TransferManager transfers;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        async = S3AsyncClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(S3TestSupport.CREDENTIALS).forcePathStyle(true).multipartEnabled(true).build();
        transfers = S3TransferManager.builder().s3Client(async).build();
        async.createBucket(b -> b.bucket("big")).join();
    }

    @AfterEach
    void stop() {
        transfers.close();
        async.close();
        stack.close();
    }

    @Test
    void a_50_mib_file_round_trips_through_the_transfer_manager(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.bin");
        String sourceHash = writeRandom(source, SIZE);

        transfers.uploadFile(u -> u.source(source).putObjectRequest(p -> p.bucket("big").key("data/blob.bin")))
                .completionFuture().join();
        HeadObjectResponse head = async.headObject(h -> h.bucket("big").key("data/blob.bin")).join();
        assertThat(head.contentLength()).isEqualTo(SIZE);
        assertThat(head.eTag()).matches("\"[0-9a-f]{32}-\\d+\"");
        assertThat(async.listMultipartUploads(l -> l.bucket("big")).join().uploads()).isEmpty();

        Path target = dir.resolve("target.bin");
        transfers.downloadFile(d -> d.destination(target).getObjectRequest(g -> g.bucket("big").key("data/blob.bin")))
                .completionFuture().join();
        assertThat(Files.size(target)).isEqualTo(SIZE);
        assertThat(sha256(target)).isEqualTo(sourceHash);
        // Both ways went in parts: the ledger shows the calls the SDK made.
        assertThat(calls("UploadPart")).isGreaterThanOrEqualTo(SIZE / (8 * 1024 * 1024));
        assertThat(calls("GetObject")).isGreaterThan(1);
    }

    private long calls(String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(r -> r.operation().equals(operation) && r.status() < 300).count();
    }

    private static String writeRandom(Path file, long size) throws IOException {
        Random random = new Random(42);
        byte[] buffer = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer);
            }
        }
        return sha256(file);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

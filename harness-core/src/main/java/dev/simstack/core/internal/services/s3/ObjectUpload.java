package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.SpooledBody;
import dev.simstack.core.internal.protocol.restxml.RequestPayload;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Receives the bytes of a PutObject or UploadPart: writes them to a blob while computing MD5 and the
 * checksums the client declared, then checks what S3 checks (decoded length, Content-MD5, checksum
 * headers or trailers), freeing the blob if any check fails.
 */
final class ObjectUpload {

    /** S3's single PUT limit ("Upload objects in a single operation": 5 GB). */
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    static final int MAX_KEY_BYTES = 1024;

    private ObjectUpload() {
    }

    /** Reads and checks the body; {@code also} is an algorithm required besides the declared ones (or null). */
    static BlobWriter.Written receive(S3Context s3, S3Call call, ChecksumAlgorithm also) {
        Set<ChecksumAlgorithm> algorithms = declaredAlgorithms(call);
        if (also != null) {
            algorithms.add(also);
        }
        RequestPayload payload = call.payload();
        if (call.header("Content-Length") == null && call.header("x-amz-decoded-content-length") == null) {
            // S3 does not take HTTP-chunked uploads of unknown length ("MissingContentLength", 411).
            throw new RestXmlError("MissingContentLength", 411, "You must provide the Content-Length HTTP header.");
        }
        if (payload.declaredLength() > MAX_SINGLE_PUT) {
            throw new RestXmlError("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size")
                    .with("ProposedSize", payload.declaredLength()).with("MaxSizeAllowed", MAX_SINGLE_PUT);
        }
        SpooledBody.Content spooled = payload.claimSpooled();
        BlobWriter.Written written = spooled != null ? s3.blobs().take(spooled, payload.digests(), algorithms)
                : s3.blobs().write(payload.open(), algorithms, payload.declaredLength());
        try {
            verify(call, payload, written);
        } catch (RuntimeException e) {
            written.blob().release();
            throw e;
        }
        return written;
    }

    private static void verify(S3Call call, RequestPayload payload, BlobWriter.Written written) {
        long length = written.blob().length();
        if (payload.chunked() && payload.declaredLength() >= 0 && payload.declaredLength() != length) {
            throw S3Errors.incompleteBody("x-amz-decoded-content-length says " + payload.declaredLength()
                    + " bytes, the chunks carried " + length + ".");
        }
        String contentMd5 = call.header("Content-MD5");
        if (contentMd5 != null) {
            byte[] expected = decodeMd5(contentMd5);
            if (!java.util.Arrays.equals(expected, written.md5())) {
                throw S3Errors.badDigest("Content-MD5");
            }
        }
        String trailerNames = call.header("x-amz-trailer");
        for (Map.Entry<ChecksumAlgorithm, String> computed : written.checksums().entrySet()) {
            ChecksumAlgorithm algorithm = computed.getKey();
            String expected = call.header(algorithm.header());
            if (expected == null) {
                expected = payload.trailers().get(algorithm.header());
                if (expected == null && trailerNames != null && trailerNames.toLowerCase(Locale.ROOT)
                        .contains(algorithm.header())) {
                    throw S3Errors.incompleteBody("the trailer " + algorithm.header() + " named in x-amz-trailer"
                            + " never came.");
                }
            }
            if (expected != null && !expected.equals(computed.getValue())) {
                throw S3Errors.badDigest(algorithm.name());
            }
        }
    }

    private static byte[] decodeMd5(String base64) {
        try {
            byte[] md5 = Base64.getDecoder().decode(base64.trim());
            if (md5.length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw S3Errors.invalidDigest("Content-MD5");
    }

    /**
     * The algorithms the client declared: {@code x-amz-sdk-checksum-algorithm}, any
     * {@code x-amz-checksum-<name>} header, or a checksum named in {@code x-amz-trailer}.
     */
    static Set<ChecksumAlgorithm> declaredAlgorithms(S3Call call) {
        Set<ChecksumAlgorithm> algorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        String sdk = call.header("x-amz-sdk-checksum-algorithm");
        if (sdk != null) {
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(sdk);
            if (algorithm == null) {
                throw S3Errors.invalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid.");
            }
            algorithms.add(algorithm);
        }
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            if (call.header(algorithm.header()) != null) {
                algorithms.add(algorithm);
            }
        }
        String trailer = call.header("x-amz-trailer");
        if (trailer != null) {
            for (String name : trailer.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (trimmed.startsWith("x-amz-checksum-")) {
                    ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(
                            trimmed.substring("x-amz-checksum-".length()));
                    if (algorithm == null) {
                        throw S3Errors.invalidRequest("The trailer " + trimmed + " names no checksum S3 knows.");
                    }
                    algorithms.add(algorithm);
                }
            }
        }
        return algorithms;
    }

    /** The checksums as answered: the declared ones, in EnumMap order. */
    static Map<ChecksumAlgorithm, String> checksums(BlobWriter.Written written) {
        return new EnumMap<>(written.checksums());
    }

    static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new RestXmlError("KeyTooLongError", 400, "Your key is too long").with("MaxSizeAllowed", MAX_KEY_BYTES)
                    .with("Size", key.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** The ETag S3 gives a single-part object: the hex MD5 of its bytes, in quotes. */
    static String etag(byte[] md5) {
        StringBuilder hex = new StringBuilder(34).append('"');
        for (byte b : md5) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.append('"').toString();
    }
}

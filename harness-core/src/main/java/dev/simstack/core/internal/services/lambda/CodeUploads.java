package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.ScratchDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the code package of CreateFunction's {@code Code} (or UpdateFunctionCode's members): the
 * {@code ZipFile} bytes, or the object an {@code S3Bucket}/{@code S3Key}/{@code S3ObjectVersion} names in the
 * function's region. A package that is a zip (a jar is one) is unpacked into the stack's scratch directory,
 * where its version's {@link PackageClassLoader} reads it. Bytes that are not a zip at all (no zip signature)
 * are kept only for {@code CodeSha256} and {@code CodeSize}, and the handler is then taken from the class
 * path, as tests' functions whose handler is a test class do; a package that starts as a zip but cannot be
 * read is refused with AWS's message.
 */
final class CodeUploads {

    static final String UNZIP_FAILED = "Could not unzip uploaded file. Please check your file, then try to "
            + "upload again.";

    private final ScratchDirectory scratch;
    private final CodeObjects objects;

    CodeUploads(ScratchDirectory scratch, CodeObjects objects) {
        this.scratch = scratch;
        this.objects = objects;
    }

    /** The package {@code code}'s members give (ZipFile, or an S3 location), unpacked if it is a zip. */
    FunctionCode read(String region, JsonNode code) {
        return code(bytes(region, code));
    }

    /**
     * The package a data directory kept in {@code file}, unpacked again as at its upload (the file is the
     * snapshot's, read and left as it is).
     */
    FunctionCode reload(Path file) {
        try {
            return code(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function package kept in " + file, e);
        }
    }

    private FunctionCode code(byte[] bytes) {
        String sha256 = Base64.getEncoder().encodeToString(sha256(bytes));
        if (!isZip(bytes)) {
            return FunctionCode.classPath(sha256, bytes.length);
        }
        Path directory = unpack(bytes);
        // The package itself is kept too: a data directory saves it, since the unpacked files may be many.
        Path archive = scratch.newFile("lambda-package-");
        try {
            Files.write(archive, bytes);
        } catch (IOException e) {
            ScratchDirectory.delete(directory);
            ScratchDirectory.delete(archive);
            throw new UncheckedIOException("SimStack could not keep a function package in " + archive, e);
        }
        return new FunctionCode(sha256, bytes.length, directory, archive);
    }

    private byte[] bytes(String region, JsonNode code) {
        JsonNode zip = code.path("ZipFile");
        if (zip.isTextual()) {
            try {
                return Base64.getDecoder().decode(zip.textValue());
            } catch (IllegalArgumentException e) {
                throw LambdaErrors.invalidParameter(UNZIP_FAILED);
            }
        }
        JsonNode bucket = code.path("S3Bucket");
        if (bucket.isTextual()) {
            JsonNode key = code.path("S3Key");
            if (!key.isTextual()) {
                throw LambdaErrors.invalidParameter("Please provide a source for function code: S3Key is missing.");
            }
            JsonNode version = code.path("S3ObjectVersion");
            try {
                return objects.get(region, bucket.textValue(), key.textValue(),
                        version.isTextual() ? version.textValue() : null);
            } catch (AwsException e) {
                throw LambdaErrors.invalidParameter("Error occurred while GetObject. S3 Error Code: " + e.code()
                        + ". S3 Error Message: " + e.getMessage());
            }
        }
        return new byte[0]; // no package (an image, or none): nothing to run but the class path
    }

    /** A zip's first local file header ({@code PK\3\4}), or the end record of an empty zip ({@code PK\5\6}). */
    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && (bytes[2] == 3 && bytes[3] == 4 || bytes[2] == 5 && bytes[3] == 6);
    }

    private Path unpack(byte[] bytes) {
        Path root = scratch.newDirectory("lambda-code-");
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new ZipException("entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            ScratchDirectory.delete(root);
            throw LambdaErrors.invalidParameter(UNZIP_FAILED);
        }
        if (entries == 0 && bytes.length > 22) {
            ScratchDirectory.delete(root); // a zip signature, then nothing a zip reader can read
            throw LambdaErrors.invalidParameter(UNZIP_FAILED);
        }
        return root;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

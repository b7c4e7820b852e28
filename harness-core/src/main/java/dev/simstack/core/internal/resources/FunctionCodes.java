package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A template function's package as CreateFunction's {@code Code}: an S3 location (LZ1: the engine loads the
 * package from the stack's S3), or inline source. A SAM {@code CodeUri} that is a local path is what
 * {@code sam package} would upload; SimStack runs such a function from the class path instead.
 */
final class FunctionCodes {

    private FunctionCodes() {
    }

    /** {@code AWS::Lambda::Function}'s Code: S3Bucket, S3Key, S3ObjectVersion, or ZipFile (inline source). */
    static void code(ObjectNode request, JsonNode code) {
        ObjectNode out = request.putObject("Code");
        for (String member : new String[] {"S3Bucket", "S3Key", "S3ObjectVersion"}) {
            if (code.has(member)) {
                out.put(member, code.get(member).asText());
            }
        }
        if (code.has("ZipFile")) {
            // Inline source is not a zip: the engine then runs the handler from the class path.
            out.put("ZipFile", Base64.getEncoder().encodeToString(code.get("ZipFile").asText()
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (out.isEmpty()) {
            request.remove("Code");
        }
    }

    /** {@code AWS::Serverless::Function}'s CodeUri: {@code s3://bucket/key} or {Bucket, Key, Version}. */
    static void codeUri(ObjectNode request, JsonNode uri) {
        if (uri.isObject()) {
            ObjectNode out = request.putObject("Code").put("S3Bucket", uri.path("Bucket").asText())
                    .put("S3Key", uri.path("Key").asText());
            if (uri.has("Version")) {
                out.put("S3ObjectVersion", uri.get("Version").asText());
            }
            return;
        }
        String text = uri.asText();
        if (text.startsWith("s3://")) {
            String location = text.substring("s3://".length());
            int slash = location.indexOf('/');
            if (slash > 0) {
                request.putObject("Code").put("S3Bucket", location.substring(0, slash))
                        .put("S3Key", location.substring(slash + 1));
            }
        }
    }
}

package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.util.List;
import java.util.regex.Pattern;

/** S3's general-purpose bucket naming rules ("Bucket naming rules" in the S3 user guide). */
final class BucketName {

    private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
            "--table-s3");

    private BucketName() {
    }

    /** Throws InvalidBucketName unless {@code name} follows the rules. */
    static void check(String name) {
        String why = violation(name);
        if (why != null) {
            throw new RestXmlError("InvalidBucketName", 400, "The specified bucket is not valid: " + why + ".")
                    .with("BucketName", name);
        }
    }

    private static String violation(String name) {
        if (!CHARACTERS.matcher(name).matches()) {
            return "a name is 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a"
                    + " letter or digit";
        }
        if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
            return "a name must not have two adjacent periods, nor a period next to a hyphen";
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return "a name must not look like an IP address";
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return "the prefix " + prefix + " is reserved";
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return "the suffix " + suffix + " is reserved";
            }
        }
        return null;
    }
}

package dev.simstack.core.internal.services.s3;

/** S3's part numbers: integers from 1 to 10,000. */
final class PartNumbers {

    static final int MAX = 10_000;

    private PartNumbers() {
    }

    static int parse(String text) {
        try {
            int number = Integer.parseInt(text.trim());
            if (number >= 1 && number <= MAX) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber",
                text);
    }
}

package dev.simstack.core.internal.services.sqs;

/**
 * The characters SQS accepts in a message body and in string attribute values: XML's character set,
 * {@code #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF} (SQS Developer Guide,
 * "Quotas related to messages").
 */
final class MessageCharacters {

    private MessageCharacters() {
    }

    /** The first code point outside the allowed set, or -1 if there is none. */
    static int firstInvalid(String text) {
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Fails with InvalidMessageContents if the body has a character SQS rejects. */
    static void checkBody(String body) {
        int invalid = firstInvalid(body);
        if (invalid >= 0) {
            throw SqsErrors.invalidMessageContents("Invalid binary character '#x" + Integer.toHexString(invalid)
                    .toUpperCase() + "' was found in the message body, the set of allowed characters is #x9 | #xA | "
                    + "#xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
        }
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}

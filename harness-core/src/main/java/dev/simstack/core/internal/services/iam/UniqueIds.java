package dev.simstack.core.internal.services.iam;

import dev.simstack.core.internal.engine.IdSource;
import java.util.UUID;

/**
 * The ids IAM and STS hand out — role ids ({@code AROA...}), policy ids ({@code ANPA...}), session access
 * keys ({@code ASIA...}), secrets and session tokens — drawn from the stack's id source, so the same seed
 * hands out the same ids in the same order.
 */
public final class UniqueIds {

    /** IAM's unique ids are upper-case letters and digits; base 32 keeps them so. */
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final IdSource ids;

    public UniqueIds(IdSource ids) {
        this.ids = ids;
    }

    /** {@code prefix} and 17 characters, as IAM writes unique ids (21 in all): {@code AROA...}, {@code ANPA...}. */
    public String uniqueId(String prefix) {
        return prefix + chars(BASE32, 5, 17);
    }

    /** {@code prefix} and 16 characters, as access key ids are written (20 in all): {@code ASIA...}. */
    public String accessKeyId(String prefix) {
        return prefix + chars(BASE32, 5, 16);
    }

    /** A secret access key: 40 characters of the base64 alphabet. */
    public String secretAccessKey() {
        return chars(BASE64, 6, 40);
    }

    /** A session token: opaque, long, base64 text, as STS's are. */
    public String sessionToken() {
        return "IQoJb3JpZ2luX2VjE" + chars(BASE64, 6, 300);
    }

    private String chars(String alphabet, int bitsPerChar, int length) {
        StringBuilder text = new StringBuilder(length);
        int perWord = 64 / bitsPerChar;
        while (text.length() < length) {
            UUID uuid = ids.nextUuid();
            // The UUID's version and variant bits are fixed; folding the halves spreads them out.
            long bits = uuid.getLeastSignificantBits() ^ Long.rotateLeft(uuid.getMostSignificantBits(), 29);
            for (int i = 0; i < perWord && text.length() < length; i++) {
                text.append(alphabet.charAt((int) (bits & ((1 << bitsPerChar) - 1))));
                bits >>>= bitsPerChar;
            }
        }
        return text.toString();
    }
}

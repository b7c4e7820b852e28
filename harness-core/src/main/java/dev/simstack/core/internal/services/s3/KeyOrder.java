package dev.simstack.core.internal.services.s3;

import java.util.Comparator;

/**
 * S3 lists keys in the byte order of their UTF-8 encoding. Java's {@code String.compareTo} compares UTF-16
 * code units, which disagrees for characters above U+FFFF against U+E000..U+FFFF; comparing code points
 * agrees with UTF-8 byte order everywhere.
 */
final class KeyOrder implements Comparator<String> {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

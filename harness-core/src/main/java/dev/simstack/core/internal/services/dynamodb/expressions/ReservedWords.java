package dev.simstack.core.internal.services.dynamodb.expressions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's reserved words ("Reserved words in DynamoDB" in the developer guide), which an expression
 * may not use as a bare attribute name. Read once from a resource; the set never changes.
 */
final class ReservedWords {

    private static final Set<String> WORDS = load();

    private ReservedWords() {
    }

    static boolean isReserved(String name) {
        return WORDS.contains(name.toUpperCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = ReservedWords.class.getResourceAsStream(
                "/dev/simstack/core/internal/services/dynamodb/reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing from harness-core's resources");
            }
            Set<String> words = new HashSet<>();
            for (String word : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

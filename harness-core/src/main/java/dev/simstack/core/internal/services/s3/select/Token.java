package dev.simstack.core.internal.services.s3.select;

/**
 * One token of an S3 Select expression.
 *
 * @param kind what it is
 * @param text its text (a string literal's or quoted identifier's without quotes)
 * @param position its offset in the expression, for messages
 */
record Token(Kind kind, String text, int position) {

    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    /** Whether this is the unquoted keyword {@code word} (keywords are case-insensitive). */
    boolean is(String word) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}

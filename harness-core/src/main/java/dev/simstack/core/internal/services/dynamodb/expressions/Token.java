package dev.simstack.core.internal.services.dynamodb.expressions;

/** One token of an expression, with its place in the text for error messages. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET,
        RIGHT_BRACKET, COMMA, DOT, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, UNKNOWN, EOF
    }

    /** True for an identifier spelled {@code word}, ignoring case: DynamoDB's keywords are case-insensitive. */
    boolean isKeyword(String word) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    /** How AWS names the token in a syntax error. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
